/// Persistent twitching: a span over 14 days without improvement, or over 21 days at all →
/// routine EMG (BFS is a diagnosis of exclusion: EMG rules out nerve disease), and blood work
/// where the core panel is missing or stale.
///
/// Knowledge: thresholds `persistent-without-improvement-days` (arm-twitching-guide and
/// random-twitches: "more than two weeks without improvement"), `persistent-any-days`
/// (arm-twitching-guide FAQ: "beyond three weeks warrants assessment"), `improvement-ratio`;
/// condition `bfs` (arm-twitching-guide: "Clinical history, EMG to rule out nerve disease");
/// tests `EMG`, `bloodWork` (arm-twitching-guide step 3: magnesium, potassium, calcium,
/// vitamin D/B12).
public struct PersistentTwitchingRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `persistent-twitching`.
    public let id = "persistent-twitching"

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let course = context.findings.course
        let withoutImprovement = Int(context.threshold(Threshold.Key.persistentWithoutImprovementDays))
        let atAll = Int(context.threshold(Threshold.Key.persistentAnyDays))
        let improving = course.trend == .improving
        let persistent = course.spanDays > atAll || (course.spanDays > withoutImprovement && !improving)
        guard persistent else { return .notFired }
        let reasons = [FindingID.twitchSpan, FindingID.improving]
        let spanSources = context.sources(thresholds: [Threshold.Key.persistentWithoutImprovementDays, Threshold.Key.persistentAnyDays])
        var recommendations = [
            Recommendation(test: .emg,
                           detail: "EMG for twitching over \(course.spanDays) days: benign fasciculation syndrome is a diagnosis of exclusion, and EMG rules out nerve disease.",
                           urgency: .routine, rule: id, reasons: reasons,
                           sources: context.sources(conditions: ["bfs"], tests: ["EMG"]).merged(with: spanSources)),
        ]
        let gaps = context.findings.labs.coreGaps
        if !gaps.isEmpty {
            recommendations.append(Recommendation(
                test: .bloodWork,
                detail: "Blood work to fill the gap in the core panel (\(gaps.map(\.analyte).joined(separator: ", "))): no current result, so nothing is assumed normal.",
                urgency: .routine, rule: id, reasons: [FindingID.coreLabsGap],
                sources: context.sources(tests: ["bloodWork"]), analytes: gaps.map(\.analyte)))
        }
        let trend: String
        switch course.trend {
        case .improving: trend = ", improving"
        case .stable, .worsening: trend = " without improvement"
        case .unknown: trend = ""
        }
        let headline = "twitching for \(course.spanDays) days\(trend); EMG to rule out nerve disease"
        return RuleOutcome(recommendations: recommendations, conditions: ["bfs"], headline: headline)
    }
}
