import TriageKnowledge
import TriageModel

/// Urgent examination (SPEC §6.1): one stable motor symptom (a weakness score of 1 or more,
/// weakness or clumsiness in words, loss of dexterity, foot drop, tripping or falls), or any
/// *possible* motor or bulbar symptom → an examination within a week (the GP, or neurology within
/// 2 weeks, by the local pathway); EMG only as its conditional next step. Not when the suspected
/// motor neuron disease tier holds (that referral examines).
///
/// Puts up ALS / motor neuron disease from a stated motor finding only (SPEC §6.3), after
/// peripheral neuropathy when sensory symptoms are stated too.
///
/// Knowledge: red flag `urgent-examination` (MND Association red-flag tool; arm-twitching-guide;
/// neurologist-guide; NICE NG127); symptom sets `limb-motor`, `motor-or-bulbar` (`rules.json`).
package struct UrgentExaminationRule: Rule {
    /// `urgent-examination`.
    package let id: RuleID = "urgent-examination"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        let knowledge = context.knowledge
        guard SuspectedMNDRule.flags(findings, knowledge).isEmpty,
            let plan = RedFlagPlan(context, flag: RedFlagID.urgentExamination, rule: id)
        else { return .notFired }
        let stated = findings.stated(.limbMotor, knowledge)
        let possible = findings.possible(knowledge.symptomSet(.motorOrBulbar).symptoms)
        guard !stated.isEmpty || !possible.isEmpty else { return .notFired }
        let names = stated.map(\.rawValue) + possible.map { knowledge.rules.sentence(.possibleSymptom, ["symptom": $0.rawValue]) }
        let reasons = (stated + possible).map(FindingID.symptom)
        var conditions: [ConditionID] = []
        var support: [ConditionID: [FindingID]] = [:]
        if !stated.isEmpty {
            // Prominent sensory symptoms speak against motor neuron disease (the MND tool's "not
            // supportive"): the neuropathy is listed first, and the examination decides.
            let sensory = findings.stated(.sensory, knowledge)
            if !sensory.isEmpty {
                conditions.append(ConditionID.peripheralNeuropathy)
                support[ConditionID.peripheralNeuropathy] = sensory.map(FindingID.symptom)
            }
            conditions.append(ConditionID.als)
            support[ConditionID.als] = stated.map(FindingID.symptom)
            for mimic in MimicFinder.raised(by: findings, knowledge: knowledge, of: ConditionID.als) {
                conditions.append(mimic.condition)
                support[mimic.condition] = mimic.findings
            }
        }
        return RuleOutcome(
            recommendations: plan.recommendations(plan.flag.steps ?? [], names: names, reasons: reasons),
            conditions: conditions, headline: plan.headline(names), support: support, redFlags: [plan.flag.id])
    }
}
