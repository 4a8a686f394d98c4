import TriageKnowledge
import TriageModel

/// Unread symptom text (SPEC §4.1 "Honesty"): symptom text that yielded no concept → a clinician
/// reads it today ("today: read the patient's words"), quoted with its counts, so that the
/// patient is never self-care over words nobody understood (a red flag may be in them).
///
/// Knowledge: red flag `unread-symptom-text` (its step, timeframe `read-today` and headline).
package struct UnreadSymptomTextRule: Rule {
    /// `unread-symptom-text`.
    package let id: RuleID = "unread-symptom-text"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        let items = UnreadSymptomText.items(context.findings.record.journal)
        guard !items.isEmpty, let plan = RedFlagPlan(context, flag: RedFlagID.unreadSymptomText, rule: id) else { return .notFired }
        let entries = context.findings.symptoms.unreadEntries
        let quoted = items.map { "\"\($0.text)\" (\($0.count) entr\($0.count == 1 ? "y" : "ies"))" }
        return RuleOutcome(
            recommendations: plan.recommendations(plan.flag.steps ?? [], names: quoted, reasons: [FindingID.unreadSymptomText]),
            conditions: [], headline: plan.headline(["\(entries) entr\(entries == 1 ? "y" : "ies")"]))
    }
}
