/// Neck-arm pattern: neck pain radiating to the arm, or reduced reflexes → MRI of the cervical
/// spine and a physical examination; cervical radiculopathy considered. Routine: the articles
/// give no urgency, and red flags are the motor neuron rule's.
///
/// Knowledge: symptom set `neck-arm` (`rules.json`); condition
/// `cervical-radiculopathy` (arm-twitching-guide: "Neck pain radiating to arm, reduced reflexes
/// — MRI, physical examination"); arm-twitching-causes (pinched nerve; CT/MRI, X-ray).
public struct NeckArmPatternRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `neck-arm-pattern`.
    public let id = "neck-arm-pattern"

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let symptoms = context.findings.symptoms
        let present = context.knowledge.symptomSet(.neckArm).present(symptoms.has)
        guard !present.isEmpty else { return .notFired }
        let reasons = present.map(FindingID.symptom)
        let sources = context.sources(conditions: [ConditionID.cervicalRadiculopathy], sets: [.neckArm])
        return RuleOutcome(
            recommendations: [
                Recommendation(test: .mri, detail: "MRI of the cervical spine for a pinched nerve root (herniated disc, stenosis).",
                               urgency: .routine, rule: id, reasons: reasons,
                               sources: context.sources(tests: [.mri]).merged(with: sources), region: VariantID.cervicalSpine),
                Recommendation(test: .neurologyExam, detail: "Physical and neurological examination: neck, reflexes, strength and sensation in the arm.",
                               urgency: .routine, rule: id, reasons: reasons,
                               sources: context.sources(tests: [.neurologyExam]).merged(with: sources)),
            ],
            conditions: [ConditionID.cervicalRadiculopathy],
            headline: "\(present.joined(separator: " and ")); MRI of the cervical spine for radiculopathy")
    }
}
