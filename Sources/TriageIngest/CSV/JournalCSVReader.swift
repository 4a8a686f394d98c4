import TriageModel

/// Reads the rows of a symptom-journal CSV (SPEC §3.3) into ``JournalRecord``s.
///
/// Each column, when present and not blank:
/// - `patient_id` (required, never blank), `date` (required: ISO date or date-time, or a slash
///   date with `--date-order`).
/// - `location`, `triggers`, `symptoms`, `medications`: `;`-lists of terms, each at its own
///   column; symptoms become ``SymptomMention``s. The side word inside a location
///   (`right forearm`) is left to vocabulary matching, which maps regions and sides.
/// - `side`, `exercise`: terms as written.
/// - `twitch_count`: a whole number, 0 or more (`0` means explicitly none).
/// - `duration_min`, `caffeine_mg`, `alcohol_units`, `water_l`: numbers, 0 or more.
/// - `sleep_hours`: 0-24. `stress`: 0-10. `weakness`: a whole number 0-3.
/// - `at_rest`: yes/no, true/false, 1/0, y/n, any case.
/// - `notes`: kept verbatim, never interpreted.
///
/// A row with a problem is skipped with an error naming the first problem: the patient id
/// first, then the columns left to right.
enum JournalCSVReader {
    /// Reads every remaining row into `result`.
    package static func read(_ rows: inout CSVRows, header: CSVHeader, into result: inout ReadResult) {
        guard let patientField = header[.patientID] else { return }
        let fields = rows.fields
        let placeholder = Timestamp(date: LocalDate(dayNumber: 0))
        rows.readRows(patientField: patientField, into: &result) { record, patientID, result throws(CSVRowError) in
            var entry = JournalRecord(
                source: SourceLocation(fileID: fields.fileID, line: record.line),
                patientID: PatientID(patientID), timestamp: placeholder)
            for known in header.columns {
                try read(known, of: record, with: fields, into: &entry)
            }
            result.journal.append(entry)
            return nil
        }
    }

    @inline(__always)
    private static func read(
        _ known: CSVHeader.KnownColumn, of record: CSVRecord, with fields: CSVFieldReader,
        into entry: inout JournalRecord
    ) throws(CSVRowError) {
        let field = known.field
        switch known.column {
        case .date:
            guard let timestamp = try fields.timestamp(record, field) else {
                throw fields.error(record, field, CSVMessage.isEmpty)
            }
            entry.timestamp = timestamp
        case .location: entry.locations = try fields.terms(record, field)
        case .side: entry.side = try fields.term(record, field)
        case .twitchCount: entry.twitchCount = try fields.wholeNumber(record, field)
        case .durationMinutes: entry.durationMinutes = try fields.nonNegative(record, field)
        case .atRest: entry.atRest = try fields.yesNo(record, field)
        case .triggers: entry.triggers = try fields.terms(record, field)
        case .symptoms: entry.symptoms = try fields.list(record, field) { SymptomMention(name: $0) }
        case .weakness: entry.weakness = try fields.wholeNumber(record, field, in: 0...3)
        case .caffeineMilligrams: entry.lifestyle.caffeineMilligrams = try fields.nonNegative(record, field)
        case .sleepHours: entry.lifestyle.sleepHours = try fields.number(record, field, in: 0...24)
        case .stress: entry.lifestyle.stress = try fields.number(record, field, in: 0...10)
        case .alcoholUnits: entry.lifestyle.alcoholUnits = try fields.nonNegative(record, field)
        case .waterLitres: entry.lifestyle.waterLitres = try fields.nonNegative(record, field)
        case .exercise: entry.exercise = try fields.term(record, field)
        case .medications: entry.medications = try fields.terms(record, field)
        case .notes:
            if let notes = try fields.verbatim(record, field) { entry.notes = [notes] }
        case .patientID, .collectedAt, .value, .unit, .test, .loinc, .referenceLow, .referenceHigh, .reference, .code, .codeSystem,
            .comment,
            .flag, .lab, .birthDate, .age, .sex, .displayName:
            break
        }
    }
}
