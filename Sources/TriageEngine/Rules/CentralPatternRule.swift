import TriageKnowledge
import TriageModel

/// Central pattern: eyelid or facial twitching that spreads over the face, or balance problems
/// with numbness → soon: neurology examination and MRI of the brain; MS considered (and
/// hemifacial spasm for the face), lumbar puncture named as a specialist's option. Vision is the
/// vision-over-days rule's (an eye examination first).
///
/// Knowledge: symptom set `central-balance-numbness` (`rules.json`); red flag `central-pattern`;
/// the Eyelid vs MS contrast rows (neurologist-guide: "Often spreads beyond the eyelid to facial
/// muscles (cheek, mouth, jaw)"); conditions `multiple-sclerosis`, `hemifacial-spasm`.
package struct CentralPatternRule: Rule {
    /// `central-pattern`.
    package let id: RuleID = "central-pattern"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        guard findings.course.twitchDays > 0, let plan = RedFlagPlan(context, flag: RedFlagID.centralPattern, rule: id) else {
            return .notFired
        }
        var reasons: [FindingID] = []
        var names: [String] = []
        var conditions = [ConditionID.multipleSclerosis]
        let facial = findings.isPresent(FindingID.eyelidFacialSpread)
        if facial {
            reasons.append(FindingID.eyelidFacialSpread)
            names.append(FindingID.eyelidFacialSpread.rawValue.filling("-", with: " "))
            conditions.append(ConditionID.hemifacialSpasm)
        }
        let set = context.knowledge.symptomSet(.centralBalanceNumbness)
        if set.shown(by: findings.isStated) {
            let present = set.present(findings.isStated)
            reasons += present.map(FindingID.symptom)
            names += present.map(\.rawValue)
        }
        guard !reasons.isEmpty else { return .notFired }
        return RuleOutcome(
            recommendations: plan.recommendations(plan.flag.steps ?? [], names: names, reasons: reasons),
            conditions: conditions, headline: plan.headline(names),
            support: Dictionary(uniqueKeysWithValues: conditions.map { ($0, reasons) }), redFlags: [plan.flag.id])
    }
}
