/// The morning worklist (SPEC §7): every patient, most urgent first, with the headline, the
/// recommended tests and the change since the last run.
public struct Worklist: Sendable, Hashable {
    /// What changed for a patient since the last run.
    public enum Change: String, Sendable, Hashable, Codable {
        /// Not in the last run.
        case new
        /// More urgent than in the last run.
        case escalated
        /// Less urgent than in the last run.
        case deescalated = "de-escalated"
        /// As urgent as in the last run.
        case unchanged
        /// In the last run, but no longer in the input.
        case resolved
    }

    /// One patient's line.
    public struct Entry: Sendable, Hashable {
        /// The patient id.
        public var patientID: String
        /// The folder of the patient's reports, relative to the output folder.
        public var folder: String?
        /// Urgency now (nil for a resolved patient).
        public var urgency: Urgency?
        /// Urgency in the last run, if any.
        public var previousUrgency: Urgency?
        /// The headline (empty for a resolved patient).
        public var headline: String
        /// Tests recommended, as `EMG`, `MRI (cervical spine)`.
        public var tests: [String]
        /// The change since the last run.
        public var change: Change
        /// Records of this patient that could not be read.
        public var unreadableRecords: Int

        /// Creates an entry.
        public init(patientID: String, folder: String?, urgency: Urgency?, previousUrgency: Urgency?, headline: String,
                    tests: [String], change: Change, unreadableRecords: Int) {
            self.patientID = patientID
            self.folder = folder
            self.urgency = urgency
            self.previousUrgency = previousUrgency
            self.headline = headline
            self.tests = tests
            self.change = change
            self.unreadableRecords = unreadableRecords
        }
    }

    /// The as-of date.
    public var asOf: LocalDate
    /// The knowledge version.
    public var knowledgeVersion: String
    /// The tool version.
    public var toolVersion: String
    /// Entries, most urgent first, then by id; resolved patients last.
    public var entries: [Entry]
    /// Problems of the run that belong to no patient (refused files).
    public var problems: [Diagnostic]

    /// Creates a worklist, sorting the entries.
    public init(asOf: LocalDate, knowledgeVersion: String, toolVersion: String, entries: [Entry], problems: [Diagnostic]) {
        self.asOf = asOf
        self.knowledgeVersion = knowledgeVersion
        self.toolVersion = toolVersion
        self.entries = Self.sorted(entries)
        self.problems = problems
    }

    /// Most urgent first; ties by id (bytewise); resolved last.
    public static func sorted(_ entries: [Entry]) -> [Entry] {
        entries.sorted { lhs, rhs in
            let left = lhs.urgency.map { Urgency.allCases.firstIndex(of: $0)! } ?? -1
            let right = rhs.urgency.map { Urgency.allCases.firstIndex(of: $0)! } ?? -1
            if left != right { return left > right }
            return Array(lhs.patientID.utf8).lexicographicallyPrecedes(Array(rhs.patientID.utf8))
        }
    }

    /// Summarises a recommendation as the worklist shows a test.
    public static func testLabel(_ recommendation: Recommendation) -> String {
        recommendation.region.map { "\(recommendation.test.rawValue) (\($0))" } ?? recommendation.test.rawValue
    }
}
