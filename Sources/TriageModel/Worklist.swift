import MemberwiseInit

/// The morning worklist (SPEC §7): every patient in bands (same day, read today, urgent, soon,
/// routine split into GP actions and neurology, self-care), within a band by the most dangerous
/// red flag, with the headline, who acts, the tests, the lab caveats and the change since the
/// last run; the booking totals at the top.
package struct Worklist: Sendable, Hashable {
    /// The worklist's bands, in order (`band` in the JSON); their labels are `page.json` phrases.
    package enum Band: String, Sendable, Hashable, CaseIterable {
        /// Something must happen today.
        case sameDay = "same-day"
        /// A clinician reads today: text not understood, a clinician review, a possible
        /// same-day red flag.
        case readToday = "read-today"
        /// Within 2 weeks.
        case urgent
        /// Within 4 weeks.
        case soon
        /// Routine, with only GP actions.
        case routineGP = "routine-gp"
        /// Routine, with a step for neurology (or neurophysiology, radiology, an eye examination,
        /// speech and language therapy).
        case routineNeurology = "routine-neurology"
        /// No referral: advice and when to come back.
        case selfCare = "self-care"

        /// The band of an urgency alone (an older worklist line that carries no band).
        package init(urgency: Urgency, sameDay: Bool) {
            switch urgency {
            case _ where sameDay: self = .sameDay
            case .urgent: self = .urgent
            case .soon: self = .soon
            case .routine: self = .routineNeurology
            case .selfCare: self = .selfCare
            }
        }
    }

    /// What changed for a patient since the last run.
    package enum Change: String, Sendable, Hashable {
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
    @PackageMemberwiseInit
    package struct Summary: Sendable, Hashable {
        /// Whether anything must happen today.
        package var sameDay: Bool
        /// Age on the as-of date.
        package var age: Int?
        /// Sex as recorded.
        package var sex: String?
        /// The red flag that leads, in words with its first date (`swallowing difficulty since
        /// 2026-11-11`).
        package var keyRedFlag: String?
        /// How many red flags are present.
        package var redFlagCount: Int
        /// The knowledge's words for the urgency's timeframe, or `same day`.
        package var timeframe: String?
        /// The last journal entry's date.
        package var lastJournalDate: LocalDate?
        /// The tests in clinical words: `EMG`, `MRI of the cervical spine`, `Blood tests: magnesium`;
        /// a conditional step with `(if needed)`.
        package var tests: [String]
        /// The band; nil on an older worklist line (then taken from the urgency).
        package var band: Band?
        /// The most dangerous red flag's place in the order of danger (0 most dangerous); nil
        /// without a red flag.
        package var dangerRank: Int?
        /// Whether the most dangerous red flag is only possible.
        package var keyRedFlagPossible: Bool = false
        /// The oldest first date of the red flags.
        package var oldestRedFlagDate: LocalDate?
        /// The other red flags in words, most dangerous first.
        package var otherRedFlags: [String] = []
        /// How long the twitching has lasted (`87 days`, `87 days; notes: for months`).
        package var duration: String?
        /// Who acts, in the page's order (`neurology`, `neurophysiology`).
        package var who: [String] = []
        /// The tests by who acts, one item per actor in the page's order: `Neurophysiology: EMG;
        /// NCS (if needed)`.
        package var plan: [String] = []
        /// Lab caveats (`potassium unreliable: haemolysed`, `magnesium stale`).
        package var labCaveats: [String] = []
        /// What the line books, in the knowledge's words (`page.json` `booking-…` phrases: `MRI of
        /// the brain` for an MRI); the worklist's totals count these words.
        package var bookings: [String] = []
    }

    /// One patient's line.
    package struct Entry: Sendable, Hashable {
        /// The patient id.
        package var patientID: PatientID
        /// The folder of the patient's reports, relative to the output folder.
        package var folder: String?
        /// Urgency now (nil for a resolved patient).
        package var urgency: Urgency?
        /// Urgency in the last run, if any.
        package var previousUrgency: Urgency?
        /// The headline (empty for a resolved patient).
        package var headline: String
        /// Tests recommended, as `EMG`, `MRI (cervical spine)`.
        package var tests: [String]
        /// The change since the last run.
        package var change: Change
        /// Records of this patient that could not be read.
        package var unreadableRecords: Int
        /// What the referral says beyond the urgency and headline; nil for a resolved patient.
        package var summary: Summary?

        /// Creates an entry.
        package init(
            patientID: PatientID, folder: String?, urgency: Urgency?, previousUrgency: Urgency?, headline: String,
            tests: [String], change: Change, unreadableRecords: Int, summary: Summary? = nil
        ) {
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
    package var asOf: LocalDate
    /// The knowledge version.
    package var knowledgeVersion: String
    /// The tool version.
    package var toolVersion: String
    /// Entries: by band, then by the most dangerous red flag, present before possible, the
    /// oldest red-flag date, then by id; resolved patients last.
    package var entries: [Entry]
    /// Problems of the run that belong to no patient (refused files).
    package var problems: [Diagnostic]

    /// Creates a worklist, sorting the entries.
    package init(asOf: LocalDate, knowledgeVersion: String, toolVersion: String, entries: [Entry], problems: [Diagnostic]) {
        self.init(
            asOf: asOf, knowledgeVersion: knowledgeVersion, toolVersion: toolVersion, sortedEntries: Self.sorted(entries),
            problems: problems)
    }

    /// Creates a worklist from entries already in ``sort(_:)``'s order (a batch sorts its
    /// entries in place, without a second copy of every patient's line: issue 23, peak memory).
    package init(asOf: LocalDate, knowledgeVersion: String, toolVersion: String, sortedEntries: [Entry], problems: [Diagnostic]) {
        self.asOf = asOf
        self.knowledgeVersion = knowledgeVersion
        self.toolVersion = toolVersion
        entries = sortedEntries
        self.problems = problems
    }

    /// The band of an entry: its summary's, else its urgency's; nil when resolved.
    package static func band(_ entry: Entry) -> Band? {
        guard let urgency = entry.urgency else { return nil }
        return entry.summary?.band ?? Band(urgency: urgency, sameDay: entry.summary?.sameDay ?? false)
    }

    /// By band (SPEC §7: same day, read today, urgent, soon, routine GP then neurology,
    /// self-care), then by the most dangerous red flag (`page.json`'s order), present before
    /// possible, the oldest red-flag date, then by id (bytewise); resolved last.
    package static func sorted(_ entries: [Entry]) -> [Entry] {
        var sorted = entries
        sort(&sorted)
        return sorted
    }

    /// Sorts `entries` in place in ``sorted(_:)``'s order.
    package static func sort(_ entries: inout [Entry]) {
        func key(_ entry: Entry) -> (Int, Int, Int, Int) {
            let band = band(entry).flatMap { Band.allCases.firstIndex(of: $0) } ?? Band.allCases.count
            let summary = entry.summary
            return (
                band, summary?.dangerRank ?? Int.max, summary?.keyRedFlagPossible == true ? 1 : 0,
                summary?.oldestRedFlagDate?.dayNumber ?? Int.max
            )
        }
        entries.sort { lhs, rhs in
            let (left, right) = (key(lhs), key(rhs))
            if left != right { return left < right }
            return lhs.patientID.rawValue.utf8.lexicographicallyPrecedes(rhs.patientID.rawValue.utf8)
        }
    }

    /// Summarises a recommendation as the worklist shows a test.
    package static func testLabel(_ recommendation: Recommendation) -> String {
        recommendation.region.map { "\(recommendation.test.rawValue) (\($0))" } ?? recommendation.test.rawValue
    }
}
