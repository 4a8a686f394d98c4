import TriageModel
import TriageKnowledge

/// Everything derived from one patient's record (SPEC §6), typed for the rules, and the same
/// as a list of ``Finding``s with evidence for the reports.
public struct PatientFindings: Sendable, Hashable {
    /// A medication class taken, with the drugs and where they were recorded.
    public struct MedicationUse: Sendable, Hashable {
        /// The class id.
        public var medicationClass: String
        /// The drugs as written, sorted.
        public var drugs: [String]
        /// The first and the latest entry naming one.
        public var evidence: [Evidence]
    }

    /// A condition the patient's notes name as a worry, with the first quote.
    public struct Concern: Sendable, Hashable {
        /// The condition id.
        public var condition: ConditionID
        /// The first note naming it.
        public var quote: String
        /// Entries naming it.
        public var entries: Int
        /// The first and the latest entry naming it.
        public var evidence: [Evidence]
    }

    /// The record the findings come from.
    public var record: PatientRecord
    /// The as-of date.
    public var asOf: LocalDate
    /// Span, trend, regions.
    public var course: TwitchCourse
    /// Symptoms and weakness.
    public var symptoms: SymptomHistory
    /// Lifestyle correlations and changes.
    public var lifestyle: LifestyleAnalysis
    /// Medication classes linked to twitching.
    public var medications: [MedicationUse]
    /// Latest lab per analyte.
    public var labs: LabPanel
    /// A trigger the patient named, and on how many twitch days.
    public struct TriggerNamed: Sendable, Hashable {
        /// The trigger id.
        public var trigger: String
        /// Twitch days naming it.
        public var days: Int
    }

    /// Triggers named on twitch days, most often first.
    public var triggersNamed: [TriggerNamed] = []
    /// Conditions the patient's notes name as a worry.
    public var concerns: [Concern] = []
    /// The lab results as used: a default range applied only where the knowledge allows it.
    public var labResults: [LabResult] = []
    /// Age on the as-of date, if known.
    public var age: Int?
    /// The findings as reports show them, present and absent.
    public var list: [Finding]

    /// Whether the finding with `id` is present.
    public func isPresent(_ id: FindingID) -> Bool { list.contains { $0.id == id && $0.present } }
}
