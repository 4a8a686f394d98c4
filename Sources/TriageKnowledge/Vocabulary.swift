/// The words of SPEC §4 as data: body regions in their groups, associated symptoms, triggers
/// and medication classes, each with its synonyms and source.
public struct Vocabulary: Sendable, Hashable, Codable {
    /// A body region.
    public struct Region: Sendable, Hashable, Codable {
        /// The id (`forearm`).
        public var id: String
        /// The region group's id (`upper limb`).
        public var group: String
        /// Other words that mean it (`forearms`, `lower arm`).
        public var synonyms: [String]
        /// Where it comes from.
        public var sources: [Source]
    }

    /// A region group.
    public struct RegionGroup: Sendable, Hashable, Codable {
        /// The id (`cranial/bulbar`, `upper limb`, `trunk`, `lower limb`).
        public var id: String
        /// Where it comes from.
        public var sources: [Source]
    }

    /// An associated symptom.
    public struct Symptom: Sendable, Hashable, Codable {
        /// The id (`fine-motor difficulty`).
        public var id: String
        /// Other words that mean it (`trouble buttoning`, `dropping things`).
        public var synonyms: [String]
        /// Words that mean it only as an item of a symptoms list, never inside a sentence
        /// (`writing` in the `symptoms` column is trouble writing; in a note it is not).
        public var listOnly: [String]?
        /// Whether the id itself is read as one of its phrases (nil: yes). False where the
        /// equivalences would make the id another entry's phrase (`unable to swallow` reads as
        /// `cannot swallow`, which is also `difficulty swallowing`, a swallowing difficulty).
        public var idIsPhrase: Bool?
        /// Where it comes from.
        public var sources: [Source]
    }

    /// A trigger.
    public struct Trigger: Sendable, Hashable, Codable {
        /// The id of the entry that means "no trigger" (dropped when read).
        public static let noneID = "none"

        /// The id (`caffeine`, `exercise`, `stress`, `poor sleep`, `alcohol`, `dehydration`, `none`).
        public var id: String
        /// Other words that mean it.
        public var synonyms: [String]
        /// Where it comes from.
        public var sources: [Source]
    }

    /// A medication class the articles link to twitching.
    public struct MedicationClass: Sendable, Hashable, Codable {
        /// The id (`corticosteroids`, `diuretics`, `beta-agonists`, `psychotropic drugs`).
        public var id: String
        /// A label for reports ("asthma inhalers / beta-agonists").
        public var label: String
        /// Common drug names, generic and brand (`prednisone`, `furosemide`, `salbutamol`).
        public var drugs: [String]
        /// Where it comes from.
        public var sources: [Source]
    }

    /// A frame (SPEC §4.1): a body part, function or task (`foot`, `voice`, `turn a key`) and
    /// the change that makes it a symptom (`slaps`, `thick`, `can't`), found within one clause
    /// in either order with other words between them.
    public struct Frame: Sendable, Hashable, Codable {
        /// The symptom id it reads as.
        public var concept: String
        /// The body parts, functions or tasks.
        public var subjects: [String]
        /// The changes.
        public var predicates: [String]
        /// Where it comes from.
        public var sources: [Source]
    }

    /// Body regions.
    public var regions: [Region]
    /// Region groups.
    public var regionGroups: [RegionGroup]
    /// Associated symptoms.
    public var symptoms: [Symptom]
    /// Triggers.
    public var triggers: [Trigger]
    /// Medication classes.
    public var medicationClasses: [MedicationClass]
    /// Frames beside the phrases (SPEC §4.1).
    public var frames: [Frame]
    /// How free text is read: negation and context triggers, fillers, equivalences (SPEC §4.1).
    public var reading: ReadingRules
}
