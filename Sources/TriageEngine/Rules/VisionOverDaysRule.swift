import TriageKnowledge
import TriageModel

/// Vision over days (SPEC §6.1): blurred vision, washed-out colours or pain on eye movement over
/// days → an eye examination within about 24 hours (eye casualty by the local pathway), then
/// neurology, and MRI of the brain if the eye examination finds a central cause; never EMG for
/// eyelid or facial twitching. Puts up optic neuritis and MS.
///
/// Knowledge: red flag `vision-over-days` (neurologist-guide; NHS Highland and the College of Optometrists on optic neuritis).
package struct VisionOverDaysRule: Rule {
    /// Creates the rule.
    package init() {}

    /// `vision-over-days`.
    package let id: RuleID = "vision-over-days"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        guard let plan = RedFlagPlan(context, flag: RedFlagID.visionOverDays, rule: id) else { return .notFired }
        let stated = context.findings.stated(plan.flag.symptoms)
        guard !stated.isEmpty else { return .notFired }
        let reasons = stated.map(FindingID.symptom)
        let conditions = [ConditionID.opticNeuritis, ConditionID.multipleSclerosis]
        return RuleOutcome(recommendations: plan.recommendations(plan.flag.steps ?? [], names: stated, reasons: reasons),
                           conditions: conditions, headline: plan.headline(stated),
                           support: Dictionary(uniqueKeysWithValues: conditions.map { ($0, reasons) }), redFlags: [plan.flag.id])
    }
}
