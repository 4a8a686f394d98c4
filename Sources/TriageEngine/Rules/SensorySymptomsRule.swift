import TriageKnowledge
import TriageModel

/// Sensory symptoms (SPEC §6.1): numbness, tingling, burning or balance problems → a routine
/// examination and the neuropathy screen (only what is missing, stale or older than the recent
/// days), NCS as the conditional next step (asymmetric, motor, starting in the hands,
/// progressing, or an abnormal examination). With weakness the urgent-examination tier acts too;
/// tingling climbing over days is the same-day rapid-weakness rule's.
///
/// Puts up peripheral neuropathy, and vitamin deficiency unless B12 is recent and normal.
///
/// Knowledge: symptom set `sensory` (`rules.json`); red flag `sensory-changes` (its steps and
/// departure); condition `peripheral-neuropathy` (arm-twitching-guide: "Tingling, numbness,
/// balance issues — Blood tests, nerve conduction studies"); panel `neuropathy`.
package struct SensorySymptomsRule: Rule {
    /// `sensory-symptoms`.
    package let id: RuleID = "sensory-symptoms"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        let present = findings.stated(.sensory, context.knowledge)
        guard !present.isEmpty, let plan = RedFlagPlan(context, flag: RedFlagID.sensory, rule: id) else { return .notFired }
        let reasons = present.map(FindingID.symptom)
        let b12 = findings.labs.standing(AnalyteID.vitaminB12)
        let b12Normal = b12.recent && b12.latest?.status == .normal
        var conditions = [ConditionID.peripheralNeuropathy]
        var support = [ConditionID.peripheralNeuropathy: reasons]
        if !b12Normal {
            conditions.append(ConditionID.vitaminDeficiency)
            support[ConditionID.vitaminDeficiency] = reasons + (b12.abnormal ? [FindingID.lab(AnalyteID.vitaminB12)] : [])
        }
        return RuleOutcome(
            recommendations: plan.recommendations(plan.flag.steps ?? [], names: present, reasons: reasons),
            conditions: conditions, headline: plan.headline(present), support: support, redFlags: [plan.flag.id])
    }
}
