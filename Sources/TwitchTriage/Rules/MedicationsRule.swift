/// Medications: a medication class the articles link to twitching → a note to review it with
/// the prescriber; no test. Routine: the prescriber decides, at the next ordinary contact.
///
/// Knowledge: medication classes (`vocabulary.json`): corticosteroids, diuretics, asthma
/// inhalers / beta-agonists (random-twitches, arm-twitching-guide), psychotropic drugs
/// (arm-twitching-causes); condition `medication-side-effect`.
public struct MedicationsRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `medications`.
    public let id = "medications"

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let uses = context.findings.medications
        guard !uses.isEmpty else { return .notFired }
        let classes = context.knowledge.vocabulary.medicationClasses
        let described = uses.map { use in
            "\(use.drugs.joined(separator: ", ")) (\(classes.first { $0.id == use.medicationClass }?.label ?? use.medicationClass))"
        }
        let sources = uses.flatMap { use in classes.first { $0.id == use.medicationClass }?.sources.map(\.name) ?? [] }
            .merged(with: context.sources(conditions: ["medication-side-effect"]))
        return RuleOutcome(
            recommendations: [Recommendation(
                test: .prescriberReview,
                detail: "Review with the prescriber: \(described.joined(separator: "; ")) can cause twitching as a side effect. Do not stop a medication without the prescriber.",
                urgency: .routine, rule: id, reasons: uses.map { FindingID.medication($0.medicationClass) }, sources: sources)],
            conditions: ["medication-side-effect"],
            headline: "twitching on \(described.joined(separator: "; ")); review with the prescriber")
    }
}
