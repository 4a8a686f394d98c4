import TriageModel
import TriageKnowledge

/// Sudden loss of vision (SPEC §6.1, same day) → eye casualty or the stroke pathway today (at 50
/// or over, giant cell arteritis); possible → a clinician phones the patient today.
///
/// Knowledge: red flag `sudden-vision-loss` (NICE NG127; the BSR on giant cell arteritis).
package struct SuddenVisionLossRule: Rule {
    /// Creates the rule.
    package init() {}

    /// `sudden-vision-loss`.
    package let id: RuleID = "sudden-vision-loss"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        guard let plan = RedFlagPlan(context, flag: RedFlagID.suddenVisionLoss, rule: id) else { return .notFired }
        let findings = context.findings
        return plan.outcome(stated: findings.stated(plan.flag.symptoms), possible: findings.possible(plan.flag.symptoms))
    }
}
