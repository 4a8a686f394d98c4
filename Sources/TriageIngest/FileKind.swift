/// What an input file holds, detected from its content (SPEC §3.1), never from its name.
package enum FileKind: String, Sendable, Hashable, Codable, CaseIterable {
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
    /// A FHIR R4 resource or Bundle in JSON (SPEC §3.9).
    case fhirJSON = "FHIR JSON"
    /// FHIR R4 resources in NDJSON, one a line (a Bulk Data export, SPEC §3.9).
    case fhirNDJSON = "FHIR NDJSON"
    /// A FHIR R4 resource or Bundle in XML, namespace `http://hl7.org/fhir` (SPEC §3.9).
    case fhirXML = "FHIR XML"
    /// An HL7 C-CDA R2.1 `ClinicalDocument` (SPEC §3.9).
    case ccda = "HL7 C-CDA"
    /// HL7 v2 ORU^R01 messages, one or a batch (SPEC §3.9).
    case hl7v2 = "HL7 v2"
    /// A Synthea `observations.csv` (SPEC §3.9).
    case syntheaObservations = "Synthea observations CSV"
    /// A Synthea `patients.csv` (SPEC §3.9).
    case syntheaPatients = "Synthea patients CSV"
    /// An Apple Health `export.xml`, root `HealthData` (SPEC §3.9).
    case appleHealth = "Apple Health export"
}
