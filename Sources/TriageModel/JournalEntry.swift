import MemberwiseInit

/// One journal entry after its terms were matched to the vocabulary (SPEC §4): what findings
/// and rules read.
public struct JournalEntry: Sendable, Hashable {
    /// Which side of the body, from a `side` column or a side word inside a location.
    package enum Side: String, Sendable, Hashable {
        /// Left.
        case left
        /// Right.
        case right
        /// Both sides.
        case both
    }

    /// How hard the patient exercised that day.
    package typealias Exercise = Lifestyle.Exercise

    /// A body region where twitching was felt.
    @PackageMemberwiseInit
    package struct RegionMention: Sendable, Hashable {
        /// The region's id in the vocabulary (`forearm`).
        package var region: RegionID
        /// The region's group (`upper limb`).
        package var group: RegionGroupID
        /// The side, if stated.
        package var side: Side?
    }

    /// An associated symptom, matched.
    @PackageMemberwiseInit
    package struct SymptomOccurrence: Sendable, Hashable {
        /// The symptom's id in the vocabulary (`tingling`).
        package var symptom: SymptomID
        /// Severity 0-3 where given.
        package var severity: Int?
        /// The field it was read from (`symptoms`, `note`, `location`); nil for the weakness score.
        package var field: String?
        /// The words it was read from, as written (SPEC §4.1: every match shows its quote).
        package var quote: String?
        /// Whether a word matched only within one spelling edit.
        package var approximate: Bool = false
        /// The body region named with it, if any.
        package var region: RegionMention?
        /// Whether the patient stated it or wrote it with doubt (SPEC §4.1 "Certainty").
        package var certainty: Finding.Certainty = .present
    }

    /// A concept written in the entry that is not the patient's finding (SPEC §4.1): someone
    /// else's (`my dad's hand was thin`), feared or asked about (`afraid of weakness`), or a
    /// disease name (`ALS`). Kept as context for the clinician, never counted.
    package struct ContextMention: Sendable, Hashable {
        /// Why it is not a finding.
        package enum Reason: String, Sendable, Hashable {
            /// About another person.
            case otherPerson
            /// Feared, wondered about, or asked.
            case hypothetical
            /// A disease name.
            case diseaseName
            /// Over (`the tingling went away`, `used to have cramps`).
            case historical
            /// A diagnosis the patient states (`I have diabetes`): shown as history.
            case statedDiagnosis
            /// MND, ALS or frontotemporal dementia in a first-degree relative (`my dad had MND`).
            case familyHistory
        }

        /// The symptom id, or the disease name as the vocabulary lists it.
        package var concept: String
        /// Why it is context.
        package var reason: Reason
        /// The field it was read from.
        package var field: String
        /// The words, as written.
        package var quote: String
        /// For family history, the words that named the relative (`dad`).
        package var relative: String?

        /// Creates a mention.
        package init(concept: String, reason: Reason, field: String, quote: String) {
            self.concept = concept
            self.reason = reason
            self.field = field
            self.quote = quote
        }
    }

    /// A medication, with its class when the vocabulary knows the drug.
    @PackageMemberwiseInit
    package struct MedicationMention: Sendable, Hashable {
        /// The name as written.
        package var name: String
        /// The class's id (`corticosteroids`), nil when the drug is not one the articles link
        /// to twitching.
        package var medicationClass: MedicationClassID?
    }

    /// Where the entry came from.
    package var source: SourceLocation
    /// The patient's id.
    package var patientID: PatientID
    /// When it was recorded.
    package var timestamp: Timestamp
    /// Regions where twitching was felt.
    package var regions: [RegionMention] = []
    /// Twitch episodes; 0 means explicitly none.
    package var twitchCount: Int?
    /// Minutes of twitching.
    package var durationMinutes: Double?
    /// Whether twitching happened at rest.
    package var atRest: Bool?
    /// Trigger ids (`caffeine`, `stress`, `poor sleep`, …); `none` is dropped.
    package var triggers: [TriggerID] = []
    /// Associated symptoms.
    package var symptoms: [SymptomOccurrence] = []
    /// Weakness 0-3.
    package var weakness: Int?
    /// Caffeine, sleep, stress, alcohol, water and exercise, each with where it came from
    /// (the entry, or a phone export that filled a column the journal left empty).
    package var lifestyle = Lifestyle()
    /// Medications.
    package var medications: [MedicationMention] = []
    /// Notes, verbatim.
    package var notes: [String] = []
    /// Terms the vocabulary did not recognise, kept so the report can list them.
    package var unrecognised: [Term] = []
    /// Symptoms the entry explicitly says are absent (`no weakness`, `the numbness has gone`).
    package var deniedSymptoms: [SymptomOccurrence] = []
    /// Concepts that are someone else's, hypothetical, or disease names.
    package var context: [ContextMention] = []
    /// Symptom text (the `symptoms` column, `<symptom>`) that yielded no concept (SPEC §4.1):
    /// unread, so absent findings cannot be asserted over this entry.
    package var unreadSymptomText: [Term] = []

    /// Creates an entry with the required fields.
    package init(source: SourceLocation, patientID: PatientID, timestamp: Timestamp) {
        self.source = source
        self.patientID = patientID
        self.timestamp = timestamp
    }

    /// The calendar day of the entry.
    package var date: LocalDate { timestamp.date }

    /// Whether the entry records twitching: a positive count, or a region with no count.
    package var hasTwitching: Bool {
        if let twitchCount { return twitchCount > 0 }
        return !regions.isEmpty
    }
}
