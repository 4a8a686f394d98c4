import TriageKnowledge
import TriageModel

/// Unexplained weight loss (SPEC §6.1): soon, an examination and blood work (thyroid among
/// them); beside a motor finding the suspected motor neuron disease tier makes it urgent.
///
/// Knowledge: red flag `weight-loss` (random-twitches "Unexplained weight loss combined with
/// twitching"; NICE NG12); panel `persistent work-up`.
package struct WeightLossRule: Rule {
    /// Creates the rule.
    package init() {}

    /// `weight-loss`.
    package let id: RuleID = "weight-loss"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        guard let plan = RedFlagPlan(context, flag: RedFlagID.weightLoss, rule: id) else { return .notFired }
        let stated = context.findings.stated(plan.flag.symptoms)
        guard !stated.isEmpty else { return .notFired }
        return RuleOutcome(recommendations: plan.recommendations(plan.flag.steps ?? [], names: stated, reasons: stated.map(FindingID.symptom)),
                           conditions: [], headline: plan.headline(stated), redFlags: [plan.flag.id])
    }
}
