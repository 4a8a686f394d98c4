import TriageModel

/// The words of SPEC §4 as data: body regions in their groups, associated symptoms, triggers
/// and medication classes, each with its synonyms and source.
package struct Vocabulary: Sendable, Hashable, Codable {
    /// A body region.
    package struct Region: Sendable, Hashable, Codable {
        /// The id (`forearm`).
        package var id: RegionID
        /// The region group's id (`upper limb`).
        package var group: RegionGroupID
        /// Other words that mean it (`forearms`, `lower arm`).
        package var synonyms: [String]
        /// Where it comes from.
        package var sources: [Source]
    }

    /// A region group.
    package struct RegionGroup: Sendable, Hashable, Codable {
        /// The id (`cranial/bulbar`, `upper limb`, `trunk`, `lower limb`).
        package var id: RegionGroupID
        /// Where it comes from.
        package var sources: [Source]
    }

    /// An associated symptom.
    package struct Symptom: Sendable, Hashable, Codable {
        /// The id (`fine-motor difficulty`).
        package var id: SymptomID
        /// Other words that mean it (`trouble buttoning`, `dropping things`).
        package var synonyms: [String]
        /// Words that mean it only as an item of a symptoms list, never inside a sentence
        /// (`writing` in the `symptoms` column is trouble writing; in a note it is not).
        package var listOnly: [String]?
        /// Whether the id itself is read as one of its phrases (nil: yes). False where the
        /// equivalences would make the id another entry's phrase (`unable to swallow` reads as
        /// `cannot swallow`, which is also `difficulty swallowing`, a swallowing difficulty).
        package var idIsPhrase: Bool?
        /// Where it comes from.
        package var sources: [Source]
    }

    /// A trigger.
    package struct Trigger: Sendable, Hashable, Codable {
        /// The id (`caffeine`, `exercise`, `stress`, `poor sleep`, `alcohol`, `dehydration`, `none`).
        package var id: TriggerID
        /// Other words that mean it.
        package var synonyms: [String]
        /// Where it comes from.
        package var sources: [Source]
    }

    /// A medication class the articles link to twitching.
    package struct MedicationClass: Sendable, Hashable, Codable {
        /// The id (`corticosteroids`, `diuretics`, `beta-agonists`, `psychotropic drugs`).
        package var id: MedicationClassID
        /// A label for reports ("asthma inhalers / beta-agonists").
        package var label: String
        /// Common drug names, generic and brand (`prednisone`, `furosemide`, `salbutamol`).
        package var drugs: [String]
        /// Where it comes from.
        package var sources: [Source]
    }

    /// A frame (SPEC §4.1): a body part, function or task (`foot`, `voice`, `turn a key`) and
    /// the change that makes it a symptom (`slaps`, `thick`, `can't`), found within one clause
    /// in either order with other words between them.
    package struct Frame: Sendable, Hashable, Codable {
        /// The symptom id it reads as.
        package var concept: SymptomID
        /// The body parts, functions or tasks.
        package var subjects: [String]
        /// The changes.
        package var predicates: [String]
        /// Where it comes from.
        package var sources: [Source]
    }

    /// Body regions.
    package var regions: [Region]
    /// Region groups.
    package var regionGroups: [RegionGroup]
    /// Associated symptoms.
    package var symptoms: [Symptom]
    /// Triggers.
    package var triggers: [Trigger]
    /// Medication classes.
    package var medicationClasses: [MedicationClass]
    /// Frames beside the phrases (SPEC §4.1).
    package var frames: [Frame]
    /// How free text is read: negation and context triggers, fillers, equivalences (SPEC §4.1).
    package var reading: ReadingRules
}
