import TriageModel

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
/// - `code` (a lab's own code) and `code_system`: read through the site's code map (SPEC
///   §3.10); a mapped code identifies the analyte, and its unit stands in for an empty `unit`.
///   A row then needs no `test` or `loinc`. `comment`: the lab's comment on the result.
///
/// The unit is not checked against the analyte here: that needs the knowledge tables, and a
/// misfit is a row error raised where the analyte is identified (SPEC §3.6).
enum LabCSVReader {
    /// Reads every remaining row into `result`, a row's `code` through `codeMap` (the name
    /// fallback of other readers is the normaliser's here: a row's `test` is matched by name).
    package static func read(_ rows: inout CSVRows, header: CSVHeader, codeMap: LabCodeMap, into result: inout ReadResult) {
        guard let patientField = header[.patientID] else { return }
        let fields = rows.fields
        let epoch = Timestamp(date: LocalDate(dayNumber: 0))
        rows.readRows(patientField: patientField, into: &result) { record, patientID, result throws(CSVRowError) in
            var disagreement: Disagreement?
            // Appending the call's result moves the record into the array; appending a local
            // variable copied it (500 bytes and a dozen retains) and then destroyed it.
            result.labs.append(
                try read(
                    record, patientID: patientID, epoch: epoch, header: header, fields: fields,
                    codeMap: codeMap, disagreement: &disagreement))
            return disagreement.map {
                Diagnostic.warning(at: fields.location(record, $0.field), $0.message, patientID: PatientID(patientID))
            }
        }
    }

    /// A `reference` that disagrees with `ref_low`/`ref_high` on a row that was read.
    struct Disagreement {
        /// The `reference` field.
        var field: Int
        /// The warning.
        var message: String
    }

    /// The row as a record; sets `disagreement` when its reference range needs a warning.
    ///
    /// The fields are read into locals and the record is made once, at the end, by the return
    /// statement, the locals consumed: a record filled in place (`var lab = LabRecord(...)`,
    /// then `lab.unit = ...`) was copied twice and destroyed twice per row (callgrind; the record
    /// holds a dozen references).
    private static func read(
        _ record: CSVRecord, patientID: String, epoch: Timestamp, header: CSVHeader,
        fields: CSVFieldReader, codeMap: LabCodeMap, disagreement: inout Disagreement?
    ) throws(CSVRowError) -> LabRecord {
        // Required fields get placeholders here; the header guarantees their columns, and a
        // blank one throws below.
        var collected = epoch
        var value = LabValue(0)
        var valueLocation = SourceLocation(fileID: fields.fileID)
        var unit: Term?
        var testName: Term?
        var loinc: Term?
        var referenceLow: Double?
        var referenceHigh: Double?
        var flag: Term?
        var lab: String?
        var comment: String?
        var range: (low: Double?, high: Double?)?
        var code: Term?
        var codeSystem: String?
        var unitField: Int?
        for known in header.columns {
            let field = known.field
            switch known.column {
            case .collectedAt:
                guard let timestamp = try fields.timestamp(record, field) else {
                    throw fields.error(record, field, CSVMessage.isEmpty)
                }
                collected = timestamp
            case .value:
                let bytes = fields.bytes(record, field)
                if bytes.isEmpty { throw fields.error(record, field, CSVMessage.isEmpty) }
                guard let parsed = LabValue.parse(bytes, decimalComma: fields.decimalComma) else {
                    let hint = !fields.decimalComma && bytes.contains(0x2C)
                    throw fields.error(record, field) {
                        hint ? CSVMessage.notNumber($0, decimalCommaHint: true) : CSVMessage.notLabValue($0)
                    }
                }
                value = parsed
                valueLocation = fields.location(record, field)
            case .unit:
                unitField = field
                unit = try fields.term(record, field)
            case .test: testName = try fields.term(record, field)
            case .loinc: loinc = try fields.term(record, field)
            case .referenceLow: referenceLow = try fields.number(record, field)
            case .referenceHigh: referenceHigh = try fields.number(record, field)
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
            case .code: code = try fields.term(record, field)
            case .codeSystem: codeSystem = try fields.text(record, field)
            case .comment: comment = try fields.text(record, field)
            case .patientID, .date, .location, .side, .twitchCount, .durationMinutes, .atRest, .triggers, .symptoms,
                .weakness, .caffeineMilligrams, .sleepHours, .stress, .alcoholUnits, .waterLitres, .exercise,
                .medications, .notes, .birthDate, .age, .sex, .displayName:
                break
            }
        }
        var analyte: String?
        if let code {  // a lab's own code: only files with a `code` column come here
            if let entry = codeMap.entry(system: codeSystem ?? "", code: code.text) {
                analyte = entry.analyte
                if unit?.text.isEmpty ?? true { unit = Term(entry.unit, at: code.location) }
            } else if testName == nil, loinc == nil {
                testName = code  // an unmapped local code: named by it (the normaliser says it is not recognised)
            }
        }
        if unit?.text.isEmpty ?? true, let unitField { throw fields.error(record, unitField, CSVMessage.isEmpty) }
        if testName == nil, loinc == nil, analyte == nil {
            let field = header[.test] ?? header[.loinc] ?? 0
            if header[.test] != nil, let loincField = header[.loinc] {
                throw CSVRowError(
                    position: record[field].position,
                    message: CSVMessage.bothEmpty(fields.names[field], fields.names[loincField]))
            }
            throw fields.error(record, field, CSVMessage.isEmpty)
        }
        let (low, high) = (referenceLow, referenceHigh)
        if let low, let high, low > high, let lowField = header[.referenceLow], let highField = header[.referenceHigh] {
            throw fields.error(record, lowField) { CSVMessage.limitsInverted(low: $0, high: fields.names[highField]) }
        }
        if let range {
            if low == nil, high == nil {
                (referenceLow, referenceHigh) = range
            } else if let referenceField = header[.reference], range.low != low || range.high != high {
                let lowName = low == nil ? nil : header[.referenceLow].map { fields.names[$0] }
                let highName = high == nil ? nil : header[.referenceHigh].map { fields.names[$0] }
                disagreement = Disagreement(
                    field: referenceField,
                    message: CSVMessage.referenceDisagrees(
                        fields.names[referenceField], low: lowName, high: highName))
            }
        }
        return LabRecord(
            source: SourceLocation(fileID: fields.fileID, line: record.line), patientID: PatientID(patientID),
            collected: collected, testName: consume testName, loinc: consume loinc, value: value,
            valueLocation: valueLocation, unit: (consume unit) ?? Term("", at: SourceLocation(fileID: fields.fileID)),
            referenceLow: referenceLow, referenceHigh: referenceHigh, flag: consume flag, lab: consume lab,
            analyte: (consume analyte).map(AnalyteID.init(rawValue:)), comment: consume comment)
    }
}
