import TriageModel

/// The data rows of a CSV file after its header: records from ``CSVScanner`` that are sound
/// enough to read field by field.
///
/// A record is passed over, with an error diagnostic saying so, when it has a structural problem
/// (a quote never closed, text after a closing quote) or when its field count differs from the
/// header's: the diagnostic points at the column where the first extra field starts, or where a
/// short row ends. A row whose fields are all blank (`,,,,`, or spaces only) holds no data and is
/// passed over silently. Structural diagnostics carry no patient id: which field holds it cannot
/// be trusted in a malformed row.
struct CSVRows {
    /// The scanner, positioned after the header.
    var scanner: CSVScanner
    /// The current row, valid after ``next(_:)`` returned true.
    private(set) var record = CSVRecord()
    /// The header's field count.
    let fieldCount: Int
    /// Typed access to the current row's fields.
    let fields: CSVFieldReader
    /// How many non-blank rows were met, sound or not (also those a filter left out).
    private(set) var rowsSeen = 0
    /// When set, the sound rows it turns down are passed over, uncounted as rows read
    /// (``CSVRowFilter``); rows with a problem are never turned down.
    package var filter: CSVRowFilter?

    /// Creates the rows of a file whose header has just been read from `scanner`.
    init(scanner: CSVScanner, header: CSVHeader, file: String, options: ReadOptions) {
        self.scanner = scanner
        self.fieldCount = header.fieldCount
        self.fields = CSVFieldReader(
            file: file, fileID: SourceFileID(file), names: header.names, decimalComma: scanner.delimiter == CSVScanner.semicolon,
            dateOrder: options.dateOrder)
    }

    /// Moves to the next sound row, appending a diagnostic for each row passed over.
    ///
    /// - Returns: false at the end of the file.
    package mutating func next(_ diagnostics: inout [Diagnostic]) -> Bool {
        while true {
            if let filter, scanner.skipPlainRecord(fieldCount: fieldCount, idField: filter.field, patient: filter.patient) {
                // Another patient's plain row, passed over without a record (CSVRowFilter).
                rowsSeen += 1
                self.filter!.omitted &+= 1
                continue
            }
            guard scanner.next(into: &record) else { return false }
            if let problem = record.problem {
                rowsSeen += 1
                switch problem {
                case .unclosedQuote(let at):
                    diagnostics.append(
                        .error(
                            at: fields.location(at),
                            CSVMessage.rowSkipped(CSVMessage.unclosedQuote, lines: record.line...at.line)))
                case .textAfterClosingQuote(let at):
                    diagnostics.append(.error(at: fields.location(at), skipped(CSVMessage.textAfterClosingQuote)))
                }
                continue
            }
            if fields.isBlank(record) { continue }
            rowsSeen += 1
            if record.count != fieldCount {
                let position = record.count > fieldCount ? record[fieldCount].position : record.end
                diagnostics.append(
                    .error(
                        at: fields.location(position),
                        skipped(CSVMessage.fieldCount(record.count, header: fieldCount))))
                continue
            }
            if filter?.reads(record) == false { continue }
            return true
        }
    }

    /// Reads every remaining sound row with `read` (the row loop of the journal, lab and patients
    /// readers): `read` is given the row and its patient id, adds what it makes of the row to
    /// `result`, and may return a warning about the row. A row whose `patient_id` field is empty,
    /// or on which `read` throws, is skipped with an error naming the first problem. A row's
    /// warnings (a stray quote, `read`'s) are appended in the order of their columns.
    ///
    /// Inlined, so that each reader's loop stays one loop with its `read` in it.
    @inline(__always)
    mutating func readRows(
        patientField: Int, into result: inout ReadResult,
        _ read: (CSVRecord, String, inout ReadResult) throws(CSVRowError) -> Diagnostic?
    ) {
        while next(&result.diagnostics) {
            var patientID: String?
            do throws(CSVRowError) {
                patientID = try fields.text(record, patientField)
                guard let patientID else { throw fields.error(record, patientField, CSVMessage.isEmpty) }
                let warning = try read(record, patientID, &result)
                switch (strayQuoteWarning(patientID: patientID), warning) {
                case (let stray?, let other?): result.diagnostics += stray < other ? [stray, other] : [other, stray]
                case (let stray?, nil): result.diagnostics.append(stray)
                case (nil, let other?): result.diagnostics.append(other)
                case (nil, nil): break
                }
            } catch {
                result.diagnostics.append(skipped(error, patientID: patientID))
            }
        }
    }

    /// How many sound rows the filter left out.
    var omitted: Int { filter?.omitted ?? 0 }

    /// `<what>; row skipped`, naming the lines when the current row spans several.
    func skipped(_ what: String) -> String {
        CSVMessage.rowSkipped(what, lines: record.line...max(record.line, record.end.line))
    }

    /// The diagnostic for a row error in the current row.
    func skipped(_ error: CSVRowError, patientID: String?) -> Diagnostic {
        .error(at: fields.location(error.position), skipped(error.message), patientID: patientID.map(PatientID.init(rawValue:)))
    }

    /// The warning for a literal quote inside an unquoted field of the current row, if any.
    func strayQuoteWarning(patientID: String) -> Diagnostic? {
        guard let position = record.strayQuote else { return nil }
        return .warning(at: fields.location(position), CSVMessage.strayQuote, patientID: PatientID(patientID))
    }
}
