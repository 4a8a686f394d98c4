/// Every rule, in the order their recommendations are listed when urgencies tie, and the order
/// in which the rule that sets the headline is chosen among equally urgent ones: the clinical
/// pattern first (red flags, central — eyelid spread over the face is its sign before it is spreading — spreading, sensory, neck-arm), then labs, persistence,
/// medications and the benign pattern. A critical lab is urgent and so leads anyway.
///
/// A test checks that every `Rule` type in the module is listed here.
public enum RuleRegistry {
    /// The rules.
    public static let all: [any Rule] = [
        MotorNeuronRedFlagsRule(),
        CentralPatternRule(),
        SpreadingRule(),
        SensorySymptomsRule(),
        NeckArmPatternRule(),
        AbnormalLabsRule(),
        PersistentTwitchingRule(),
        MedicationsRule(),
        UnreadSymptomTextRule(),
        UnderAgeRule(),
        BenignPatternRule(),
    ]
}
