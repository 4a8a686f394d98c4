import TriageModel
import TriageKnowledge

/// Sudden deficit (SPEC §6.1, same day): a sudden onset of slurred speech, facial droop, limb
/// weakness or numbness, or loss of vision → 999 or the stroke-TIA pathway now; possible → a
/// clinician phones the patient today.
///
/// Knowledge: red flag `sudden-deficit` (`red-flags.json`: its symptoms, steps and sources,
/// NICE NG127 "refer immediately", stroke and TIA).
package struct SuddenDeficitRule: Rule {
    /// Creates the rule.
    package init() {}

    /// `sudden-deficit`.
    package let id: RuleID = "sudden-deficit"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        guard let plan = RedFlagPlan(context, flag: RedFlagID.suddenDeficit, rule: id) else { return .notFired }
        let findings = context.findings
        return plan.outcome(stated: findings.stated(plan.flag.symptoms), possible: findings.possible(plan.flag.symptoms))
    }
}
