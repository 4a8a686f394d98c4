/// Reads the rows of a lab-results CSV (SPEC §3.6) into ``LabRecord``s.
///
/// Each column, when present:
/// - `patient_id`, `collected_at`, `value`, `unit`: required, never blank. `value` goes through
///   ``LabValue/parse(_:decimalComma:)``, so a censored value (`<5`, `>1500`) is kept as such.
/// - `test`, `loinc`: at least one of them not blank in every row; kept as terms.
/// - `ref_low`, `ref_high`: numbers; `reference`: a range (``CSVReferenceRange``). When a row
///   gives `ref_low` or `ref_high`, those are the range, and a `reference` that disagrees with
///   them is ignored with a warning; otherwise `reference` gives the range. A low limit above
///   the high limit is a row error.
/// - `flag` (L/H/N/LL/HH, kept as written), `lab`.
///
/// The unit is not checked against the analyte here: that needs the knowledge tables, and a
/// misfit is a row error raised where the analyte is identified (SPEC §3.6).
enum LabCSVReader {
    /// Reads every remaining row into `result`.
    static func read(_ rows: inout CSVRows, header: CSVHeader, into result: inout ReadResult) {
        guard let patientField = header[.patientID] else { return }
        let fields = rows.fields
        while rows.next(&result.diagnostics) {
            let record = rows.record
            var patientID: String?
            do throws(CSVRowError) {
                patientID = try fields.text(record, patientField)
                guard let patientID else { throw fields.error(record, patientField, CSVMessage.isEmpty) }
                var warning: Diagnostic?
                let lab = try parse(record, patientID: patientID, header: header, fields: fields, warning: &warning)
                result.labs.append(lab)
                var warnings = [rows.strayQuoteWarning(patientID: patientID), warning].compactMap { $0 }
                if warnings.count > 1 { warnings.sort() }
                result.diagnostics.append(contentsOf: warnings)
            } catch {
                result.diagnostics.append(rows.skipped(error, patientID: patientID))
            }
        }
    }

    private static func parse(_ record: CSVRecord, patientID: String, header: CSVHeader, fields: CSVFieldReader,
                              warning: inout Diagnostic?) throws(CSVRowError) -> LabRecord {
        var collected: Timestamp?
        var value: LabValue?
        var valueField = 0
        var unit: Term?
        var test: Term?
        var loinc: Term?
        var low: Double?
        var high: Double?
        var range: (low: Double?, high: Double?)?
        var flag: Term?
        var lab: String?
        for known in header.columns {
            let field = known.field
            switch known.column {
            case .collectedAt:
                collected = try fields.timestamp(record, field)
                if collected == nil { throw fields.error(record, field, CSVMessage.isEmpty) }
            case .value:
                let bytes = fields.bytes(record, field)
                if bytes.isEmpty { throw fields.error(record, field, CSVMessage.isEmpty) }
                value = LabValue.parse(bytes, decimalComma: fields.decimalComma)
                if value == nil {
                    let hint = !fields.decimalComma && bytes.contains(0x2C)
                    throw fields.error(record, field) {
                        hint ? CSVMessage.notNumber($0, decimalCommaHint: true) : CSVMessage.notLabValue($0)
                    }
                }
                valueField = field
            case .unit:
                unit = try fields.term(record, field)
                if unit == nil { throw fields.error(record, field, CSVMessage.isEmpty) }
            case .test: test = try fields.term(record, field)
            case .loinc: loinc = try fields.term(record, field)
            case .referenceLow: low = try fields.number(record, field)
            case .referenceHigh: high = try fields.number(record, field)
            case .reference:
                let bytes = fields.bytes(record, field)
                if !bytes.isEmpty {
                    guard let parsed = CSVReferenceRange.parse(bytes, decimalComma: fields.decimalComma) else {
                        throw fields.error(record, field, CSVMessage.notReference)
                    }
                    if let low = parsed.low, let high = parsed.high, low > high {
                        throw fields.error(record, field, CSVMessage.referenceInverted)
                    }
                    range = parsed
                }
            case .flag: flag = try fields.term(record, field)
            case .lab: lab = try fields.text(record, field)
            case .patientID, .date, .location, .side, .twitchCount, .durationMinutes, .atRest, .triggers, .symptoms,
                 .weakness, .caffeineMilligrams, .sleepHours, .stress, .alcoholUnits, .waterLitres, .exercise,
                 .medications, .notes, .birthDate, .age, .sex, .displayName:
                break
            }
        }
        if test == nil, loinc == nil {
            let field = header[.test] ?? header[.loinc] ?? 0
            if header[.test] != nil, let loincField = header[.loinc] {
                throw CSVRowError(position: record.fields[field].position,
                                  message: CSVMessage.bothEmpty(fields.names[field], fields.names[loincField]))
            }
            throw fields.error(record, field, CSVMessage.isEmpty)
        }
        if let low, let high, low > high, let lowField = header[.referenceLow], let highField = header[.referenceHigh] {
            throw fields.error(record, lowField) { CSVMessage.limitsInverted(low: $0, high: fields.names[highField]) }
        }
        if low == nil, high == nil {
            (low, high) = (range?.low, range?.high)
        } else if let range, let referenceField = header[.reference], range.low != low || range.high != high {
            let lowName = header[.referenceLow].map { fields.names[$0] }
            let highName = header[.referenceHigh].map { fields.names[$0] }
            warning = .warning(at: fields.location(record, referenceField),
                               CSVMessage.referenceDisagrees(fields.names[referenceField], low: low == nil ? nil : lowName,
                                                             high: high == nil ? nil : highName),
                               patientID: patientID)
        }
        guard let collected, let value, let unit else {
            // Required columns are checked with the header, so this cannot happen.
            throw CSVRowError(position: record.fields[0].position, message: CSVMessage.isEmpty(fields.names[0]))
        }
        var result = LabRecord(source: SourceLocation(file: fields.file, line: record.line), patientID: patientID,
                               collected: collected, testName: test, loinc: loinc, value: value,
                               valueLocation: fields.location(record, valueField), unit: unit)
        result.referenceLow = low
        result.referenceHigh = high
        result.flag = flag
        result.lab = lab
        return result
    }
}
