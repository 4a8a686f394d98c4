import TriageModel
import TriageKnowledge

/// Breathless at rest or lying flat (SPEC §6.1, same day) → assess breathing today (vital
/// capacity lying and sitting, carbon dioxide: a normal oxygen saturation does not exclude
/// neuromuscular respiratory failure), with breathing tests; possible → a clinician phones the
/// patient today.
///
/// Knowledge: red flag `breathless-at-rest` (NICE NG127 "refer immediately if there is
/// breathlessness at rest or when lying flat"; the MND Association red-flag tool).
package struct BreathlessAtRestRule: Rule {
    /// Creates the rule.
    package init() {}

    /// `breathless-at-rest`.
    package let id: RuleID = "breathless-at-rest"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        guard let plan = RedFlagPlan(context, flag: RedFlagID.breathlessAtRest, rule: id) else { return .notFired }
        let findings = context.findings
        return plan.outcome(stated: findings.stated(plan.flag.symptoms), possible: findings.possible(plan.flag.symptoms))
    }
}
