import TriageKnowledge
import TriageModel

/// Bulbar or myasthenic crisis (SPEC §6.1, same day): cannot swallow fluids or saliva; choking
/// with breathlessness; or a drooping eyelid or double vision together with a speech,
/// swallowing or breathing change → the emergency department today, and a swallow assessment;
/// possible → a clinician phones the patient today.
///
/// Knowledge: red flag `bulbar-crisis`; symptom sets `choking`, `breathless`, `ocular`,
/// `bulbar-or-breathing` (`rules.json`; NICE NG127; RCEM and FICM on myasthenic crisis).
package struct BulbarCrisisRule: Rule {
    /// `bulbar-crisis`.
    package let id: RuleID = "bulbar-crisis"

    /// The symptoms that make the red flag, from those `holds` accepts (stated, or shown).
    package static func flags(_ context: RuleContext, _ holds: (SymptomID) -> Bool) -> [SymptomID] {
        let knowledge = context.knowledge
        func found(_ set: SymptomSetID) -> [SymptomID] { knowledge.symptomSet(set).symptoms.filter(holds) }
        var flags: [SymptomID] = []
        if holds(SymptomID.unableToSwallow) { flags.append(SymptomID.unableToSwallow) }
        let choking = found(.choking)
        let breathless = found(.breathless)
        if !choking.isEmpty, !breathless.isEmpty { flags += choking + breathless }
        let ocular = found(.ocular)
        let bulbar = found(.bulbarOrBreathing)
        if !ocular.isEmpty, !bulbar.isEmpty { flags += ocular + bulbar }
        var seen: Set<SymptomID> = []
        return flags.filter { seen.insert($0).inserted }
    }

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        guard let plan = RedFlagPlan(context, flag: RedFlagID.bulbarCrisis, rule: id) else { return .notFired }
        let findings = context.findings
        let stated = Self.flags(context, findings.isStated)
        let shown = Self.flags(context, findings.isShown)
        guard !stated.isEmpty || !shown.isEmpty else { return .notFired }
        if !stated.isEmpty {
            let swallowing = context.knowledge.symptomSet(.swallowing).symptoms.filter(findings.isStated)
            return RuleOutcome(
                recommendations: plan.recommendations(
                    plan.flag.steps ?? [], names: stated, reasons: stated.map(FindingID.symptom),
                    presentations: [.swallowing: swallowing]),
                conditions: [], headline: plan.headline(stated), redFlags: [plan.flag.id])
        }
        return plan.outcome(stated: [], possible: shown)
    }
}
