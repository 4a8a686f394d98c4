/// Persistent twitching: lasting over 14 days without improvement, or over 21 days at all →
/// routine EMG (BFS is a diagnosis of exclusion: EMG rules out nerve disease), and blood work
/// for the persistent work-up (core panel and TSH) where a result is missing, stale or older
/// than the recent days. The duration is the journal's span or more, when a note says so
/// ("for months"): the span is a lower bound (SPEC §6).
///
/// Puts up BFS, unless a motor red flag is present (BFS has no weakness or wasting by
/// definition); puts up ALS at an age within its usual onset band (neurologist-guide: "Usually
/// adults aged 40-70"), where the EMG is what rules it out.
///
/// Knowledge: thresholds `persistent-without-improvement-days` (arm-twitching-guide and
/// random-twitches: "more than two weeks without improvement"), `persistent-any-days`
/// (arm-twitching-guide FAQ: "beyond three weeks warrants assessment"), `improvement-ratio`,
/// `recent-lab-days`; conditions `bfs` (arm-twitching-guide: "Clinical history, EMG to rule out
/// nerve disease"), `als`; tests `EMG`, `bloodWork` (panel `persistent work-up`:
/// arm-twitching-guide step 3; thyroid dysfunction, random-twitches and neurologist-guide).
public struct PersistentTwitchingRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `persistent-twitching`.
    public let id = "persistent-twitching"

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        let course = findings.course
        guard course.twitchDays > 0 else { return .notFired }
        let withoutImprovement = Int(context.threshold(Threshold.Key.persistentWithoutImprovementDays))
        let atAll = Int(context.threshold(Threshold.Key.persistentAnyDays))
        let improving = course.trend == .improving
        let days = course.durationAtLeastDays
        let persistent = days > atAll || (days > withoutImprovement && !improving)
        guard persistent else { return .notFired }
        let spanReasons = [FindingID.twitchSpan] + (course.durationNote == nil ? [] : [FindingID.durationFromNotes])
        let reasons = spanReasons + [FindingID.improving]
        let spanSources = context.sources(thresholds: [Threshold.Key.persistentWithoutImprovementDays, Threshold.Key.persistentAnyDays])
        let lasting = course.durationNote == nil ? "\(days) days" : "at least \(days) days (a note says \"\(course.durationNote!.phrase)\")"
        var recommendations = [
            Recommendation(test: .emg,
                           detail: "EMG for twitching over \(lasting): benign fasciculation syndrome is a diagnosis of exclusion, and EMG rules out nerve disease.",
                           urgency: .routine, rule: id, reasons: reasons,
                           sources: context.sources(conditions: [ConditionID.bfs], tests: [Recommendation.Test.emg.rawValue]).merged(with: spanSources)),
        ]
        let panel = context.knowledge.panel(VariantID.persistentWorkup)
        let blood = context.bloodWork(panel, purpose: "Blood work for persistent twitching, nothing assumed normal", urgency: .routine,
                                      rule: id, reasons: [FindingID.coreLabsGap] + spanReasons,
                                      sources: context.knowledge.variant(VariantID.persistentWorkup, of: Recommendation.Test.bloodWork.rawValue)?.sources.map(\.name) ?? [])
        if let blood {
            recommendations.append(blood)
        } else if let cited = context.citingRecent(panel) {
            recommendations[0].detail += cited
        }

        var conditions: [ConditionID] = []
        var support: [ConditionID: [FindingID]] = [:]
        if MotorNeuronRedFlagsRule.flags(findings, context.knowledge).isEmpty {
            conditions.append(ConditionID.bfs)
            support[ConditionID.bfs] = spanReasons
        }
        if findings.isPresent(FindingID.alsOnsetAge) {
            conditions.append(ConditionID.als)
            support[ConditionID.als] = [FindingID.alsOnsetAge] + spanReasons
        }
        let trend: String
        switch course.trend {
        case .improving: trend = ", improving"
        case .stable, .worsening: trend = " without improvement"
        case .unknown: trend = ""
        }
        var headline = "twitching for \(course.durationNote == nil ? "" : "at least ")\(days) days\(trend): EMG"
        if let draw = blood?.analytes {
            headline += "; " + Self.gap(draw, findings: findings, context: context)
        }
        return RuleOutcome(recommendations: recommendations, conditions: conditions, headline: headline, support: support)
    }

    /// The blood-work gap in a few words: "no labs on file", "core panel stale (2026-04-14)",
    /// "TSH not measured", "blood work for magnesium, potassium".
    static func gap(_ draw: [String], findings: PatientFindings, context: RuleContext) -> String {
        if findings.labResults.isEmpty { return "blood work (no labs on file)" }
        let standings = draw.map(findings.labs.standing)
        let misreported = Set(findings.record.diagnostics.compactMap(\.misreportedAnalyte))
        let missing = standings.filter { $0.missing && !misreported.contains($0.analyte) }.map { context.spokenName($0.analyte) }
        var parts: [String] = standings.filter { $0.missing && misreported.contains($0.analyte) }.map {
            context.knowledge.labActions.gaps.misreportedShort.replacingOccurrences(of: "{analyte}", with: context.spokenName($0.analyte))
        }
        let stale = Set(standings.filter(\.stale).compactMap { $0.latest?.collected.date }).sorted()
        let old = Set(standings.filter { !$0.missing && !$0.stale }.compactMap { $0.latest?.collected.date }).sorted()
        if let date = stale.first { parts.append("results of \(date) stale") }
        if let date = old.first { parts.append("results of \(date) over \(Int(context.threshold(.recentLabDays))) days old") }
        if !missing.isEmpty { parts.append("\(missing.joined(separator: ", ")) never measured") }
        return "blood work (" + parts.joined(separator: "; ") + ")"
    }
}
