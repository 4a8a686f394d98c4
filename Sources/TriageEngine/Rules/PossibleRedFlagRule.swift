import TriageKnowledge
import TriageModel

/// A possible red flag no tier acts on (SPEC §4.1 "Certainty"): a red flag the patient wrote with
/// doubt (numbness, weight loss, double vision…) that neither the same-day rules (a phone call
/// today) nor the urgent examination (motor or bulbar) take → a clinician asks the patient about
/// it, routine; never an investigation, and never self-care.
///
/// Knowledge: red flag `possible-red-flag`; symptom set `benign-red-flags` (`rules.json`).
package struct PossibleRedFlagRule: Rule {
    /// `possible-red-flag`.
    package let id: RuleID = "possible-red-flag"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        let knowledge = context.knowledge
        let covered = Set(
            knowledge.symptomSet(.motorOrBulbar).symptoms
                // The bulbar-crisis row needs two findings together; its single ones are not covered.
                + knowledge.redFlags(tier: .sameDay).filter { $0.possibleSteps != nil && $0.id != RedFlagID.bulbarCrisis }.flatMap(
                    \.symptoms))
        let possible = findings.possible(knowledge.symptomSet(.benignRedFlags).symptoms).filter { !covered.contains($0) }
        guard !possible.isEmpty, let plan = RedFlagPlan(context, flag: RedFlagID.possibleRedFlag, rule: id) else { return .notFired }
        return RuleOutcome(
            recommendations: plan.recommendations(plan.flag.steps ?? [], names: possible, reasons: possible.map(FindingID.symptom)),
            conditions: [], headline: plan.headline(possible))
    }
}
