/// Medications: a medication class the articles link to twitching → a note to review it with
/// the prescriber, the class's own note (corticosteroids: steroid myopathy; diuretics:
/// magnesium and potassium loss, linked to a low result on file; beta-agonist inhalers: tremor
/// and twitching; psychotropic drugs), and no test. Routine: the prescriber decides, at the
/// next ordinary contact.
///
/// Knowledge: medication classes (`vocabulary.json`); their notes and linked analytes
/// (`rules.json` `medicationNotes`: random-twitches, arm-twitching-guide, arm-twitching-causes);
/// condition `medication-side-effect`.
public struct MedicationsRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `medications`.
    public let id = "medications"

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        let uses = findings.medications
        guard !uses.isEmpty else { return .notFired }
        let knowledge = context.knowledge
        var notes: [String] = []
        var reasons: [FindingID] = []
        var sources = context.sources(conditions: [ConditionID.medicationSideEffect])
        for use in uses {
            let label = knowledge.medicationClass(id: use.medicationClass)?.label ?? use.medicationClass
            let note = knowledge.rules.medicationNote(use.medicationClass)
            var text = "\(use.drugs.joined(separator: ", ")) (\(label))"
            if let note { text += ": \(note.note)" }
            reasons.append(FindingID.medication(use.medicationClass))
            let lows = (note?.linkedAnalytes ?? []).compactMap { findings.labs.standing($0).latest }.filter { $0.status == .low || $0.status == .criticalLow }
            if !lows.isEmpty {
                text += "; on file: " + lows.map(context.describe).joined(separator: ", ")
                reasons += lows.map { FindingID.lab($0.analyte) }
            }
            notes.append(text)
            sources = sources.merged(with: (knowledge.medicationClass(id: use.medicationClass)?.sources ?? []).map(\.name))
                .merged(with: note?.sources.map(\.name) ?? [])
        }
        let drugs = uses.flatMap(\.drugs)
        return RuleOutcome(
            recommendations: [Recommendation(
                test: .prescriberReview,
                detail: "Review with the prescriber: \(notes.joined(separator: ". ")). Do not stop a medication without the prescriber.",
                urgency: .routine, rule: id, reasons: reasons, sources: sources)],
            conditions: [ConditionID.medicationSideEffect],
            headline: "twitching on \(drugs.joined(separator: ", ")); review \(drugs.count == 1 ? "it" : "them") with the prescriber",
            support: [ConditionID.medicationSideEffect: reasons])
    }
}
