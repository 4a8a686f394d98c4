/// Central pattern: eyelid or facial twitching that spreads over the face, or twitching with
/// vision problems, or with balance problems and numbness → MRI of the brain (and spine); MS
/// considered, lumbar puncture named as a specialist's option. Soon: new neurological signs.
///
/// Knowledge: the Eyelid vs MS contrast rows (neurologist-guide: "Often spreads beyond the
/// eyelid to facial muscles (cheek, mouth, jaw)"; "fatigue, vision problems, numbness, balance
/// issues"); condition `multiple-sclerosis`; tests `MRI` (brain), `lumbarPuncture`
/// (neurologist-guide: "MRI scan … lumbar puncture"); random-twitches ("MRI scans: used if
/// central nervous system involvement (like MS) is suspected").
public struct CentralPatternRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `central-pattern`.
    public let id = "central-pattern"

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        guard findings.course.twitchDays > 0 else { return .notFired }
        var reasons: [String] = []
        if findings.isPresent(FindingID.eyelidFacialSpread) { reasons.append(FindingID.eyelidFacialSpread) }
        if findings.symptoms.has(SymptomID.vision) { reasons.append(FindingID.symptom(SymptomID.vision)) }
        if findings.symptoms.has(SymptomID.balance), findings.symptoms.has(SymptomID.numbness) {
            reasons += [FindingID.symptom(SymptomID.balance), FindingID.symptom(SymptomID.numbness)]
        }
        guard !reasons.isEmpty else { return .notFired }
        var described: [String] = []
        if findings.isPresent(FindingID.eyelidFacialSpread) { described.append("eyelid twitching spreading over the face") }
        if findings.symptoms.has(SymptomID.vision) { described.append("vision problems") }
        if findings.symptoms.has(SymptomID.balance), findings.symptoms.has(SymptomID.numbness) { described.append("balance problems and numbness") }
        if !findings.isPresent(FindingID.eyelidFacialSpread) { described[0] = "twitching with " + described[0] }
        let sources = context.sources(symptoms: [SymptomID.vision, SymptomID.balance, SymptomID.numbness],
                                      conditions: ["multiple-sclerosis"])
            .merged(with: context.knowledge.contrasts.filter { $0.table == "eyelid-vs-ms" }.flatMap(\.sources).map(\.name))
        return RuleOutcome(
            recommendations: [
                Recommendation(test: .mri, detail: "MRI of the brain (and spinal cord) for lesions of central nervous system involvement such as MS; a specialist may add a lumbar puncture.",
                               urgency: .soon, rule: id, reasons: reasons,
                               sources: context.sources(tests: ["MRI", "lumbarPuncture"]).merged(with: sources), region: "brain"),
                Recommendation(test: .neurologyExam, detail: "Neurology examination for other signs of central involvement (vision, sensation, balance).",
                               urgency: .soon, rule: id, reasons: reasons,
                               sources: context.sources(tests: ["neurologyExam"]).merged(with: sources)),
            ],
            conditions: ["multiple-sclerosis"],
            headline: "\(described.joined(separator: " with ")); MRI brain, MS to consider")
    }
}
