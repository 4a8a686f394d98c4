import TriageKnowledge
import TriageModel

/// Episodes of tingling around the mouth or in both hands, or spasm of the hands (SPEC §6.1) →
/// calcium (adjusted) and magnesium; hyperventilation considered; not nerve conduction studies.
/// A low calcium with these symptoms is the lab rules' same-day row.
///
/// Knowledge: red flag `perioral-tingling` (the Society for Endocrinology on hypocalcaemia; RCEM on hyperventilation).
package struct PerioralTinglingRule: Rule {
    /// Creates the rule.
    package init() {}

    /// `perioral-tingling`.
    package let id: RuleID = "perioral-tingling"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        guard let plan = RedFlagPlan(context, flag: RedFlagID.perioralTingling, rule: id) else { return .notFired }
        let stated = context.findings.stated(plan.flag.symptoms)
        guard !stated.isEmpty else { return .notFired }
        return RuleOutcome(recommendations: plan.recommendations(plan.flag.steps ?? [], names: stated, reasons: stated.map(FindingID.symptom)),
                           conditions: [ConditionID.electrolyteImbalance], headline: plan.headline(stated),
                           support: [ConditionID.electrolyteImbalance: stated.map(FindingID.symptom)], redFlags: [plan.flag.id])
    }
}
