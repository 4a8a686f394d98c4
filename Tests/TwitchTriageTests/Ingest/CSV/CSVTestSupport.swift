import TriageIngest

/// Reads `text` as a CSV file named `file`.
func readCSV(_ text: String, file: String = "in.csv", order: DateOrder? = nil) -> FileReadOutcome {
    readCSV(bytes: Array(text.utf8), file: file, order: order)
}

/// Reads raw bytes as a CSV file named `file`.
func readCSV(bytes: [UInt8], file: String = "in.csv", order: DateOrder? = nil) -> FileReadOutcome {
    bytes.withUnsafeBytes { CSVFileReader.read($0, file: file, options: ReadOptions.forTests(dateOrder: order)) }
}

extension FileReadOutcome {
    /// The result, when the file was read.
    var result: ReadResult? {
        if case .read(let result) = self { return result }
        return nil
    }

    /// The refusal, when the file was refused.
    var refusal: String? {
        if case .refused(let diagnostic) = self { return diagnostic.description }
        return nil
    }

    /// Every diagnostic as `file:line:column: message`.
    var messages: [String] {
        switch self {
        case .read(let result): return result.diagnostics.map(\.description)
        case .refused(let diagnostic): return [diagnostic.description]
        }
    }
}

/// A scanned field: its unescaped text and where it starts.
struct ScannedField: Equatable, CustomStringConvertible {
    var text: String
    var line: Int
    var column: Int
    var description: String { "\(line):\(column)=\(text.debugDescription)" }
}

/// A scanned record: its fields, start line and problem.
struct ScannedRecord {
    var fields: [ScannedField]
    var line: Int
    var end: CSVPosition
    var problem: CSVRecord.Problem?
    var strayQuote: CSVPosition?
    var texts: [String] { fields.map(\.text) }
}

/// Scans `bytes` with a sniffed delimiter, returning every record.
func scan(bytes: [UInt8]) throws(CSVScanner.Refusal) -> (delimiter: UInt8, records: [ScannedRecord]) {
    let scanned = bytes.withUnsafeBytes { raw -> Result<(UInt8, [ScannedRecord]), CSVScanner.Refusal> in
        var scanner: CSVScanner
        do throws(CSVScanner.Refusal) { scanner = try CSVScanner(raw) } catch { return .failure(error) }
        var record = CSVRecord()
        var records: [ScannedRecord] = []
        while scanner.next(into: &record) {
            let fields = record.fields.indices.map { index in
                ScannedField(
                    text: record.string(index) ?? "<invalid>", line: record.fields[index].line,
                    column: record.fields[index].column)
            }
            records.append(
                ScannedRecord(
                    fields: fields, line: record.line, end: record.end, problem: record.problem,
                    strayQuote: record.strayQuote))
        }
        return .success((scanner.delimiter, records))
    }
    return try scanned.get()
}

/// Scans `text` with a sniffed delimiter.
func scan(_ text: String) throws(CSVScanner.Refusal) -> (delimiter: UInt8, records: [ScannedRecord]) {
    try scan(bytes: Array(text.utf8))
}
