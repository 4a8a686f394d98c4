/// Which records of a multi-patient file a reader builds when one patient's report is wanted
/// (`report --patient ID`): SPEC §9, "a single report reads every file but builds and normalises
/// only that patient's records".
///
/// A reader that supports it (the lab and journal CSV readers, through ``CSVRowFilter``) looks
/// at a record's patient id bytes before parsing anything else, and leaves a record out only
/// when it is sure the record changes nothing the report shows:
/// - every record of ``patient`` is read;
/// - every record the reader could not attribute is read, so its problem is reported exactly as
///   without a selection: a structural problem (broken quoting), a wrong field count, a blank
///   patient id, or an id that is not plain printable ASCII (invalid UTF-8 and NUL bytes are row
///   errors the reader names; non-ASCII ids are left to `String` comparison);
/// - of every other patient, the first record of each run of consecutive records with its id is
///   read: that patient still gets its part of the file, so which patients the file holds, and
///   whether it has something to triage (which decides the "demographics but no journal or lab
///   data" count every report shows), come out as without a selection, as long as one of those
///   records gives it something to triage. For a patient whose read records do not,
///   ``Ingestion`` reads the file again with that patient in ``everyRecordOf``.
///
/// Left-out records are counted (``ReadResult/omittedRecords``).
public struct PatientSelection: Sendable, Hashable {
    /// The patient whose records are all built.
    public var patient: String
    /// Other patients whose records are all read too.
    public var everyRecordOf: Set<String>

    /// A selection for `patient`, or nil when the id is not plain ASCII: `String` equality of
    /// non-ASCII text is canonical equivalence (a Kelvin sign equals `K`), which a byte
    /// comparison would not reproduce, so such an id is read without a selection.
    public init?(patient: String, everyRecordOf: Set<String> = []) {
        guard patient.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        self.patient = patient
        self.everyRecordOf = everyRecordOf
    }
}
