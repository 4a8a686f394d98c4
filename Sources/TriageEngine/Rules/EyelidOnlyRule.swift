import TriageKnowledge
import TriageModel

/// Eyelid twitching only (SPEC §6.1): past the benign span but under the eyelid threshold (NICE
/// NG127), with no red flag (present or possible), no spread over the face and no
/// abnormal lab → self-care, and when to come back (both eyes clamp shut, it spreads over the
/// face, the eyelid droops, vision changes, or past the eyelid threshold). Beyond the threshold the
/// persistent-twitching rule examines.
///
/// Knowledge: thresholds `benign-max-span-days`, `eyelid-refer-after-days`; red flag
/// `eyelid-only` (its step and its departure from the seeds).
package struct EyelidOnlyRule: Rule {
    /// `eyelid-only`.
    package let id: RuleID = "eyelid-only"

    /// Whether eyelid twitching alone, under the threshold and without a red flag, is self-care.
    static func applies(_ findings: PatientFindings, _ context: RuleContext) -> Bool {
        let course = findings.course
        guard course.twitchDays > 0, Set(course.regionFirstSeen.keys) == [RegionID.eyelid],
            course.durationAtLeastDays <= Int(context.threshold(Threshold.Key.eyelidReferAfterDays)),
            !findings.isPresent(FindingID.eyelidFacialSpread), findings.labs.abnormal.isEmpty
        else { return false }
        return RedFlagFindings.present(in: findings, knowledge: context.knowledge).isEmpty
    }

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        let days = findings.course.durationAtLeastDays
        guard days > Int(context.threshold(Threshold.Key.benignMaxSpanDays)), Self.applies(findings, context),
            let plan = RedFlagPlan(context, flag: RedFlagID.eyelidOnly, rule: id)
        else { return .notFired }
        let names = ["\(days) days"]
        return RuleOutcome(
            recommendations: plan.recommendations(plan.flag.steps ?? [], names: names, reasons: [FindingID.twitchSpan]),
            conditions: [ConditionID.eyelidMyokymia], headline: plan.headline(names),
            support: [ConditionID.eyelidMyokymia: [FindingID.twitchSpan]])
    }
}
