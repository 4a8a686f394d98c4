/// One journal entry after its terms were matched to the vocabulary (SPEC §4): what findings
/// and rules read.
public struct JournalEntry: Sendable, Hashable {
    /// Which side of the body, from a `side` column or a side word inside a location.
    public enum Side: String, Sendable, Hashable {
        /// Left.
        case left
        /// Right.
        case right
        /// Both sides.
        case both
    }

    /// How hard the patient exercised that day.
    public typealias Exercise = Lifestyle.Exercise

    /// A body region where twitching was felt.
    public struct RegionMention: Sendable, Hashable {
        /// The region's id in the vocabulary (`forearm`).
        public var region: String
        /// The region's group (`upper limb`).
        public var group: String
        /// The side, if stated.
        public var side: Side?

        /// Creates a mention.
        public init(region: String, group: String, side: Side?) {
            self.region = region
            self.group = group
            self.side = side
        }
    }

    /// An associated symptom, matched.
    public struct SymptomOccurrence: Sendable, Hashable {
        /// The symptom's id in the vocabulary (`tingling`).
        public var symptom: String
        /// Severity 0-3 where given.
        public var severity: Int?
        /// The field it was read from (`symptoms`, `note`, `location`); nil for the weakness score.
        public var field: String?
        /// The words it was read from, as written (SPEC §4.1: every match shows its quote).
        public var quote: String?
        /// Whether a word matched only within one spelling edit.
        public var approximate: Bool = false
        /// The body region named with it, if any.
        public var region: RegionMention?
        /// Whether the patient stated it or wrote it with doubt (SPEC §4.1 "Certainty").
        public var certainty: Finding.Certainty = .present

        /// Creates an occurrence.
        public init(symptom: String, severity: Int? = nil, field: String? = nil, quote: String? = nil,
                    approximate: Bool = false, region: RegionMention? = nil) {
            self.symptom = symptom
            self.severity = severity
            self.field = field
            self.quote = quote
            self.approximate = approximate
            self.region = region
        }
    }

    /// A concept written in the entry that is not the patient's finding (SPEC §4.1): someone
    /// else's (`my dad's hand was thin`), feared or asked about (`afraid of weakness`), or a
    /// disease name (`ALS`). Kept as context for the clinician, never counted.
    public struct ContextMention: Sendable, Hashable {
        /// Why it is not a finding.
        public enum Reason: String, Sendable, Hashable {
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
        public var concept: String
        /// Why it is context.
        public var reason: Reason
        /// The field it was read from.
        public var field: String
        /// The words, as written.
        public var quote: String
        /// For family history, the words that named the relative (`dad`).
        public var relative: String?

        /// Creates a mention.
        public init(concept: String, reason: Reason, field: String, quote: String) {
            self.concept = concept
            self.reason = reason
            self.field = field
            self.quote = quote
        }
    }

    /// A medication, with its class when the vocabulary knows the drug.
    public struct MedicationMention: Sendable, Hashable {
        /// The name as written.
        public var name: String
        /// The class's id (`corticosteroids`), nil when the drug is not one the articles link
        /// to twitching.
        public var medicationClass: String?

        /// Creates a mention.
        public init(name: String, medicationClass: String?) {
            self.name = name
            self.medicationClass = medicationClass
        }
    }

    /// Where the entry came from.
    public var source: SourceLocation
    /// The patient's id.
    public var patientID: String
    /// When it was recorded.
    public var timestamp: Timestamp
    /// Regions where twitching was felt.
    public var regions: [RegionMention] = []
    /// Twitch episodes; 0 means explicitly none.
    public var twitchCount: Int?
    /// Minutes of twitching.
    public var durationMinutes: Double?
    /// Whether twitching happened at rest.
    public var atRest: Bool?
    /// Trigger ids (`caffeine`, `stress`, `poor sleep`, …); `none` is dropped.
    public var triggers: [String] = []
    /// Associated symptoms.
    public var symptoms: [SymptomOccurrence] = []
    /// Weakness 0-3.
    public var weakness: Int?
    /// Caffeine, sleep, stress, alcohol, water and exercise, each with where it came from
    /// (the entry, or a phone export that filled a column the journal left empty).
    public var lifestyle = Lifestyle()
    /// Medications.
    public var medications: [MedicationMention] = []
    /// Notes, verbatim.
    public var notes: [String] = []
    /// Terms the vocabulary did not recognise, kept so the report can list them.
    public var unrecognised: [Term] = []
    /// Symptoms the entry explicitly says are absent (`no weakness`, `the numbness has gone`).
    public var deniedSymptoms: [SymptomOccurrence] = []
    /// Concepts that are someone else's, hypothetical, or disease names.
    public var context: [ContextMention] = []
    /// Symptom text (the `symptoms` column, `<symptom>`) that yielded no concept (SPEC §4.1):
    /// unread, so absent findings cannot be asserted over this entry.
    public var unreadSymptomText: [Term] = []

    /// Creates an entry with the required fields.
    public init(source: SourceLocation, patientID: String, timestamp: Timestamp) {
        self.source = source
        self.patientID = patientID
        self.timestamp = timestamp
    }

    /// The calendar day of the entry.
    public var date: LocalDate { timestamp.date }

    /// Whether the entry records twitching: a positive count, or a region with no count.
    public var hasTwitching: Bool {
        if let twitchCount { return twitchCount > 0 }
        return !regions.isEmpty
    }
}
