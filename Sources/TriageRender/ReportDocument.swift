import TriageModel

/// The page a clinician reads (SPEC §7), as plain text in sections, before any format: what to
/// do and by when first, then the evidence. ``ReferralMarkdown`` and ``ReferralHTML`` render it,
/// each escaping every string with its own one escaping function; ``ReportDocumentBuilder``
/// makes it from a ``Referral`` and the knowledge tables (for clinical names and sources).
///
/// Nothing here holds a code id (`bloodWork`, `vitaminB12`, a rule id): every string is words.
public struct ReportDocument: Sendable, Hashable {
    /// A line of evidence: a sentence and where it comes from.
    public struct Line: Sendable, Hashable {
        /// The sentence.
        public var text: String
        /// `twitchlog.csv:37, 89`, or `note, journal.csv:14: "dropped my pen"`; empty if none.
        public var evidence: String
    }

    /// One block of "what to do": what one actor does (the emergency department, the GP,
    /// neurology, …), with one reason block.
    public struct ActionBlock: Sendable, Hashable {
        /// One test and what it is for.
        public struct Item: Sendable, Hashable {
            /// `EMG`, `MRI of the cervical spine`, `Blood tests: magnesium, vitamin B12`.
            public var name: String
            /// One sentence.
            public var detail: String
            /// By when, where it differs from the block's (`today`, `to be seen within 2
            /// weeks`); empty when it is the block's.
            public var by: String = ""
            /// The condition of a conditional next step (`if the examination finds weakness,
            /// wasting or reflex change`), or empty for a step to take now.
            public var condition: String = ""
        }

        /// The most urgent of the block's steps.
        public var urgency: Urgency
        /// `Neurology: urgent, to be seen within 2 weeks`, `Emergency department: same day`.
        public var when: String
        /// Whether a step of the block must happen today.
        public var sameDay: Bool
        /// Who acts, in words (`neurology`).
        public var who: String = ""
        /// The tests.
        public var items: [Item]
        /// The reasons, each stated once on the page; `As above.` when all were stated before.
        public var because: [String]
        /// Numbers into ``ReportDocument/sources``.
        public var sources: [Int]
    }

    /// A lab result as reported.
    public struct LabRow: Sendable, Hashable {
        /// `Magnesium (serum)`.
        public var test: String
        /// `2026-10-27`.
        public var collected: String
        /// `2.0 mg/dL`, with the canonical value after it when the unit differs.
        public var result: String
        /// `1.7-2.2 mg/dL`, `0.7-1.0 mmol/L (default range)`, or empty.
        public var reference: String
        /// `normal`, `low`, `critical low`, with `, stale` when old.
        public var status: String
        /// Whether the status is outside the reference range.
        public var abnormal: Bool
        /// The lab's comment, as written, or empty.
        public var comment: String = ""
    }

    /// A result the lab flagged of an analyte the knowledge does not read, as reported.
    public struct OtherRow: Sendable, Hashable {
        /// The test's name as the lab wrote it.
        public var test: String
        /// `2026-10-27`, or empty.
        public var collected: String
        /// The value and unit as reported.
        public var result: String
        /// The lab's flag (`H`, `L`, `A`).
        public var flag: String
        /// The lab's comment, or empty.
        public var comment: String
    }

    /// A condition considered, with what speaks for and against it.
    public struct ConsiderationBlock: Sendable, Hashable {
        /// The condition's name.
        public var condition: String
        /// What speaks for it.
        public var supporting: [String]
        /// What speaks against it.
        public var opposing: [String]
        /// The diagnostic approach the articles give.
        public var approach: String
        /// Numbers into ``ReportDocument/sources``.
        public var sources: [Int]
    }

    /// A piece of advice to pass on to the patient.
    public struct AdviceLine: Sendable, Hashable {
        /// The advice.
        public var text: String
        /// Numbers into ``ReportDocument/sources``.
        public var sources: [Int]
    }

    /// A source cited on the page, listed once.
    public struct SourceEntry: Sendable, Hashable {
        /// Its number on the page.
        public var number: Int
        /// The article's short name.
        public var name: String
        /// The article's title.
        public var title: String
    }

    /// A lab date on the timeline.
    public struct TimelineLab: Sendable, Hashable {
        /// The collection date.
        public var date: LocalDate
        /// The analyte's short name.
        public var name: String
        /// Whether it was outside its range.
        public var abnormal: Bool
    }

