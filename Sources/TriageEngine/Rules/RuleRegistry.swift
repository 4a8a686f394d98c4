/// Every rule, in the order their recommendations are listed when urgencies tie, and the order
/// in which the rule that sets the headline is chosen among equally urgent ones: the same-day red
/// flags first, then suspected motor neuron disease, the urgent examination and the other red
/// flags of SPEC §6.1 (the central pattern — eyelid spread over the face is its sign before it is
/// spreading — spreading, sensory, neck-arm), then labs, persistence, medications, unread text and
/// the self-care rules. A critical lab is same day and so leads anyway.
///
/// A test checks that every `Rule` type in the module is listed here.
package enum RuleRegistry {
    /// The rules.
    package static let all: [any Rule] = [
        SuddenDeficitRule(),
        RapidWeaknessRule(),
        CaudaEquinaRule(),
        BreathlessAtRestRule(),
        BulbarCrisisRule(),
        SuddenVisionLossRule(),
        SuspectedMNDRule(),
        UrgentExaminationRule(),
        FatigableOcularRule(),
        VisionOverDaysRule(),
        CentralPatternRule(),
        WeightLossRule(),
        SpreadingRule(),
        SensorySymptomsRule(),
        PerioralTinglingRule(),
        NeckArmPatternRule(),
        AbnormalLabsRule(),
        PersistentTwitchingRule(),
        MedicationsRule(),
        UnreadSymptomTextRule(),
        UnderAgeRule(),
        PossibleRedFlagRule(),
        EyelidOnlyRule(),
        BenignPatternRule(),
    ]
}
