import TriageModel

/// What a reader got out of one file: the records it could read, and every problem, each
/// already saying what was done about it.
public struct ReadResult: Sendable, Hashable {
    /// The kind the file was read as.
    package var kind: FileKind
    /// Journal entries read.
    public var journal: [JournalRecord] = []
    /// Lab results read.
    public var labs: [LabRecord] = []
    /// Results of analytes the knowledge does not read that the lab flagged (SPEC §3.10).
    package var otherResults: [OtherLabRecord] = []
    /// Demographics read.
    public var demographics: [PatientDemographics] = []
    /// What a phone export (Apple Health) holds, unattached until ``AppleHealthAttachment``
    /// gives it its patient; nil for every other kind.
    public var phone: PhoneExport?
    /// FHIR Patient resources whose patient id (their `MR` identifier, else their first) is not
    /// their resource id: resource id → patient id. Another file's `Patient/ID` reference (a
    /// Bulk Data export's `Observation.ndjson` beside its `Patient.ndjson`) finds its patient
    /// through them (``PatientReferenceTable``).
    package var patientResources: [String: String] = [:]
    /// Patient ids this file took from a `Patient/ID` reference alone, no Patient resource of
    /// the file naming them: the run's other files may (``PatientReferenceTable``).
    package var referencedPatients: Set<String> = []
    /// Problems, in file order.
    public var diagnostics: [Diagnostic] = []
    /// Records a ``PatientSelection`` left out unread: other patients' records. Zero without a
    /// selection.
    package var omittedRecords = 0
    /// Whether the whole file was refused (not CSV at all, malformed XML before any record…).
    package var rejected = false

    /// Creates an empty result for a kind.
    package init(kind: FileKind) {
        self.kind = kind
    }
}
