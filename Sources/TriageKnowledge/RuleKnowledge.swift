import TriageModel

/// `rules.json`: the clinical lists and facts the rules and findings read, each with its
/// sources, so that no clinical word list or constant lives in Swift code (SPEC §5, §6).
package struct RuleKnowledge: Sendable, Hashable, Codable {
    /// A named set of symptom ids a rule or signal reads.
    package struct SymptomSet: Sendable, Hashable, Codable {
        /// The id (`motor-red-flags`): one of the sets the code names.
        package var id: SymptomSetID
        /// `any` (one of them shows it) or `all` (together).
        package var match: Match
        /// Symptom ids of the vocabulary.
        package var symptoms: [SymptomID]
        /// Where it comes from.
        package var sources: [Source]
    }

    /// How a symptom set is shown: by one of its symptoms, or by all together.
    package enum Match: String, KnowledgeWord {
        /// One of them shows it.
        case any
        /// All of them together.
        case all
    }

    /// A named set of body regions.
    package struct RegionSet: Sendable, Hashable, Codable {
        /// The id (`face`).
        package var id: RegionSetID
        /// Region ids of the vocabulary.
        package var regions: [RegionID]
        /// Where it comes from.
        package var sources: [Source]
    }

    /// A phrase in a note that says how long the twitching has lasted, at the least.
    package struct DurationPhrase: Sendable, Hashable, Codable {
        /// The phrase ("for months"), matched on word boundaries, any case.
        package var phrase: String
        /// The fewest days it means.
        package var atLeastDays: Int
        /// Where it comes from.
        package var sources: [Source]
    }

    /// Words in notes that show the patient fears a condition (a worry, never a finding), and
    /// what the articles say to such a patient without the condition's key signs.
    package struct Concern: Sendable, Hashable, Codable {
        /// The condition id.
        package var condition: ConditionID
        /// The names, matched on word boundaries, any case.
        package var terms: [String]
        /// The key signs (symptom ids) without which the condition is unlikely.
        package var keySymptoms: [SymptomID]
        /// The reassurance the articles give when none of the key signs is recorded.
        package var unlikely: String
        /// Where it comes from.
        package var sources: [Source]
    }

    /// The panel and condition an analyte belongs to.
    package struct LabRelation: Sendable, Hashable, Codable {
        /// The analyte.
        package var analyte: AnalyteID
        /// The blood-work panel (a variant of `bloodWork`).
        package var panel: VariantID
        /// The condition an abnormal result puts up.
        package var condition: ConditionID
        /// Where it comes from.
        package var sources: [Source]
    }

    /// A pattern the patient describes in their own words that speaks for a condition (the
    /// patient's "it keeps moving around": BFS, SPEC §6.3).
    package struct PatientDescription: Sendable, Hashable, Codable {
        /// The condition it speaks for.
        package var condition: ConditionID
        /// The phrases, matched in notes on word boundaries, any case.
        package var phrases: [String]
        /// The consideration's line, before the quote.
        package var sentence: String
        /// Where it comes from.
        package var sources: [Source]
    }

    /// A sentence the rules write, with `{placeholders}` the rule fills in: every word of a
    /// recommendation, headline and consideration is data (SPEC §6.4).
    package typealias Sentence = KeyedWords<SentenceID>

    /// A sentence of the findings' summaries, with `{placeholders}` the finding writer fills in.
    package typealias FindingSentence = KeyedWords<FindingSentenceID>

    /// Symptom sets.
    package var symptomSets: [SymptomSet]
    /// Region sets.
    package var regionSets: [RegionSet]
    /// Duration phrases.
    package var durationPhrases: [DurationPhrase]
    /// Concerns.
    package var concerns: [Concern]
    /// Lab relations.
    package var labRelations: [LabRelation]
    /// Patients' own descriptions that speak for a condition; optional in the file.
    package var patientDescriptions: [PatientDescription]? = nil
    /// The rules' sentences, one per ``SentenceID`` (required in the file).
    package var sentences: [Sentence] = []
    /// The findings' sentences, one per ``FindingSentenceID`` (required in the file).
    package var findingSentences: [FindingSentence] = []

    /// The symptom set with `id`; empty when there is none (the loader requires every one the code names).
    package func symptoms(_ id: SymptomSetID) -> SymptomSet {
        symptomSets.first { $0.id == id } ?? SymptomSet(id: id, match: .any, symptoms: [], sources: [])
    }

    /// The regions of the set with `id`.
    package func regions(_ id: RegionSetID) -> Set<RegionID> { Set(regionSets.first { $0.id == id }?.regions ?? []) }

    /// The relation of an analyte.
    package func relation(of analyte: AnalyteID) -> LabRelation? { labRelations.first { $0.analyte == analyte } }
}

