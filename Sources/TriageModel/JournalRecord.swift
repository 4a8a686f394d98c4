/// One symptom-journal entry as read from a CSV row or an XML `<entry>`, before its terms are
/// matched to the vocabulary.
///
/// Numbers and dates are already parsed (a row whose number or date cannot be parsed never
/// becomes a record); free-text terms are kept as written, with where they were written, so
/// that an unrecognised term can be reported at its column. An XML entry with several
/// `<twitch>` elements is one record: locations are gathered, counts and minutes summed, and it
/// is at rest if any twitch was.
public struct JournalRecord: Sendable, Hashable {
    /// The row or element the entry came from.
    public var source: SourceLocation
    /// The patient's id, trimmed, never empty.
    public var patientID: String
    /// When the entry was recorded.
    public var timestamp: Timestamp
    /// Where twitching was felt, one term per region named.
    public var locations: [Term] = []
    /// The side column or attribute, as written (`left`, `right`, `both`).
    public var side: Term?
    /// Twitch episodes; 0 means explicitly none.
    public var twitchCount: Int?
    /// Minutes of twitching.
    public var durationMinutes: Double?
    /// Whether twitching happened at rest.
    public var atRest: Bool?
    /// Triggers as written.
    public var triggers: [Term] = []
    /// Associated symptoms as written.
    public var symptoms: [SymptomMention] = []
    /// Weakness 0 none, 1 mild, 2 moderate, 3 severe.
    public var weakness: Int?
    /// Caffeine, sleep, stress, alcohol and water as written (the exercise level is left nil:
    /// see ``exercise``).
    public var lifestyle = Lifestyle()
    /// Exercise as written (`none`, `light`, `intense`); the normaliser turns it into
    /// ``Lifestyle/exercise``.
    public var exercise: Term?
    /// Medications as written.
    public var medications: [Term] = []
    /// Free-text notes, kept verbatim and never interpreted.
    public var notes: [String] = []

    /// Creates a record with the required fields; the rest are set by the reader.
    public init(source: SourceLocation, patientID: String, timestamp: Timestamp) {
        self.source = source
        self.patientID = patientID
        self.timestamp = timestamp
    }
}
