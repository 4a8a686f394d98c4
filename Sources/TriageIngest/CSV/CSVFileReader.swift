import TriageModel

/// Reads one CSV input file of any known kind: sniffs the delimiter, detects the kind from the
/// header (``CSVKindDetector``; never from the file name) and reads every row.
///
/// What comes back:
/// - ``FileReadOutcome/refused(_:)`` when the file cannot be read as CSV at all (empty, only a
///   byte-order mark or empty lines, UTF-16, NUL bytes or invalid UTF-8 in the header line, a
///   quote in the header never closed) or its header fits no known kind. The diagnostic says why
///   and that the file was skipped; it never quotes the header, which might be a data row.
/// - ``FileReadOutcome/read(_:)`` otherwise: a ``ReadResult`` of the detected kind with the
///   records and every diagnostic in file order. A header of a known kind that lacks a required
///   column gives a result marked ``ReadResult/rejected`` with no records and one error naming
///   the column. A header with no rows after it gives no records and a warning.
///
/// The library never prints: every problem is a ``Diagnostic`` whose message names columns,
/// never values or patient ids (those go in ``Diagnostic/patientID``).
public enum CSVFileReader {
    /// Reads a CSV file held whole in memory.
    ///
    /// - Parameters:
    ///   - bytes: the file's bytes.
    ///   - file: the display path, used in every ``SourceLocation``.
    ///   - options: how to read slash dates.
    ///   - selection: when given, a lab or journal CSV reads only the rows it selects
    ///     (``PatientSelection``); the others are counted in ``ReadResult/omittedRecords``.
    /// - Returns: the records read and the problems met, or why the file was refused.
    public static func read(
        _ bytes: UnsafeRawBufferPointer, file: String, options: ReadOptions,
        selection: PatientSelection? = nil
    ) -> FileReadOutcome {
        var scanner: CSVScanner
        do {
            scanner = try CSVScanner(bytes)
        } catch {
            return .refused(refusal(error, file: file))
        }
        var record = CSVRecord()
        guard scanner.next(into: &record) else { return .refused(.error(at: SourceLocation(file: file), CSVMessage.empty)) }
        let headerLine = SourceLocation(file: file, line: record.line)
        let headerEnd = SourceLocation(file: file, line: record.end.line)
        if case .textAfterClosingQuote(let at) = record.problem {
            return .refused(
                .error(
                    at: SourceLocation(file: file, line: at.line, column: at.column),
                    CSVMessage.textAfterQuoteInHeader))
        }
        let names = record.fields.indices.map { record.string($0) ?? "" }
        if names.map({ CSVColumn.normalize($0) }) == ["system", "code", "analyte", "unit"] {
            return .refused(.error(at: headerLine, CSVMessage.codeMap))
        }
        if let synthea = SyntheaColumns(names: names) {
            var result = ReadResult(kind: synthea.kind)
            var rows = CSVRows(scanner: scanner, header: .plain(kind: synthea.kind, names: names), file: file, options: options)
            SyntheaReader.read(&rows, columns: synthea, options: options, into: &result)
            if rows.rowsSeen == 0 { result.diagnostics.append(.warning(at: headerEnd, CSVMessage.noRows)) }
            return .read(result)
        }
        switch CSVHeader.read(names: names, positions: record.fields.map(\.position), file: file) {
        case .unknownKind:
            return .refused(.error(at: headerLine, CSVMessage.unknownKind))
        case .missingColumns(let kind, let diagnostic):
            var result = ReadResult(kind: kind)
            result.rejected = true
            result.diagnostics = [diagnostic]
            return .read(result)
        case .recognised(let header, let warnings):
            var result = ReadResult(kind: header.kind)
            result.diagnostics = warnings
            var rows = CSVRows(scanner: scanner, header: header, file: file, options: options)
            if let selection, header.kind == .labCSV || header.kind == .journalCSV, let field = header[.patientID] {
                rows.filter = CSVRowFilter(selection, field: field)
            }
            // With a filter, most rows are left out: the arrays grow as needed instead.
            let expected = rows.filter == nil ? rows.scanner.estimatedRemainingRecords() : 0
            switch header.kind {
            case .journalCSV, .journalXML:
                result.journal.reserveCapacity(reservation(expected, of: JournalRecord.self))
                JournalCSVReader.read(&rows, header: header, into: &result)
            case .labCSV, .labXML:
                result.labs.reserveCapacity(reservation(expected, of: LabRecord.self))
                // The code map only: the analyte index of the name fallback (which loads the
                // bundled tables when the caller gives none) is not needed for a CSV row.
                LabCSVReader.read(&rows, header: header, codeMap: options.codeMap, into: &result)
            case .patientCSV:
                result.demographics.reserveCapacity(reservation(expected, of: PatientDemographics.self))
                PatientCSVReader.read(&rows, header: header, into: &result)
            default:
                break
            }
            if rows.rowsSeen == 0 { result.diagnostics.append(.warning(at: headerEnd, CSVMessage.noRows)) }
            result.omittedRecords = rows.omitted
            return .read(result)
        }
    }

    /// At most 1 GiB of records is reserved up front, whatever the estimate: a file whose first
    /// 64 KiB are not typical of the rest must not make one huge allocation fail. Past it the
    /// array grows as usual.
    package static func reservation<Record>(_ expected: Int, of _: Record.Type) -> Int {
        min(expected, (1 << 30) / MemoryLayout<Record>.stride)
    }

    private static func refusal(_ refusal: CSVScanner.Refusal, file: String) -> Diagnostic {
        func at(_ position: CSVPosition) -> SourceLocation {
            SourceLocation(file: file, line: position.line, column: position.column)
        }
        switch refusal {
        case .empty: return .error(at: SourceLocation(file: file), CSVMessage.empty)
        case .utf16: return .error(at: SourceLocation(file: file), CSVMessage.utf16)
        case .nulByte(let position): return .error(at: at(position), CSVMessage.nulByte)
        case .invalidUTF8(let position): return .error(at: at(position), CSVMessage.invalidUTF8)
        case .unclosedQuoteInHeader(let position): return .error(at: at(position), CSVMessage.unclosedQuoteInHeader)
        }
    }
}
