import TriageModel

/// Reads Synthea `observations.csv` and `patients.csv` rows (SPEC §3.9).
///
/// - Observations: rows of CATEGORY `laboratory` (every row in a v2 export, which has no
///   CATEGORY) whose CODE is the LOINC code of a known analyte: DATE, VALUE (a number, or
///   censored), UNITS. Rows of other categories and laboratory rows of other codes are counted,
///   one warning each per file, never row by row. A bad date or value skips the row with an
///   error at its field.
/// - Patients: `Id`, `BIRTHDATE`, `GENDER` (`M`, `F`); names, SSN, addresses never read.
enum SyntheaReader {
    /// Reads every remaining row into `result`.
    package static func read(_ rows: inout CSVRows, columns: SyntheaColumns, options: ReadOptions, into result: inout ReadResult) {
        if columns.kind == .syntheaPatients {
            readPatients(&rows, columns: columns, into: &result)
        } else {
            readObservations(&rows, columns: columns, known: options.loincCodes, into: &result)
        }
    }

    private static func readObservations(
        _ rows: inout CSVRows, columns: SyntheaColumns, known: Set<String>,
        into result: inout ReadResult
    ) {
        let fields = rows.fields
        var otherCategories = 0
        var unknownCodes = 0
        while rows.next(&result.diagnostics) {
            let record = rows.record
            var patientID: String?
            do throws(CSVRowError) {
                if let category = columns.category,
                    !XMLBytes.equalsIgnoringCase(fields.bytes(record, category), "laboratory")
                {
                    otherCategories += 1
                    continue
                }
                guard let code = try fields.text(record, columns.code), known.contains(code) else {
                    unknownCodes += 1
                    continue
                }
                patientID = try fields.text(record, columns.patient)
                guard let patientID else { throw fields.error(record, columns.patient, CSVMessage.isEmpty) }
                guard let collected = try fields.timestamp(record, columns.date) else {
                    throw fields.error(record, columns.date, CSVMessage.isEmpty)
                }
                let valueBytes = fields.bytes(record, columns.value)
                guard !valueBytes.isEmpty else { throw fields.error(record, columns.value, CSVMessage.isEmpty) }
                guard let value = LabValue.parse(valueBytes) else { throw fields.error(record, columns.value, CSVMessage.notLabValue) }
                let unit = try fields.text(record, columns.units) ?? ""
                result.labs.append(
                    ExchangeRecords.lab(
                        source: SourceLocation(fileID: fields.fileID, line: record.line), patientID: patientID, collected: collected,
                        loinc: code, loincLocation: fields.location(record, columns.code),
                        value: value, valueLocation: fields.location(record, columns.value),
                        unit: unit, unitLocation: fields.location(record, columns.units)))
            } catch {
                result.diagnostics.append(rows.skipped(error, patientID: patientID))
            }
        }
        let file = SourceLocation(file: fields.file)
        if otherCategories > 0 { result.diagnostics.append(.warning(at: file, SyntheaMessages.otherCategories(otherCategories))) }
        if unknownCodes > 0 { result.diagnostics.append(.warning(at: file, SyntheaMessages.unknownCodes(unknownCodes))) }
    }

    private static func readPatients(_ rows: inout CSVRows, columns: SyntheaColumns, into result: inout ReadResult) {
        let fields = rows.fields
        while rows.next(&result.diagnostics) {
            let record = rows.record
            var patientID: String?
            do throws(CSVRowError) {
                patientID = try fields.text(record, columns.id)
                guard let patientID else { throw fields.error(record, columns.id, CSVMessage.isEmpty) }
                let birthDate = try fields.date(record, columns.birthDate)
                var sex: PatientDemographics.Sex?
                if let text = try fields.text(record, columns.gender) {
                    guard let value = PatientDemographics.Sex(text: text) else {
                        throw fields.error(record, columns.gender, CSVMessage.notSex)
                    }
                    sex = value
                }
                result.demographics.append(
                    ExchangeRecords.demographics(
                        source: SourceLocation(fileID: fields.fileID, line: record.line), patientID: patientID, birthDate: birthDate,
                        sex: sex))
            } catch {
                result.diagnostics.append(rows.skipped(error, patientID: patientID))
            }
        }
    }
}
