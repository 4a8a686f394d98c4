import TriageKnowledge
import TriageModel

/// Medications: a medication class the articles link to twitching → a review with the
/// prescriber (who: the GP), with the class's own note from `medication-notes.json`
/// (corticosteroids: steroid myopathy; diuretics: magnesium and potassium loss, linked to a low
/// result on file; beta-agonist inhalers: tremor, and a reliever used daily is poorly
/// controlled asthma; psychotropic drugs: review the dose change). Each drug gets only its own
/// class's note; a drug is never to be stopped on this tool's word, only reviewed with the
/// prescriber (SPEC §6.2, §6.4). Routine: the prescriber decides, at the next ordinary contact.
///
/// Knowledge: medication classes (`vocabulary.json`); their notes, linked analytes and
/// frequent-use rows (`medication-notes.json`); condition `medication-side-effect`.
package struct MedicationsRule: Rule {
    /// `medications`.
    package let id: RuleID = "medications"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        let uses = findings.medications
        guard !uses.isEmpty else { return .notFired }
        let knowledge = context.knowledge
        var notes: [String] = []
        var reasons: [FindingID] = []
        var sources = context.sources(conditions: [ConditionID.medicationSideEffect])
        for use in uses {
            let label = knowledge.medicationClass(id: use.medicationClass)?.label ?? use.medicationClass.rawValue
            let note = knowledge.medicationNotes.first { $0.medicationClass == use.medicationClass }
            var parts = ["\(use.drugs.joined(separator: ", ")) (\(label))"]
            if let note { parts.append(note.note) }
            reasons.append(FindingID.medication(use.medicationClass))
            let lows = (note?.linkedAnalytes ?? []).compactMap { findings.labs.standing($0).latest }
                .filter { $0.status == .low || $0.status == .criticalLow }
            if !lows.isEmpty, let linked = note?.linkedNote {
                parts.append(linked + ": " + lows.map(context.describe).joined(separator: ", "))
                reasons += lows.map { FindingID.lab($0.analyte) }
            }
            if let frequent = note?.frequentUse {
                let entries = findings.record.journal.count
                let days = Set(
                    findings.record.journal.filter { entry in
                        entry.medications.contains { $0.medicationClass == use.medicationClass }
                    }.map(\.date)
                ).count
                if days >= frequent.minEntries, entries > 0, Double(days) >= frequent.minShare * Double(entries) {
                    parts.append(
                        frequent.note.filling("{days}", with: String(days))
                            .filling("{entries}", with: String(entries)))
                }
            }
            notes.append(parts.joined(separator: ": "))
            sources = sources.merged(with: (knowledge.medicationClass(id: use.medicationClass)?.sources ?? []).map(\.name))
                .merged(with: note?.sources.map(\.name) ?? [])
        }
        let drugs = uses.flatMap(\.drugs)
        var review = Recommendation(
            test: .prescriberReview, detail: notes.map { $0 + "." }.joined(separator: " "),
            urgency: .routine, rule: id, reasons: reasons, sources: sources)
        review.who = .gp
        return RuleOutcome(
            recommendations: [review],
            conditions: [ConditionID.medicationSideEffect],
            headline: knowledge.rules.sentence(
                drugs.count == 1 ? .medicationHeadlineOne : .medicationHeadlineSeveral,
                ["drugs": drugs.joined(separator: ", ")]),
            support: [ConditionID.medicationSideEffect: reasons])
    }
}