extension RuleKnowledge.SymptomSet {
    /// Whether the recorded symptoms show the set (`any` or `all` of them), by a predicate.
    package func shown(by has: (SymptomID) -> Bool) -> Bool {
        guard !symptoms.isEmpty else { return false }
        return match == .all ? symptoms.allSatisfy(has) : symptoms.contains(where: has)
    }

    /// The set's symptoms that are present.
    package func present(_ has: (SymptomID) -> Bool) -> [SymptomID] { symptoms.filter(has) }
}

/// The symptom sets the code names; `rules.json` must hold each, and holds no other (a set no
/// code reads would be a list nothing checks).
package enum SymptomSetID: String, KnowledgeWord {
    /// Atrophy, speech, swallowing or breathing difficulty.
    case motorRedFlags = "motor-red-flags"
    /// Weakness together with fine-motor difficulty.
    case weaknessWithFineMotor = "weakness-with-fine-motor"
    /// Speech or swallowing difficulty: MRI of the brain too.
    case bulbar
    /// Breathing difficulty: a same-day assessment.
    case sameDayBreathing = "same-day-breathing"
    /// The sensory-symptoms rule's symptoms.
    case sensory
    /// The neck-arm rule's symptoms.
    case neckArm = "neck-arm"
    /// Vision problems: central pattern.
    case centralVision = "central-vision"
    /// Balance problems with numbness: central pattern.
    case centralBalanceNumbness = "central-balance-numbness"
    /// Symptoms that rule out the benign pattern.
    case benignRedFlags = "benign-red-flags"
    /// Sensory symptoms for the contrast rows.
    case contrastSensory = "contrast-sensory"
    /// Motor symptoms for the contrast rows.
    case contrastMotor = "contrast-motor"
    /// Bulbar and breathing symptoms for the contrast rows.
    case contrastBulbar = "contrast-bulbar"
    /// Mild symptoms for the contrast rows.
    case contrastMild = "contrast-mild"
    /// Loss of function for the contrast rows.
    case contrastFunction = "contrast-function"
    /// Central symptoms for the eyelid table.
    case contrastCentral = "contrast-central"
    /// Symptoms that count for the eyelid table only with a central one.
    case contrastCentralCompanions = "contrast-central-companions"
    /// Any one present: suspected motor neuron disease (wasting, a speech or swallowing change).
    case mndAlone = "mnd-alone"
    /// Neuromuscular breathing symptoms and head drop: suspected MND with breathing tests.
    case mndBreathing = "mnd-breathing"
    /// Limb motor findings: weakness, clumsiness, foot drop, falls.
    case limbMotor = "limb-motor"
    /// Cramps, stiffness, weight loss, emotional lability: suspected MND beside a motor finding.
    case mndCompanions = "mnd-companions"
    /// Motor or bulbar symptoms that, possible, put the patient in the urgent-examination tier.
    case motorOrBulbar = "motor-or-bulbar"
    /// A swallowing change: a swallow assessment.
    case swallowing
    /// Back or leg symptoms beside a bladder, bowel or sexual function change (cauda equina).
    case backOrLeg = "back-or-leg"
    /// Choking: with breathlessness, same day.
    case choking
    /// Breathlessness: with choking, same day.
    case breathless
    /// A drooping eyelid or double vision.
    case ocular
    /// A speech, swallowing or breathing change: with an ocular sign, same day.
    case bulbarOrBreathing = "bulbar-or-breathing"

    /// Too many to list in a message.
    package static var expectedWords: String { "a symptom set the code names (SymptomSetID)" }
}
