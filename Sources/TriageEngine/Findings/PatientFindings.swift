import TriageKnowledge
import TriageModel

/// Everything derived from one patient's record (SPEC §6), typed for the rules, and the same
/// as a list of ``Finding``s with evidence for the reports.
package struct PatientFindings: Sendable, Hashable {
    /// A medication class taken, with the drugs and where they were recorded.
    package struct MedicationUse: Sendable, Hashable {
        /// The class id.
        package var medicationClass: MedicationClassID
        /// The drugs as written, sorted.
        package var drugs: [String]
        /// The first and the latest entry naming one.
        package var evidence: [Evidence]
    }

    /// A condition the patient's notes name as a worry, with the first quote.
    package struct Concern: Sendable, Hashable {
        /// The condition id.
        package var condition: ConditionID
        /// The first note naming it.
        package var quote: String
        /// Entries naming it.
        package var entries: Int
        /// The first and the latest entry naming it.
        package var evidence: [Evidence]
    }

    /// The record the findings come from.
    package var record: PatientRecord
    /// The as-of date.
    package var asOf: LocalDate
    /// Span, trend, regions.
    package var course: TwitchCourse
    /// Symptoms and weakness.
    package var symptoms: SymptomHistory
    /// Lifestyle correlations and changes.
    package var lifestyle: LifestyleAnalysis
    /// Medication classes linked to twitching.
    package var medications: [MedicationUse]
    /// Latest lab per analyte.
    package var labs: LabPanel
    /// A trigger the patient named, and on how many twitch days.
    package struct TriggerNamed: Sendable, Hashable {
        /// The trigger id.
        package var trigger: TriggerID
        /// Twitch days naming it.
        package var days: Int
    }

    /// Triggers named on twitch days, most often first.
    package var triggersNamed: [TriggerNamed] = []
    /// Conditions the patient's notes name as a worry.
    package var concerns: [Concern] = []
    /// The lab results as used: a default range applied only where the knowledge allows it.
    package var labResults: [LabResult] = []
    /// Age on the as-of date, if known.
    package var age: Int?
    /// The findings as reports show them, present and absent.
    package var list: [Finding]

    /// Whether the finding with `id` is present.
    package func isPresent(_ id: FindingID) -> Bool { list.contains { $0.id == id && $0.present } }
}
