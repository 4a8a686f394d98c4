import TriageKnowledge
import TriageModel

/// Persistent twitching: lasting over the persistence thresholds (`persistent-without-improvement-days`
/// without improvement, `persistent-any-days` at all) →
/// a routine clinical and neurological examination first (SPEC §6.2), EMG as its conditional next
/// step ("if the examination finds weakness, wasting or reflex change"; never for twitching of
/// the eyelid or face alone), and blood work for the persistent work-up where a result is
/// missing, stale or older than the recent days. The duration is the journal's span or more,
/// when a note says so ("for months"): the span is a lower bound. Eyelid twitching alone under
/// the eyelid threshold is the eyelid-only rule's (self-care, NICE NG127).
///
/// Puts up BFS unless a motor finding is stated (BFS has no weakness or wasting by definition),
/// listed where something specific speaks for it. Age and duration are context, never "for" a
/// condition (SPEC §6.3).
///
/// Knowledge: thresholds `persistent-without-improvement-days`, `persistent-any-days`,
/// `eyelid-refer-after-days`, `recent-lab-days`; red flag `persistent-two-weeks` (its steps, NICE
/// NG127 and its departure from the seeds); condition `bfs`; panel `persistent work-up`.
package struct PersistentTwitchingRule: Rule {
    /// `persistent-twitching`.
    package let id: RuleID = "persistent-twitching"

    /// Whether the twitching is persistent by the thresholds.
    package static func persistent(_ course: TwitchCourse, _ context: RuleContext) -> Bool {
        guard course.twitchDays > 0 else { return false }
        let withoutImprovement = Int(context.threshold(Threshold.Key.persistentWithoutImprovementDays))
        let atAll = Int(context.threshold(Threshold.Key.persistentAnyDays))
        let days = course.durationAtLeastDays
        return days > atAll || (days > withoutImprovement && course.trend != .improving)
    }

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        let course = findings.course
        guard Self.persistent(course, context), !EyelidOnlyRule.applies(findings, context),
            let plan = RedFlagPlan(context, flag: RedFlagID.persistent, rule: id)
        else { return .notFired }
        let days = course.durationAtLeastDays
        let spanReasons = [FindingID.twitchSpan] + (course.durationNote == nil ? [] : [FindingID.durationFromNotes])
        let reasons = spanReasons + [FindingID.improving]
        let rules = context.knowledge.rules
        let span = course.durationNote == nil ? "\(days) days" : rules.sentence(.atLeastDays, ["days": String(days)])
        let lasting = course.durationNote.map { rules.sentence(.noteSays, ["duration": span, "phrase": $0.phrase]) } ?? span
        func trend(_ duration: String) -> String {
            switch course.trend {
            case .improving: rules.sentence(.durationImproving, ["duration": duration])
            case .stable, .worsening: rules.sentence(.durationNotImproving, ["duration": duration])
            case .unknown: duration
            }
        }
        let cranialOnly = !course.groups.isEmpty && course.groups.allSatisfy { $0.group == RegionGroupID.cranial }
        let steps = (plan.flag.steps ?? []).filter { !(cranialOnly && $0.test == .emg) }
        var recommendations = plan.recommendations(steps, names: [trend(lasting)], reasons: reasons)
        let panel = context.knowledge.panel(VariantID.persistentWorkup)
        let blood = recommendations.first { $0.test == .bloodWork }
        if let index = recommendations.firstIndex(where: { $0.test == .bloodWork }) {
            recommendations[index].reasons = [FindingID.coreLabsGap] + spanReasons
        } else if let cited = context.citingRecent(panel), let exam = recommendations.firstIndex(where: { $0.test == .neurologyExam }) {
            recommendations[exam].detail += cited
        }

        var conditions: [ConditionID] = []
        var support: [ConditionID: [FindingID]] = [:]
        if SuspectedMNDRule.flags(findings, context.knowledge).isEmpty, findings.stated(.limbMotor, context.knowledge).isEmpty {
            // Duration is context, never "for" (SPEC §6.3): BFS is listed where a contrast row
            // (no weakness scored, a stable course, migrating twitching) speaks for it.
            conditions.append(ConditionID.bfs)
            support[ConditionID.bfs] = []
        }
        var headline = plan.headline([trend(span)])
        if let draw = blood?.analytes {
            headline += "; " + Self.gap(draw, findings: findings, context: context)
        }
        return RuleOutcome(recommendations: recommendations, conditions: conditions, headline: headline, support: support)
    }

    /// The blood-work gap in a few words: "no labs on file", "core panel stale (2026-04-14)",
    /// "TSH not measured", "blood work for magnesium, potassium".
    static func gap(_ draw: [AnalyteID], findings: PatientFindings, context: RuleContext) -> String {
        let rules = context.knowledge.rules
        if findings.labResults.isEmpty { return rules.sentence(.gapNoLabs) }
        let standings = draw.map(findings.labs.standing)
        let misreported = Set(findings.record.diagnostics.compactMap(\.misreportedAnalyte))
        let missing = standings.filter { $0.missing && !misreported.contains($0.analyte) }.map { context.spokenName($0.analyte) }
        var parts: [String] = standings.filter { $0.missing && misreported.contains($0.analyte) }.map {
            context.knowledge.labActions.gaps.misreportedShort.filling("{analyte}", with: context.spokenName($0.analyte))
        }
        let stale = Set(standings.filter(\.stale).compactMap { $0.latest?.collected.date }).sorted()
        let old = Set(standings.filter { !$0.missing && !$0.stale }.compactMap { $0.latest?.collected.date }).sorted()
        if let date = stale.first { parts.append(rules.sentence(.gapStale, ["date": "\(date)"])) }
        if let date = old.first {
            parts.append(rules.sentence(.gapOld, ["date": "\(date)", "days": String(Int(context.threshold(.recentLabDays)))]))
        }
        if !missing.isEmpty { parts.append(rules.sentence(.gapNeverMeasured, ["analytes": missing.joined(separator: ", ")])) }
        return rules.sentence(.gapList, ["gaps": parts.joined(separator: "; ")])
    }
}
