/// The morning worklist (SPEC §7): every patient, most urgent first, with the headline, the
/// recommended tests and the change since the last run.
public struct Worklist: Sendable, Hashable {
    /// What changed for a patient since the last run.
    public enum Change: String, Sendable, Hashable {
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

    /// What the worklist shows of a patient's referral beyond its urgency and headline (SPEC
    /// §7): same day, age and sex, the key red flag, the timeframe, the tests in clinical words
    /// (MRI region, blood analytes), the last journal date. Made from a ``Referral`` by
    /// ``init(_:knowledge:)``.
    public struct Summary: Sendable, Hashable {
        /// Whether anything must happen today.
        public var sameDay: Bool
        /// Age on the as-of date.
        public var age: Int?
        /// Sex as recorded.
        public var sex: String?
        /// The red flag that leads, in words with its first date (`swallowing difficulty since
        /// 2026-11-11`).
        public var keyRedFlag: String?
        /// How many red flags are present.
        public var redFlagCount: Int
        /// The knowledge's words for the urgency's timeframe, or `same day`.
        public var timeframe: String?
        /// The last journal entry's date.
        public var lastJournalDate: LocalDate?
        /// The tests in clinical words: `EMG`, `MRI of the cervical spine`, `Blood tests: magnesium`.
        public var tests: [String]

        /// Creates a summary.
        public init(sameDay: Bool, age: Int?, sex: String?, keyRedFlag: String?, redFlagCount: Int, timeframe: String?,
                    lastJournalDate: LocalDate?, tests: [String]) {
            self.sameDay = sameDay
            self.age = age
            self.sex = sex
            self.keyRedFlag = keyRedFlag
            self.redFlagCount = redFlagCount
            self.timeframe = timeframe
            self.lastJournalDate = lastJournalDate
            self.tests = tests
        }
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
        /// What the referral says beyond the urgency and headline; nil for a resolved patient.
        public var summary: Summary?

        /// Creates an entry.
        public init(patientID: String, folder: String?, urgency: Urgency?, previousUrgency: Urgency?, headline: String,
                    tests: [String], change: Change, unreadableRecords: Int, summary: Summary? = nil) {
            self.summary = summary
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
    /// Entries: same day first, then by urgency, then by the number of red flags, then by id;
    /// resolved patients last.
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

    /// Same day first, then most urgent, then most red flags, then by id (bytewise); resolved
    /// last (SPEC §7).
    public static func sorted(_ entries: [Entry]) -> [Entry] {
        entries.sorted { lhs, rhs in
            let leftSameDay = lhs.summary?.sameDay ?? false
            let rightSameDay = rhs.summary?.sameDay ?? false
            if leftSameDay != rightSameDay { return leftSameDay }
            let left = lhs.urgency.map { Urgency.allCases.firstIndex(of: $0)! } ?? -1
            let right = rhs.urgency.map { Urgency.allCases.firstIndex(of: $0)! } ?? -1
            if left != right { return left > right }
            let leftFlags = lhs.summary?.redFlagCount ?? 0
            let rightFlags = rhs.summary?.redFlagCount ?? 0
            if leftFlags != rightFlags { return leftFlags > rightFlags }
            return Array(lhs.patientID.utf8).lexicographicallyPrecedes(Array(rhs.patientID.utf8))
        }
    }

    /// Summarises a recommendation as the worklist shows a test.
    public static func testLabel(_ recommendation: Recommendation) -> String {
        recommendation.region.map { "\(recommendation.test.rawValue) (\($0))" } ?? recommendation.test.rawValue
    }
}
