/// Sensory symptoms: numbness, tingling, burning or balance problems with twitching → NCS and
/// blood work (B12, HbA1c or glucose, electrolytes); peripheral neuropathy considered; soon if
/// weakness too, routine otherwise.
///
/// Knowledge: symptoms `numbness`, `tingling`, `burning`, `balance problems`, `weakness`;
/// condition `peripheral-neuropathy` (arm-twitching-guide: "Tingling, numbness, balance
/// issues — Blood tests, nerve conduction studies"); tests `NCS`, `bloodWork` (panel
/// `neuropathy`); random-twitches ("Nerve conduction studies (NCS): Evaluates how well nerves
/// transmit signals").
public struct SensorySymptomsRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `sensory-symptoms`.
    public let id = "sensory-symptoms"

    static let sensory = [SymptomID.numbness, SymptomID.tingling, SymptomID.burning, SymptomID.balance]

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        guard findings.course.twitchDays > 0 else { return .notFired }
        let present = Self.sensory.filter { findings.symptoms.has($0) }
        guard !present.isEmpty else { return .notFired }
        let weakness = findings.symptoms.has(SymptomID.weakness)
        let urgency: Urgency = weakness ? .soon : .routine
        var reasons = present.map(FindingID.symptom)
        if weakness { reasons.append(FindingID.symptom(SymptomID.weakness)) }
        let sources = context.sources(symptoms: present, conditions: ["peripheral-neuropathy"])
        let panel = context.knowledge.test(id: "bloodWork")?.variants.first { $0.id == "neuropathy" }?.analytes
            ?? ["vitaminB12", "hba1c", "glucose", "magnesium", "potassium", "calcium", "sodium"]
        let symptomText = present.joined(separator: ", ")
        return RuleOutcome(
            recommendations: [
                Recommendation(test: .ncs, detail: "Nerve conduction studies for \(symptomText) with twitching\(weakness ? " and weakness" : "").",
                               urgency: urgency, rule: id, reasons: reasons, sources: context.sources(tests: ["NCS"]).merged(with: sources)),
                Recommendation(test: .bloodWork, detail: "Blood work for causes of neuropathy: vitamin B12, HbA1c or fasting glucose, electrolytes.",
                               urgency: urgency, rule: id, reasons: reasons,
                               sources: context.sources(tests: ["bloodWork"]).merged(with: sources), analytes: panel),
            ],
            conditions: ["peripheral-neuropathy", "vitamin-deficiency"],
            headline: "\(symptomText) with twitching\(weakness ? " and weakness" : ""); NCS and blood work for neuropathy")
    }
}
