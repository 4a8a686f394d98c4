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
    package var source: SourceLocation
    /// The patient's id, trimmed, never empty.
    package var patientID: PatientID
    /// When the entry was recorded.
    package var timestamp: Timestamp
    /// Where twitching was felt, one term per region named.
    package var locations: [Term] = []
    /// The side column or attribute, as written (`left`, `right`, `both`).
    package var side: Term?
    /// Twitch episodes; 0 means explicitly none.
    package var twitchCount: Int?
    /// Minutes of twitching.
    package var durationMinutes: Double?
    /// Whether twitching happened at rest.
    package var atRest: Bool?
    /// Triggers as written.
    package var triggers: [Term] = []
    /// Associated symptoms as written.
    package var symptoms: [SymptomMention] = []
    /// Weakness 0 none, 1 mild, 2 moderate, 3 severe.
    package var weakness: Int?
    /// Caffeine, sleep, stress, alcohol and water as written (the exercise level is left nil:
    /// see ``exercise``).
    package var lifestyle = Lifestyle()
    /// Exercise as written (`none`, `light`, `intense`); the normaliser turns it into
    /// ``Lifestyle/exercise``.
    package var exercise: Term?
    /// Medications as written.
    package var medications: [Term] = []
    /// Free-text notes, kept verbatim and never interpreted.
    package var notes: [String] = []

    /// Creates a record with the required fields; the rest are set by the reader.
    package init(source: SourceLocation, patientID: PatientID, timestamp: Timestamp) {
        self.source = source
        self.patientID = patientID
        self.timestamp = timestamp
    }
}
