import TriageKnowledge
import TriageModel

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
        SymptomRedFlagRule(RedFlagID.suddenDeficit),
        SymptomRedFlagRule(RedFlagID.rapidWeakness),
        CaudaEquinaRule(),
        SymptomRedFlagRule(RedFlagID.breathlessAtRest),
        BulbarCrisisRule(),
        SymptomRedFlagRule(RedFlagID.suddenVisionLoss),
        SuspectedMNDRule(),
        UrgentExaminationRule(),
        SymptomRedFlagRule(RedFlagID.fatigableOcular),
        SymptomRedFlagRule(RedFlagID.visionOverDays),
        CentralPatternRule(),
        SymptomRedFlagRule(RedFlagID.weightLoss),
        SpreadingRule(),
        SensorySymptomsRule(),
        SymptomRedFlagRule(RedFlagID.perioralTingling),
        NeckArmPatternRule(),
        AbnormalLabsRule(),
        PersistentTwitchingRule(),
        SymptomRedFlagRule(RedFlagID.severeCramping),
        MedicationsRule(),
        UnreadSymptomTextRule(),
        UnderAgeRule(),
        PossibleRedFlagRule(),
        EyelidOnlyRule(),
        BenignPatternRule(),
    ]
}
