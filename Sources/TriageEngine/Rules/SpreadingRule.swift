import TriageKnowledge
import TriageModel

/// Spreading (SPEC §6.1): a new region group after the first week, with no motor finding (stated
/// or possible) → a routine examination by the GP, EMG only if it finds weakness, wasting or
/// reflex change; widespread, migrating twitching is typical of BFS (neurologist-guide). With a
/// motor finding the tiers above act instead. Spreading within one limb (thumb, then forearm) is
/// a finding, not this red flag, and the rule does not fire on it. Never puts up ALS: spreading
/// supports it only beside a motor finding (SPEC §6.3).
///
/// Knowledge: threshold `spreading-after-days`; red flag `spreading` (arm-twitching-guide;
/// random-twitches; neurologist-guide; NICE NG127; its departure from the seeds); symptom set
/// `motor-or-bulbar`; the red flag's name, `rules.json` sentences `spread` and `spread-to-group`.
package struct SpreadingRule: Rule {
    /// `spreading`.
    package let id: RuleID = "spreading"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        let course = findings.course
        guard !course.newGroupsAfterFirstWeek.isEmpty,
            let plan = RedFlagPlan(context, flag: RedFlagID.spreading, rule: id), !plan.heldBackByATierAbove
        else { return .notFired }
        let rules = context.knowledge.rules
        let spread = course.newGroupsAfterFirstWeek.map {
            rules.sentence(.spreadToGroup, ["group": $0.group.rawValue, "date": "\($0.firstSeen)"])
        }
        let names = [rules.sentence(.spread, ["groups": RedFlagPlan.named(spread)])]
        return RuleOutcome(
            recommendations: plan.recommendations(plan.flag.steps ?? [], names: names, reasons: [FindingID.spreading]),
            conditions: [], headline: plan.headline(names), redFlags: [plan.flag.id])
    }
}
