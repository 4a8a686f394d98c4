import TriageKnowledge
import TriageModel

/// The page a clinician reads (SPEC §7), as plain text in sections, before any format: what to
/// do and by when first, then the evidence. ``ReferralMarkdown`` and ``ReferralHTML`` render it,
/// each escaping every string with its own one escaping function; ``ReportDocumentBuilder``
/// makes it from a ``Referral`` and the knowledge tables (for clinical names and sources).
///
/// Nothing here holds a code id (`bloodWork`, `vitaminB12`, a rule id): every string is words.
package struct ReportDocument: Sendable, Hashable {
    /// A line of evidence: a sentence and where it comes from.
    package struct Line: Sendable, Hashable {
        /// The sentence.
        package var text: String
        /// `twitchlog.csv:37, 89`, or `note, journal.csv:14: "dropped my pen"`; empty if none.
        package var evidence: String
    }

    /// One block of "what to do": what one actor does (the emergency department, the GP,
    /// neurology, …), with one reason block.
    package struct ActionBlock: Sendable, Hashable {
        /// One test and what it is for.
        package struct Item: Sendable, Hashable {
            /// `EMG`, `MRI of the cervical spine`, `Blood tests: magnesium, vitamin B12`.
            package var name: String
            /// One sentence.
            package var detail: String
            /// By when, where it differs from the block's (`today`, `to be seen within 2
            /// weeks`); empty when it is the block's.
            package var by: String = ""
            /// The condition of a conditional next step (`if the examination finds weakness,
            /// wasting or reflex change`), or empty for a step to take now.
            package var condition: String = ""
        }

        /// The most urgent of the block's steps.
        package var urgency: Urgency
        /// `Neurology: urgent, to be seen within 2 weeks`, `Emergency department: same day`.
        package var when: String
        /// Whether a step of the block must happen today.
        package var sameDay: Bool
        /// Who acts, in words (`neurology`).
        package var who: String = ""
        /// The tests.
        package var items: [Item]
        /// The reasons, each stated once on the page; `As above.` when all were stated before.
        package var because: [String]
        /// Numbers into ``ReportDocument/sources``.
        package var sources: [Int]
    }

    /// A lab result as reported.
    package struct LabRow: Sendable, Hashable {
        /// `Magnesium (serum)`.
        package var test: String
        /// `2026-10-27`.
        package var collected: String
        /// `2.0 mg/dL`, with the canonical value after it when the unit differs.
        package var result: String
        /// `1.7-2.2 mg/dL`, `0.7-1.0 mmol/L (default range)`, or empty.
        package var reference: String
        /// `normal`, `low`, `critical low`, with `, stale` when old.
        package var status: String
        /// Whether the status is outside the reference range.
        package var abnormal: Bool
        /// The lab's comment, as written, or empty.
        package var comment: String = ""
    }

    /// A result the lab flagged of an analyte the knowledge does not read, as reported.
    package struct OtherRow: Sendable, Hashable {
        /// The test's name as the lab wrote it.
        package var test: String
        /// `2026-10-27`, or empty.
        package var collected: String
        /// The value and unit as reported.
        package var result: String
        /// The lab's flag (`H`, `L`, `A`).
        package var flag: String
        /// The lab's comment, or empty.
        package var comment: String
    }

    /// A condition considered, with what speaks for and against it.
    package struct ConsiderationBlock: Sendable, Hashable {
        /// The condition's name.
        package var condition: String
        /// What speaks for it.
        package var supporting: [String]
        /// What speaks against it.
        package var opposing: [String]
        /// The diagnostic approach the articles give.
        package var approach: String
        /// Numbers into ``ReportDocument/sources``.
        package var sources: [Int]
    }

    /// A piece of advice to pass on to the patient.
    package struct AdviceLine: Sendable, Hashable {
        /// The advice.
        package var text: String
        /// Numbers into ``ReportDocument/sources``.
        package var sources: [Int]
    }

    /// A source cited on the page, listed once.
    package struct SourceEntry: Sendable, Hashable {
        /// Its number on the page.
        package var number: Int
        /// The article's short name.
        package var name: String
        /// The article's title.
        package var title: String
    }

    /// A lab date on the timeline.
    package struct TimelineLab: Sendable, Hashable {
        /// The collection date.
        package var date: LocalDate
        /// The analyte's short name.
        package var name: String
        /// Whether it was outside its range.
        package var abnormal: Bool
    }

    /// A symptom's first day on the timeline, in words.
    package struct TimelineOnset: Sendable, Hashable {
        /// The first day.
        package var date: LocalDate
        /// The symptom (`speech difficulty`).
        package var symptom: String
        /// Whether it is a red flag.
        package var redFlag: Bool
    }

    /// `Referral summary: P001`.
    package var title: String
    /// The patient id.
    package var patientID: PatientID
    /// `Mark Halvorsen, 52, male`, or empty.
    package var patient: String
    /// The headline.
    package var headline: String
    /// The headline without its leading urgency label (`rule out ALS …` for `Urgent: rule out
    /// ALS …`), for a page that shows the label beside it.
    package var headlineBody: String {
        let prefix = urgencyLabel + ": "
        guard headline.hasPrefix(prefix) else { return headline }
        let body = headline.dropFirst(prefix.count)
        return body.prefix(1).uppercased() + body.dropFirst()
    }
    /// The overall urgency.
    package var urgency: Urgency
    /// `Urgent` or `Self-care`.
    package var urgencyLabel: String
    /// `Same day`, `to be seen within 2 weeks`, or empty when the knowledge gives no timeframe.
    package var when: String
    /// Whether anything must happen today.
    package var sameDay: Bool
    /// `87 journal entries, 2026-08-24 to 2026-11-18; as of 2026-11-20`.
    package var window: String
    /// Records that could not be read, first on the page when data was lost.
    package var lostRecords: Int
    /// The unreadable records, merged.
    package var lost: [String]
    /// What to do, most urgent first.
    package var actions: [ActionBlock]
    /// The line for the referral letter when motor neuron disease is suspected, or empty.
    package var queryMND: String = ""
    /// The targeted examination, one line per consideration or red flag it is for.
    package var examination: [String] = []
    /// What to tell the patient, or empty.
    package var tellPatient: String = ""
    /// The escalation signs for this patient.
    package var safetyNet: [AdviceLine] = []
    /// That the tool is not monitored in real time (SPEC §6.5).
    package var notMonitored: String = ""
    /// Red flags present, most dangerous first, with their first dates (`Possible: ` where the
    /// patient was unsure).
    package var redFlags: [Line]
    /// The medicines that matter, with their notes.
    package var medicines: [Line] = []
    /// Diagnoses and family history the patient states.
    package var history: [Line] = []
    /// The notes that mention a referral or an appointment, verbatim.
    package var appointments: [Line] = []
    /// Other findings present.
    package var findings: [Line]
    /// The red flags looked for and not found: the first line those the journal never
    /// mentions, after ``notMentionedLabel``.
    package var negatives: [String]
    /// `Not mentioned in the journal`: the label of the first line of ``negatives`` when it
    /// lists symptoms never written; empty otherwise.
    package var notMentionedLabel: String = ""
    /// Labs as reported.
    package var labs: [LabRow]
    /// Other results the lab flagged.
    package var otherResults: [OtherRow] = []
    /// Conditions considered.
    package var considerations: [ConsiderationBlock]
    /// Lifestyle correlations and changes, with their units.
    package var lifestyle: [String]
    /// Advice to pass on, moot items left out.
    package var advice: [AdviceLine]
    /// Symptom text the tool did not understand, for a clinician to read.
    package var needsReview: [String]
    /// The patient's notes, verbatim.
    package var notes: [Line]
    /// Data-quality notes, merged per problem and term.
    package var dataQuality: [String]
    /// Sources, each once.
    package var sources: [SourceEntry]
    /// Tool, knowledge and as-of.
    package var provenance: String
    /// Input files (their SHA-256 stay in the JSON's provenance).
    package var inputs: [String]
    /// The disclaimer.
    package var disclaimer: String
    /// The journal over time.
    package var timeline: ReferralTimeline
    /// The journal's first and last date, when there is a journal.
    package var span: (first: LocalDate, last: LocalDate)? {
        guard let first = timeline.days.first?.date, let last = timeline.days.last?.date else { return nil }
        return (first, last)
    }
    /// Lab dates on the timeline.
    package var timelineLabs: [TimelineLab]
    /// Symptoms' first days on the timeline.
    package var timelineOnsets: [TimelineOnset]
    /// The knowledge's page (`page.json`), whose phrases the renderers write headings and labels
    /// in; nil for knowledge built in code, when every phrase is empty.
    package var phrases: PageKnowledge? = nil

    /// The lab table's column headings, in order (both formats draw the table with them).
    package var labColumns: [String] { [.labTest, .labCollected, .labResult, .labReference, .labStatus].map { phrase($0) } }

    /// The headings of the table of other results the lab flagged, in order.
    package var otherResultColumns: [String] { [.labTest, .labCollected, .labResult, .labFlag, .labComment].map { phrase($0) } }

    /// Phrase `id` of the page, filled with `values` (``PagePhraseID``).
    package func phrase(_ id: PagePhraseID, _ values: KeyValuePairs<String, String> = [:]) -> String {
        phrases?.phrases.words(id, values) ?? ""
    }
}

extension ReportDocument {
    /// The sections that are only a heading and a list of lines, in page order: red flags,
    /// medicines, stated history, appointments. Each page writes a non-empty one alike.
    var lineSections: [(heading: PagePhraseID, lines: [Line])] {
        [(.redFlags, redFlags), (.medicines, medicines), (.statedHistory, history), (.appointments, appointments)]
    }
}
