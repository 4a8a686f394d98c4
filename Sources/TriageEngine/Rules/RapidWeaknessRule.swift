import TriageModel
import TriageKnowledge

/// Rapidly progressive weakness (SPEC §6.1, same day): weakness getting worse over days, or
/// tingling that climbs → the emergency department today (Guillain-Barré syndrome), with bulbar
/// and breathing assessment; possible → a clinician phones the patient today.
///
/// Knowledge: red flag `rapid-weakness` (NICE NG127 "refer immediately adults with rapidly
/// (within 4 weeks) progressive symmetrical limb weakness").
package struct RapidWeaknessRule: Rule {
    /// Creates the rule.
    package init() {}

    /// `rapid-weakness`.
    package let id: RuleID = "rapid-weakness"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        guard let plan = RedFlagPlan(context, flag: RedFlagID.rapidWeakness, rule: id) else { return .notFired }
        let findings = context.findings
        return plan.outcome(stated: findings.stated(plan.flag.symptoms), possible: findings.possible(plan.flag.symptoms))
    }
}
