/// Central pattern: eyelid or facial twitching that spreads over the face, or twitching with
/// vision problems, or with balance problems and numbness → MRI of the brain (and spine); MS
/// considered, lumbar puncture named as a specialist's option. Soon: new neurological signs.
///
/// Knowledge: symptom sets `central-vision`, `central-balance-numbness` (`rules.json`); the
/// Eyelid vs MS contrast rows (neurologist-guide: "Often spreads beyond the eyelid to facial
/// muscles (cheek, mouth, jaw)"; "fatigue, vision problems, numbness, balance issues");
/// condition `multiple-sclerosis`; tests `MRI` (brain), `lumbarPuncture` (neurologist-guide:
/// "MRI scan … lumbar puncture"); random-twitches ("MRI scans: used if central nervous system
/// involvement (like MS) is suspected").
public struct CentralPatternRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `central-pattern`.
    public let id = "central-pattern"

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        guard findings.course.twitchDays > 0 else { return .notFired }
        var reasons: [FindingID] = []
        var described: [String] = []
        let facial = findings.isPresent(FindingID.eyelidFacialSpread)
        if facial {
            reasons.append(FindingID.eyelidFacialSpread)
            described.append("eyelid twitching spreading over the face")
        }
        for set in [SymptomSetID.centralVision, .centralBalanceNumbness] {
            let symptoms = context.knowledge.symptomSet(set)
            guard symptoms.shown(by: findings.symptoms.has) else { continue }
            let present = symptoms.present(findings.symptoms.has)
            reasons += present.map(FindingID.symptom)
            described.append(present.joined(separator: " and "))
        }
        guard !reasons.isEmpty else { return .notFired }
        if !facial { described[0] = "twitching with " + described[0] }
        let sources = context.sources(conditions: [ConditionID.multipleSclerosis], sets: [.centralVision, .centralBalanceNumbness])
            .merged(with: context.knowledge.contrasts(table: ContrastTableID.eyelidVsMS).flatMap(\.sources).map(\.name))
        return RuleOutcome(
            recommendations: [
                Recommendation(test: .mri, detail: "MRI of the brain (and spinal cord) for lesions of central nervous system involvement such as MS; a specialist may add a lumbar puncture.",
                               urgency: .soon, rule: id, reasons: reasons,
                               sources: context.sources(tests: [Recommendation.Test.mri.rawValue, CatalogueTestID.lumbarPuncture]).merged(with: sources),
                               region: VariantID.brain),
                Recommendation(test: .neurologyExam, detail: "Neurology examination for other signs of central involvement (vision, sensation, balance).",
                               urgency: .soon, rule: id, reasons: reasons,
                               sources: context.sources(tests: [.neurologyExam]).merged(with: sources)),
            ],
            conditions: [ConditionID.multipleSclerosis],
            headline: "\(described.joined(separator: " with ")); MRI brain, MS to consider")
    }
}
