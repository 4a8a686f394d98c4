/// Sensory symptoms: numbness, tingling, burning or balance problems with twitching → NCS and
/// blood work (B12, HbA1c or glucose, electrolytes: only what is missing, stale or older than
/// the recent days); peripheral neuropathy considered, and vitamin deficiency unless B12 is
/// recent and normal; soon if weakness too, routine otherwise.
///
/// Knowledge: symptom set `sensory` (`rules.json`); condition `peripheral-neuropathy`
/// (arm-twitching-guide: "Tingling, numbness, balance issues — Blood tests, nerve conduction
/// studies"); tests `NCS`, `bloodWork` (panel `neuropathy`); random-twitches ("Nerve conduction
/// studies (NCS): Evaluates how well nerves transmit signals").
public struct SensorySymptomsRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `sensory-symptoms`.
    public let id = "sensory-symptoms"

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        guard findings.course.twitchDays > 0 else { return .notFired }
        let present = context.knowledge.symptomSet(.sensory).present(findings.symptoms.has)
        guard !present.isEmpty else { return .notFired }
        let weakness = findings.symptoms.has(SymptomID.weakness)
        let urgency: Urgency = weakness ? .soon : .routine
        var reasons = present.map(FindingID.symptom)
        if weakness { reasons.append(FindingID.symptom(SymptomID.weakness)) }
        let sources = context.sources(conditions: [ConditionID.peripheralNeuropathy], sets: [.sensory])
        let panel = context.knowledge.panel(VariantID.neuropathyPanel)
        let symptomText = present.joined(separator: ", ")
        var recommendations = [
            Recommendation(test: .ncs, detail: "Nerve conduction studies for \(symptomText) with twitching\(weakness ? " and weakness" : "").",
                           urgency: urgency, rule: id, reasons: reasons, sources: context.sources(tests: [.ncs]).merged(with: sources)),
        ]
        if let blood = context.bloodWork(panel, purpose: "Blood work for causes of neuropathy", urgency: urgency, rule: id,
                                         reasons: reasons, sources: sources) {
            recommendations.append(blood)
        } else if let cited = context.citingRecent(panel) {
            recommendations[0].detail += cited
        }
        let b12 = findings.labs.standing(AnalyteID.vitaminB12)
        let b12Normal = b12.recent && b12.latest?.status == .normal
        var conditions = [ConditionID.peripheralNeuropathy]
        var support = [ConditionID.peripheralNeuropathy: present.map(FindingID.symptom)]
        if !b12Normal {
            conditions.append(ConditionID.vitaminDeficiency)
            support[ConditionID.vitaminDeficiency] = present.map(FindingID.symptom) + (b12.abnormal ? [FindingID.lab(AnalyteID.vitaminB12)] : [])
        }
        return RuleOutcome(recommendations: recommendations, conditions: conditions,
                           headline: "\(symptomText) with twitching\(weakness ? " and weakness" : ""); NCS for neuropathy",
                           support: support)
    }
}
