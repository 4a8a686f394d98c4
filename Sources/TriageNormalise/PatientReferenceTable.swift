import TriageIngest
import TriageModel

/// The run's FHIR Patient resources by resource id, so that a result naming its patient only
/// as `Patient/ID` finds the patient id of the Patient resource another file holds.
///
/// A FHIR Bulk Data export writes one file per resource type: `Observation.ndjson` says
/// `"subject": {"reference": "Patient/123"}`, and the medical record number is in
/// `Patient.ndjson`'s `Patient/123`. Read alone, the Observation file gives patient "123"
/// (SPEC §3.9's `Patient/ID` rule), and the patient's journal, filed under the MRN, would not
/// be joined with its results. So every file's Patient resources go into this table, and the
/// ids a file took from a `Patient/ID` reference alone (``ReadResult/referencedPatients``) are
/// renamed to the patient id the table gives, once every file of the run has been read.
/// Decision (beyond SPEC §3.9's wording, which has no file boundary): a resource id that two
/// files' Patient resources give different patient ids is ambiguous and renames nothing; a
/// resource id no Patient resource names keeps SPEC's rule (the id is the patient id).
package struct PatientReferenceTable: Sendable, Hashable {
    /// Resource id → patient id; nil when two files disagree.
    private var ids: [String: PatientID?] = [:]

    /// An empty table.
    package init() {}

    /// Whether no file gave a Patient resource to resolve through.
    package var isEmpty: Bool { ids.isEmpty }

    /// Adds a file's Patient resources.
    package mutating func add(_ resources: [String: String]) {
        for (resource, written) in resources {
            let patient = PatientID(written)
            if let known = ids[resource], known != patient { ids[resource] = .some(nil) } else { ids[resource] = patient }
        }
    }

    /// Whether a file's ids may change once the table is complete: it took some from a
    /// `Patient/ID` reference alone.
    package static func mayRename(_ outcome: InputFileReader.Outcome) -> Bool {
        guard case .read(let result) = outcome.outcome else { return false }
        return !result.referencedPatients.isEmpty
    }

    /// Renames, in a file's records and problems, every patient id it took from a `Patient/ID`
    /// reference alone to the patient id of the run's Patient resource of that id.
    package func apply(to outcome: inout InputFileReader.Outcome) {
        guard case .read(var result) = outcome.outcome else { return }
        var renames: [PatientID: PatientID] = [:]
        for id in result.referencedPatients {
            if case .some(.some(let patient)) = ids[id] { renames[PatientID(id)] = patient }
        }
        guard !renames.isEmpty else { return }
        for index in result.labs.indices {
            if let patient = renames[result.labs[index].patientID] { result.labs[index].patientID = patient }
        }
        for index in result.demographics.indices {
            if let patient = renames[result.demographics[index].patientID] { result.demographics[index].patientID = patient }
        }
        for index in result.diagnostics.indices {
            if let id = result.diagnostics[index].patientID, let patient = renames[id] { result.diagnostics[index].patientID = patient }
        }
        result.referencedPatients.subtract(renames.keys.map(\.rawValue))
        outcome.outcome = .read(result)
    }
}
