import MemberwiseInit

/// The referral summary of one patient (SPEC §7): everything every renderer writes.
///
/// A pure function of the patient's records, the knowledge version, the as-of date and the tool
/// version: nothing here comes from the clock, the host or the order files were found in.
@PackageMemberwiseInit
public struct Referral: Sendable, Hashable {
    /// The patient as the report shows them.
    @PackageMemberwiseInit
    package struct Patient: Sendable, Hashable {
        /// The id.
        package var id: PatientID
        /// Age on the as-of date.
        package var age: Int?
        /// Sex.
        package var sex: PatientDemographics.Sex?
        /// A display name, when the input gave one (never in logs).
        package var displayName: String?
    }

    /// The journal's data window.
    @PackageMemberwiseInit
    package struct Window: Sendable, Hashable {
        /// The first entry's date.
        package var first: LocalDate
        /// The last entry's date.
        package var last: LocalDate
        /// The number of entries.
        package var entries: Int
    }

    /// A lifestyle correlation as the report shows it.
    @PackageMemberwiseInit
    package struct LifestyleCorrelation: Sendable, Hashable {
        /// The factor (`caffeine`, `short sleep`, …).
        package var factor: String
        /// Days exposed.
        package var exposedDays: Int
        /// Mean count on them.
        package var exposedMean: Double
        /// Days not exposed.
        package var unexposedDays: Int
        /// Mean count on them.
        package var unexposedMean: Double
        /// Whether both sides had enough days to compare.
        package var comparable: Bool
        /// Whether the exposure is linked to the twitching (see `correlation-min-ratio`).
        package var linked: Bool
    }

    /// A piece of advice with its sources.
    @PackageMemberwiseInit
    package struct AdviceItem: Sendable, Hashable {
        /// The advice id.
        package var id: AdviceID
        /// The text.
        package var text: String
        /// The articles.
        package var sources: [String]
    }

    /// A free-text note of the journal, kept verbatim and never interpreted (SPEC §3.3).
    @PackageMemberwiseInit
    package struct Note: Sendable, Hashable {
        /// The entry's date.
        package var date: LocalDate
        /// The entry.
        package var source: SourceLocation
        /// The note.
        package var text: String
    }

    /// One item of the targeted examination checklist (SPEC §6.2, `examination[]`).
    @PackageMemberwiseInit
    package struct ExaminationItem: Sendable, Hashable {
        /// What to examine ("tongue wasting and fasciculation").
        package var item: String
        /// The consideration or red flag it is for ("motor neuron disease").
        package var forWhat: String
        /// The sources.
        package var sources: [String]
    }

    /// A diagnosis or family history the patient states (SPEC §4.1, `history[]`).
    @PackageMemberwiseInit
    package struct HistoryItem: Sendable, Hashable {
        /// Whose history.
        package enum Kind: String, Sendable, Hashable {
            /// The patient's own stated diagnosis (`I have diabetes`).
            case diagnosis
            /// A relative's condition (`my father had MND`).
            case familyHistory
        }

        /// Whose history.
        package var kind: Kind
        /// The condition or concept, in clinical words.
        package var text: String
        /// The patient's words.
        package var quote: String
        /// Where it was written.
        package var source: SourceLocation
        /// Whether the relative is first-degree (parent, sibling, child); nil for a diagnosis.
        package var firstDegree: Bool?
    }

    /// A result of an analyte the knowledge does not read, kept because the lab flagged it
    /// (SPEC §3.10, `otherResults[]`), as reported.
    @PackageMemberwiseInit
    package struct OtherResult: Sendable, Hashable {
        /// The test's name as the lab wrote it.
        package var name: String
        /// The code as reported (LOINC or local), if any.
        package var code: String?
        /// The code system as reported (`LN`, `http://loinc.org`, a local system), if any.
        package var system: String?
        /// The value as reported.
        package var value: String
        /// The unit as reported.
        package var unit: String?
        /// The lab's flag as reported (`H`, `L`, `A`, …).
        package var flag: String
        /// When collected.
        package var collected: Timestamp?
        /// Where it came from.
        package var source: SourceLocation
        /// The lab's comment on it, if any.
        package var comment: String?
    }

    /// The tool version that wrote it.
    package var toolVersion: String
    /// The knowledge tables' version.
    package var knowledgeVersion: String
    /// The as-of date.
    package var asOf: LocalDate
    /// The patient.
    package var patient: Patient
    /// The journal window, nil with no journal.
    package var window: Window?
    /// The overall urgency: the highest of the recommendations'.
    package var urgency: Urgency
    /// One sentence, at most 140 characters.
    package var headline: String
    /// Recommendations, most urgent first.
    package var recommendations: [Recommendation]
    /// Findings, present first, then absent.
    package var findings: [Finding]
    /// Every lab result, in collection order.
    package var labs: [LabResult]
    /// Conditions considered, most supported first.
    package var considerations: [Consideration]
    /// Lifestyle correlations.
    package var correlations: [LifestyleCorrelation]
    /// Advice that fits the patient's exposures, and when to come back.
    package var advice: [AdviceItem]
    /// Whether any recommendation must happen today (SPEC §6 "same day"): breathing difficulty
    /// with twitching, a critical lab value. Puts the patient first on the worklist.
    package var sameDay: Bool = false
    /// What a phone export gave, with where each value came from; nil without one.
    package var phone: PhoneLifestyle?
    /// Problems with the patient's data and terms not recognised, merged per problem and term.
    package var dataQuality: [DataQualityItem]
    /// Symptom text that was not understood (SPEC §4.1), distinct texts with their lines.
    package var needsReview: [NeedsReviewItem]
    /// The journal's notes, in time order.
    package var notes: [Note]
    /// Input files with their SHA-256.
    package var inputs: [InputFile]
    /// The journal over time, for the report's timeline (empty with no journal).
    package var timeline: ReferralTimeline = .empty
    /// The decision-support disclaimer.
    package var disclaimer: String
    /// The targeted examination checklist (SPEC §6.2, `examination[]`).
    package var examination: [ExaminationItem] = []
    /// What to tell the patient, one or two sentences (`tellPatient`); never names MND.
    package var tellPatient: String?
    /// The escalation signs for this patient, each with its source (`safetyNet[]`): never cut
    /// to fit, never dropped because the patient already has the symptom (SPEC §6.2).
    package var safetyNet: [AdviceItem] = []
    /// Whether the referral should say "query MND" (NICE NG42; `queryMND`).
    package var queryMND: Bool = false
    /// Diagnoses and family history the patient states (`history[]`).
    package var history: [HistoryItem] = []
    /// Results the lab flagged of analytes the knowledge does not read (`otherResults[]`).
    package var otherResults: [OtherResult] = []
}
