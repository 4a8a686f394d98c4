import TriageModel

/// Reads the rows of a patients CSV (SPEC §3.5) into ``PatientDemographics``.
///
/// Columns, when present and not blank: `patient_id` (required), `birth_date` (a date without a
/// time; a slash date needs `--date-order`), `age` (a whole number 0-150), `sex`
/// (``PatientDemographics/Sex/init(text:)``), `display_name` (kept for the patient's own
/// reports, never put in a message). A row may give both a birth date and an age; both are
/// kept, and the birth date wins where an age is computed.
enum PatientCSVReader {
    /// Reads every remaining row into `result`.
    package static func read(_ rows: inout CSVRows, header: CSVHeader, into result: inout ReadResult) {
        guard let patientField = header[.patientID] else { return }
        let fields = rows.fields
        rows.readRows(patientField: patientField, into: &result) { record, patientID, result throws(CSVRowError) in
            var demographics = PatientDemographics(
                source: SourceLocation(fileID: fields.fileID, line: record.line),
                patientID: PatientID(patientID))
            for known in header.columns {
                try read(known, of: record, with: fields, into: &demographics)
            }
            result.demographics.append(demographics)
            return nil
        }
    }

    private static func read(
        _ known: CSVHeader.KnownColumn, of record: CSVRecord, with fields: CSVFieldReader,
        into demographics: inout PatientDemographics
    ) throws(CSVRowError) {
        let field = known.field
        switch known.column {
        case .birthDate: demographics.birthDate = try fields.date(record, field)
        case .age: demographics.age = try fields.wholeNumber(record, field, in: 0...150)
        case .sex:
            guard let text = try fields.text(record, field) else { return }
            guard let sex = PatientDemographics.Sex(text: text) else { throw fields.error(record, field, CSVMessage.notSex) }
            demographics.sex = sex
        case .displayName: demographics.displayName = try fields.text(record, field)
        case .patientID, .date, .location, .side, .twitchCount, .durationMinutes, .atRest, .triggers, .symptoms,
            .weakness, .caffeineMilligrams, .sleepHours, .stress, .alcoholUnits, .waterLitres, .exercise,
            .medications, .notes, .collectedAt, .value, .unit, .test, .loinc, .referenceLow, .referenceHigh, .code, .codeSystem, .comment,
            .reference, .flag, .lab:
            break
        }
    }
}
