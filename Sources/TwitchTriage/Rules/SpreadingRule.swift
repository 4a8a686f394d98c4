/// Spreading: a new region group after the first week → soon: neurology examination and EMG.
///
/// Knowledge: threshold `spreading-after-days`; red flags listing spreading
/// (arm-twitching-guide: "Spreading twitching to other body parts"; random-twitches:
/// "Fasciculations spreading from one body region to another"); conditions `als`
/// (arm-twitching-guide: "ALS-related twitching typically spreads and worsens over time") and
/// `bfs` (neurologist-guide: random, migrating twitches); tests `neurologyExam`, `EMG`.
public struct SpreadingRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `spreading`.
    public let id = "spreading"

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let new = context.findings.course.newGroupsAfterFirstWeek
        guard !new.isEmpty else { return .notFired }
        let reasons = [FindingID.spreading, FindingID.multipleRegionGroups]
        let sources = context.sources(thresholds: [Threshold.Key.spreadingAfterDays])
            .merged(with: context.knowledge.redFlags.filter { $0.id.contains("spread") }.flatMap(\.sources).map(\.name))
        let groups = new.map(\.group).joined(separator: ", ")
        return RuleOutcome(
            recommendations: [
                Recommendation(test: .neurologyExam, detail: "Neurology examination: twitching spread to a new body region (\(groups)) after the first week.",
                               urgency: .soon, rule: id, reasons: reasons, sources: context.sources(tests: ["neurologyExam"]).merged(with: sources)),
                Recommendation(test: .emg, detail: "EMG across the affected regions to tell benign from motor neuron disease.",
                               urgency: .soon, rule: id, reasons: reasons, sources: context.sources(tests: ["EMG"]).merged(with: sources)),
            ],
            conditions: ["als", "bfs"],
            headline: "twitching spreading to a new region (\(groups)); neurology exam and EMG")
    }
}