    /// A symptom's first day on the timeline, in words.
    public struct TimelineOnset: Sendable, Hashable {
        /// The first day.
        public var date: LocalDate
        /// The symptom (`speech difficulty`).
        public var symptom: String
        /// Whether it is a red flag.
        public var redFlag: Bool
    }

    /// `Referral summary: P001`.
    public var title: String
    /// The patient id.
    public var patientID: String
    /// `Mark Halvorsen, 52, male`, or empty.
    public var patient: String
    /// The headline.
    public var headline: String
    /// The headline without its leading urgency label (`rule out ALS …` for `Urgent: rule out
    /// ALS …`), for a page that shows the label beside it.
    public var headlineBody: String {
        let prefix = urgencyLabel + ": "
        guard headline.hasPrefix(prefix) else { return headline }
        let body = headline.dropFirst(prefix.count)
        return body.prefix(1).uppercased() + body.dropFirst()
    }
    /// The overall urgency.
    public var urgency: Urgency
    /// `Urgent` or `Self-care`.
    public var urgencyLabel: String
    /// `Same day`, `to be seen within 2 weeks`, or empty when the knowledge gives no timeframe.
    public var when: String
    /// Whether anything must happen today.
    public var sameDay: Bool
    /// `87 journal entries, 2026-08-24 to 2026-11-18; as of 2026-11-20`.
    public var window: String
    /// Records that could not be read, first on the page when data was lost.
    public var lostRecords: Int
    /// The unreadable records, merged.
    public var lost: [String]
    /// What to do, most urgent first.
    public var actions: [ActionBlock]
    /// The line for the referral letter when motor neuron disease is suspected, or empty.
    public var queryMND: String = ""
    /// The targeted examination, one line per consideration or red flag it is for.
    public var examination: [String] = []
    /// What to tell the patient, or empty.
    public var tellPatient: String = ""
    /// The escalation signs for this patient.
    public var safetyNet: [AdviceLine] = []
    /// That the tool is not monitored in real time (SPEC §6.5).
    public var notMonitored: String = ""
    /// Red flags present, most dangerous first, with their first dates (`Possible: ` where the
    /// patient was unsure).
    public var redFlags: [Line]
    /// The medicines that matter, with their notes.
    public var medicines: [Line] = []
    /// Diagnoses and family history the patient states.
    public var history: [Line] = []
    /// The notes that mention a referral or an appointment, verbatim.
    public var appointments: [Line] = []
    /// Other findings present.
    public var findings: [Line]
    /// The red flags looked for and not found: the first line those the journal never
    /// mentions, after ``notMentionedLabel``.
    public var negatives: [String]
    /// `Not mentioned in the journal`: the label of the first line of ``negatives`` when it
    /// lists symptoms never written; empty otherwise.
    public var notMentionedLabel: String = ""
    /// Labs as reported.
    public var labs: [LabRow]
    /// Other results the lab flagged.
    public var otherResults: [OtherRow] = []
    /// Conditions considered.
    public var considerations: [ConsiderationBlock]
    /// Lifestyle correlations and changes, with their units.
    public var lifestyle: [String]
    /// Advice to pass on, moot items left out.
    public var advice: [AdviceLine]
    /// Symptom text the tool did not understand, for a clinician to read.
    public var needsReview: [String]
    /// The patient's notes, verbatim.
    public var notes: [Line]
    /// Data-quality notes, merged per problem and term.
    public var dataQuality: [String]
    /// Sources, each once.
    public var sources: [SourceEntry]
    /// Tool, knowledge and as-of.
    public var provenance: String
    /// Input files (their SHA-256 stay in the JSON's provenance).
    public var inputs: [String]
    /// The disclaimer.
    public var disclaimer: String
    /// The journal over time.
    public var timeline: ReferralTimeline
    /// The journal's first and last date, when there is a journal.
    public var span: (first: LocalDate, last: LocalDate)? {
        guard let first = timeline.days.first?.date, let last = timeline.days.last?.date else { return nil }
        return (first, last)
    }
    /// Lab dates on the timeline.
    public var timelineLabs: [TimelineLab]
    /// Symptoms' first days on the timeline.
    public var timelineOnsets: [TimelineOnset]
}
