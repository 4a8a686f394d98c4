/// Which records of a multi-patient file a reader builds when one patient's report is wanted
/// (`report --patient ID`): SPEC §9, "a single report reads every file but builds and normalises
/// only that patient's records".
///
/// A single-patient report is about that patient: it shows every problem of the patient's own
/// records and every problem no patient can claim, but nothing about other patients (the count
/// of patients with demographics and nothing to triage is the batch's, see ``Ingestion``). So a
/// reader that supports a selection (the lab and journal CSV readers, through ``CSVRowFilter``
/// and ``CSVScanner/skipPlainRecord(fieldCount:idField:patient:)``) looks at a record's patient
/// id bytes before parsing anything else, and leaves out every record of another patient that
/// it is sure of:
/// - every record of ``patient`` is read;
/// - every record the reader could not attribute is read, so its problem is reported exactly as
///   without a selection: a structural problem (broken quoting), a wrong field count, a blank
///   patient id, or an id that is not plain printable ASCII (invalid UTF-8 and NUL bytes are row
///   errors the reader names; non-ASCII ids are left to `String` comparison);
/// - every other record, whose id is another patient's plain ASCII id, is left out unparsed:
///   whatever it holds (a bad value, a future date) would be that patient's problem.
///
/// Left-out records are counted (``ReadResult/omittedRecords``): a file whose every read
/// record is left out still belongs to patients, so its file-level problems are theirs, not
/// "for no patient" (``PatientRecordAssembler/parts(of:fileIndex:building:)``).
public struct PatientSelection: Sendable, Hashable {
    /// The patient whose records are all built.
    package var patient: String

    /// A selection for `patient`, or nil when the id is not plain ASCII: `String` equality of
    /// non-ASCII text is canonical equivalence (a Kelvin sign equals `K`), which a byte
    /// comparison would not reproduce, so such an id is read without a selection.
    package init?(patient: String) {
        guard patient.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        self.patient = patient
    }
}
