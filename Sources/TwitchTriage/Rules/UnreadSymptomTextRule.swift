/// Unread symptom text (SPEC §4.1 "Honesty"): symptom text that yielded no concept → a
/// clinician reads it, quoted with its counts; routine, so that the patient is never self-care
/// over words nobody understood (a red flag may be in them).
///
/// Knowledge: none beyond the vocabulary that failed to read the text; the choice is the
/// project's (`twitch-triage`, SPEC §4.1).
public struct UnreadSymptomTextRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `unread-symptom-text`.
    public let id = "unread-symptom-text"

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let items = UnreadSymptomText.items(context.findings.record.journal)
        guard !items.isEmpty else { return .notFired }
        let entries = context.findings.symptoms.unreadEntries
        let quoted = items.map { "\"\($0.text)\" (\($0.count) entr\($0.count == 1 ? "y" : "ies"))" }.joined(separator: ", ")
        return RuleOutcome(
            recommendations: [Recommendation(
                test: .clinicianReview,
                detail: "Read the symptom text the tool could not understand, and ask the patient what it means: \(quoted). Until then no symptom is taken as absent over those entries.",
                urgency: .routine, rule: id, reasons: [FindingID.unreadSymptomText], sources: ["twitch-triage"])],
            conditions: [],
            headline: "symptom text not understood in \(entries) entr\(entries == 1 ? "y" : "ies"); a clinician to read it")
    }
}
