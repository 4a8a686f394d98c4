/// What an input file holds, detected from its content (SPEC §3.1), never from its name.
public enum FileKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A symptom journal in CSV (SPEC §3.3).
    case journalCSV = "journal CSV"
    /// A symptom journal in XML, root `symptomJournal` (SPEC §3.4).
    case journalXML = "journal XML"
    /// Lab results in CSV (SPEC §3.6).
    case labCSV = "lab CSV"
    /// Lab results in XML, root `labResults` (SPEC §3.6).
    case labXML = "lab XML"
    /// Patient demographics in CSV (SPEC §3.5).
    case patientCSV = "patients CSV"
}
