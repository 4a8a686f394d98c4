/// Benign pattern: twitching over 14 days or less (or a longer span that is improving and not
/// yet persistent), no red flag, no abnormal lab → self-care: lifestyle advice from the
/// articles and when to come back. Missing or stale core labs are not called normal: the
/// advice says none are on file and that blood work comes in if the twitching goes past two
/// weeks (arm-twitching-guide step 3); a short benign twitch does not need it now.
///
/// The improving-span case is our addition: SPEC §6 leaves a 15-21-day improving span to no
/// rule, and a clinician would give it the same advice. Knowledge: threshold
/// `benign-max-span-days`; advice rows (`advice.json`); contrast table `normal-vs-serious`
/// (random-twitches); arm-twitching-guide ("Most benign twitches resolve within a few days to
/// two weeks"), neurologist-guide ("Over 90% of muscle twitching cases are benign").
public struct BenignPatternRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `benign-pattern`.
    public let id = "benign-pattern"

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        let course = findings.course
        guard course.twitchDays > 0 else { return .notFired }
        let maxSpan = Int(context.threshold(Threshold.Key.benignMaxSpanDays))
        let anyDays = Int(context.threshold(Threshold.Key.persistentAnyDays))
        let shortOrResolving = course.spanDays <= maxSpan || (course.spanDays <= anyDays && course.trend == .improving)
        guard shortOrResolving, RedFlagFindings.present(in: findings).isEmpty, findings.labs.abnormal.isEmpty else {
            return .notFired
        }
        let exposures = Set(findings.lifestyle.correlations.filter { $0.exposedDays > 0 }.map(\.factor.trigger))
        let advice = context.knowledge.advice.filter { $0.kind == "lifestyle" && ($0.trigger == nil || exposures.contains($0.trigger!)) }
        let comeBack = context.knowledge.advice.filter { $0.kind == "return" }
        var detail = "Self-care: " + advice.map(\.text).joined(separator: " ")
        if !comeBack.isEmpty { detail += " Come back if: " + comeBack.map(\.text).joined(separator: "; ") + "." }
        let gaps = findings.labs.coreGaps
        if !gaps.isEmpty {
            detail += " No current result for \(gaps.map(\.analyte).joined(separator: ", ")): not assumed normal; blood work comes in if the twitching lasts past two weeks."
        }
        let recommendations = [Recommendation(
            test: .lifestyle, detail: detail, urgency: .selfCare, rule: id,
            reasons: [FindingID.twitchSpan, FindingID.spreading, FindingID.progressiveWeakness] + (gaps.isEmpty ? [] : [FindingID.coreLabsGap]),
            sources: (advice + comeBack).flatMap(\.sources).map(\.name).merged(with: context.sources(thresholds: [.benignMaxSpanDays])))]
        return RuleOutcome(recommendations: recommendations, conditions: [],
                           headline: "short-lived twitching (\(course.spanDays) day\(course.spanDays == 1 ? "" : "s")) with no red flag; lifestyle advice")
    }
}
