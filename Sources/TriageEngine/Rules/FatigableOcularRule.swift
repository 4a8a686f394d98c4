import TriageKnowledge
import TriageModel

/// Fatigable ptosis or double vision (SPEC §6.1): a drooping eyelid, double vision, or weakness
/// that worsens with use → urgent neurology (acetylcholine-receptor antibodies); myasthenia
/// gravis put up. With a speech, swallowing or breathing change the same-day bulbar-crisis rule
/// acts too.
///
/// Knowledge: red flag `fatigable-ocular` (RCEM and FICM on myasthenia gravis); condition
/// `myasthenia-gravis`.
package struct FatigableOcularRule: Rule {
    /// Creates the rule.
    package init() {}

    /// `fatigable-ocular`.
    package let id: RuleID = "fatigable-ocular"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        guard let plan = RedFlagPlan(context, flag: RedFlagID.fatigableOcular, rule: id) else { return .notFired }
        let stated = context.findings.stated(plan.flag.symptoms)
        guard !stated.isEmpty else { return .notFired }
        let reasons = stated.map(FindingID.symptom)
        return RuleOutcome(recommendations: plan.recommendations(plan.flag.steps ?? [], names: stated, reasons: reasons),
                           conditions: [ConditionID.myasthenia], headline: plan.headline(stated),
                           support: [ConditionID.myasthenia: reasons], redFlags: [plan.flag.id])
    }
}
