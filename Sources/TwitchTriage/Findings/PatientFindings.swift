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
    /// Age on the as-of date, if known.
    public var age: Int?
    /// The findings as reports show them, present and absent.
    public var list: [Finding]

    /// Whether the finding with `id` is present.
    public func isPresent(_ id: String) -> Bool { list.contains { $0.id == id && $0.present } }
}
