import TriageKnowledge
import TriageModel

/// Cauda equina (SPEC §6.1, same day): numbness around the groin and buttocks, or a new bladder,
/// bowel or sexual function change with back or leg symptoms → the emergency department today;
/// possible, or a bladder, bowel or sexual function change without back or leg symptoms → a
/// clinician phones the patient today.
///
/// Knowledge: red flag `cauda-equina`; symptom set `back-or-leg` and region set `back-or-leg`
/// (`rules.json`; NICE NG127, cauda equina syndrome: "new-onset disturbance of bladder, bowel or
/// sexual function, or new-onset perineal numbness").
package struct CaudaEquinaRule: Rule {
    /// `cauda-equina`.
    package let id: RuleID = "cauda-equina"

    /// The changes that are the same day only beside back or leg symptoms (NG127: "severe low back
    /// pain radiating into the leg and new-onset disturbance of bladder, bowel or sexual function").
    static let withBackOrLeg: [SymptomID] = [.bladderBowel, .sexualFunction]

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        guard let plan = RedFlagPlan(context, flag: RedFlagID.caudaEquina, rule: id) else { return .notFired }
        let findings = context.findings
        let knowledge = context.knowledge
        let backOrLegRegions = knowledge.rules.regions(RegionSetID.backOrLeg)
        let backOrLeg =
            !findings.stated(.backOrLeg, knowledge).isEmpty
            || !backOrLegRegions.isDisjoint(with: findings.course.regionFirstSeen.keys)
        let saddle = SymptomID.saddleNumbness
        var stated = findings.stated([saddle])
        var possible = findings.possible([saddle])
        for symptom in Self.withBackOrLeg {
            if findings.isStated(symptom), backOrLeg { stated.append(symptom) }
            if findings.isPossible(symptom) || (findings.isStated(symptom) && !backOrLeg) { possible.append(symptom) }
        }
        return plan.outcome(stated: stated, possible: possible)
    }
}
