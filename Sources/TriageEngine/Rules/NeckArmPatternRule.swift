import TriageKnowledge
import TriageModel

/// Neck-arm pattern: neck pain radiating to the arm, or reduced reflexes → a routine examination
/// (dermatomes, myotomes, reflexes, Spurling), and MRI of the cervical spine if it finds a root
/// or cord sign; cervical radiculopathy considered. Routine: the articles give no urgency, and
/// motor red flags are the tiers' (SPEC §6.1).
///
/// Knowledge: symptom set `neck-arm` (`rules.json`); red flag `neck-arm`; condition
/// `cervical-radiculopathy` (arm-twitching-guide: "Neck pain radiating to arm, reduced reflexes
/// — MRI, physical examination").
package struct NeckArmPatternRule: Rule {
    /// `neck-arm-pattern`.
    package let id: RuleID = "neck-arm-pattern"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        let present = context.findings.stated(.neckArm, context.knowledge)
        guard !present.isEmpty, let plan = RedFlagPlan(context, flag: RedFlagID.neckArm, rule: id) else { return .notFired }
        let reasons = present.map(FindingID.symptom)
        return RuleOutcome(
            recommendations: plan.recommendations(plan.flag.steps ?? [], names: present, reasons: reasons),
            conditions: [ConditionID.cervicalRadiculopathy], headline: plan.headline(present), redFlags: [plan.flag.id])
    }
}
