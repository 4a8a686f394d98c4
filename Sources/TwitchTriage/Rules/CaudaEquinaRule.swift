/// Cauda equina (SPEC §6.1, same day): numbness around the groin and buttocks, or a new bladder
/// or bowel change with back or leg symptoms → the emergency department today; possible → a
/// clinician phones the patient today.
///
/// Knowledge: red flag `cauda-equina`; symptom set `back-or-leg` and region set `back-or-leg`
/// (`rules.json`; NICE NG127, cauda equina syndrome).
public struct CaudaEquinaRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `cauda-equina`.
    public let id = "cauda-equina"

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        guard let plan = RedFlagPlan(context, flag: RedFlagID.caudaEquina, rule: id) else { return .notFired }
        let findings = context.findings
        let knowledge = context.knowledge
        let backOrLegRegions = knowledge.rules.regions(RegionSetIDs.backOrLeg)
        let backOrLeg = !findings.stated(.backOrLeg, knowledge).isEmpty
            || !backOrLegRegions.isDisjoint(with: findings.course.regionFirstSeen.keys)
        let saddle = SymptomID.saddleNumbness.rawValue
        let bladder = SymptomID.bladderBowel.rawValue
        var stated = findings.stated([saddle])
        if findings.isStated(bladder), backOrLeg { stated.append(bladder) }
        var possible = findings.possible([saddle])
        if findings.isPossible(bladder) || (findings.isStated(bladder) && !backOrLeg) { possible.append(bladder) }
        return plan.outcome(stated: stated, possible: possible)
    }
}
