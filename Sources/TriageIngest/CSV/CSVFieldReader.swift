import TriageModel

/// Why a CSV row cannot be used: where, and what is wrong (the reader adds what was done).
struct CSVRowError: Error {
    /// The offending field's start.
    package var position: CSVPosition
    /// What is wrong, naming the column, never its value.
    var message: String
}

/// Turns the fields of a CSV row into typed values, shared by the three CSV readers.
///
/// Conventions:
/// - Spaces, tabs and line breaks around a field or list item are ignored, except in
///   ``verbatim(_:_:)`` (notes).
/// - A blank field is absent (nil or an empty list), never an error here: a required column
///   checks for nil itself.
/// - Text must be valid UTF-8 without NUL bytes; anything else is a row error.
/// - Numbers go through ``NumberParser``, with a decimal comma only in `;`-delimited files
///   (SPEC §3.2); dates through ``DateParser`` with the run's ``DateOrder``.
/// - A ``Term`` carries the line and column of its first non-space byte, also inside a quoted
///   field that spans lines.
struct CSVFieldReader {
    /// The display path.
    let file: String
    /// The file in the run's file table, for the locations made per row.
    let fileID: SourceFileID
    /// The header's names by field, for messages.
    let names: [String]
    /// Whether `,` is a decimal separator (the file is `;`-delimited).
    let decimalComma: Bool
    /// How to read slash dates.
    let dateOrder: DateOrder?
    /// The file's repeated values (units, test names, ids, symptom words) made once.
    let strings = ByteStringCache()

    /// Where a position is, in this file.
    func location(_ position: CSVPosition) -> SourceLocation {
        SourceLocation(fileID: fileID, line: position.line, column: position.column)
    }

    /// Where field `index` starts.
    @inline(__always)
    func location(_ record: CSVRecord, _ index: Int) -> SourceLocation {
        let field = record[index]
        return SourceLocation(fileID: fileID, line: field.line, column: field.column)
    }

    /// A row error at field `index`.
    func error(_ record: CSVRecord, _ index: Int, _ message: (String) -> String) -> CSVRowError {
        CSVRowError(position: record[index].position, message: message(names[index]))
    }

    /// The buffer offsets of field `index`'s raw content without surrounding spaces, tabs and
    /// line breaks.
    @inline(__always)
    func trimmed(_ record: CSVRecord, _ index: Int) -> Range<Int> {
        let field = record[index]
        let buffer = record.buffer
        var start = field.start
        var end = field.end
        while start < end, isSpace(buffer[start]) { start &+= 1 }
        while end > start, isSpace(buffer[end &- 1]) { end &-= 1 }
        return start..<end
    }

    /// Space, tab, CR or LF (the last two only inside quoted fields).
    @inline(__always)
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Whether field `index` holds nothing but spaces, tabs and line breaks.
    func isBlank(_ record: CSVRecord, _ index: Int) -> Bool { trimmed(record, index).isEmpty }

    /// Whether every field of the row is blank.
    func isBlank(_ record: CSVRecord) -> Bool {
        (0..<record.count).allSatisfy { isBlank(record, $0) }
    }

    /// The trimmed bytes of field `index` (raw: doubled quotes kept), for numbers and dates.
    @inline(__always)
    package func bytes(_ record: CSVRecord, _ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: record.buffer[trimmed(record, index)])
    }

    /// The text of `range` (raw offsets inside field `index`), quotes undone, checked.
    func string(_ record: CSVRecord, _ index: Int, _ range: Range<Int>) throws(CSVRowError) -> String {
        let raw = UnsafeBufferPointer(rebasing: record.buffer[range])
        guard !record[index].hasEscapedQuotes else { return try checked(CSVRecord.withUnescaped(raw, CSVText.string), record, index) }
        return try strings.string(raw) { (bytes) throws(CSVRowError) -> String in try checked(CSVText.string(bytes), record, index) }
    }

    private func checked(_ text: Result<String, CSVText.Failure>, _ record: CSVRecord, _ index: Int) throws(CSVRowError) -> String {
        switch text {
        case .success(let text): return text
        case .failure(.invalidUTF8): throw error(record, index, CSVMessage.invalidUTF8)
        case .failure(.nulByte): throw error(record, index, CSVMessage.nulByte)
        }
    }

    /// The trimmed text of field `index`, or nil when blank. (Inlined, as it was before the lab
    /// rows read three texts: `lab`, `code_system`, `comment`.)
    @inline(__always)
    func text(_ record: CSVRecord, _ index: Int) throws(CSVRowError) -> String? {
        let range = trimmed(record, index)
        return range.isEmpty ? nil : try string(record, index, range)
    }

    /// The text of field `index` exactly as written (quotes undone), or nil when blank.
    func verbatim(_ record: CSVRecord, _ index: Int) throws(CSVRowError) -> String? {
        guard !isBlank(record, index) else { return nil }
        let field = record[index]
        return try string(record, index, field.start..<field.end)
    }

    /// Field `index` as a term at its first non-space byte, or nil when blank. (Inlined: each
    /// lab row reads four or five terms.)
    @inline(__always)
    func term(_ record: CSVRecord, _ index: Int) throws(CSVRowError) -> Term? {
        let range = trimmed(record, index)
        guard !range.isEmpty else { return nil }
        let text = try string(record, index, range)
        return Term(text, at: location(record.position(ofOffset: range.lowerBound, inField: index)))
    }

    /// Field `index` as a `;`-separated list of terms, each at its own column; empty items are
    /// left out.
    func terms(_ record: CSVRecord, _ index: Int) throws(CSVRowError) -> [Term] {
        try list(record, index) { $0 }
    }

    /// Field `index` as a `;`-separated list, each item made from its term by `make`; the
    /// array is allocated once, at its final size.
    @inline(__always)
    func list<Element>(_ record: CSVRecord, _ index: Int, _ make: (Term) -> Element) throws(CSVRowError) -> [Element] {
        let range = trimmed(record, index)
        guard !range.isEmpty else { return [] }
        let buffer = record.buffer
        var separators = 0
        for offset in range where buffer[offset] == 0x3B { separators &+= 1 }
        var items: [Element] = []
        items.reserveCapacity(separators + 1)
        var pieceStart = range.lowerBound
        var cursor = range.lowerBound
        while cursor <= range.upperBound {
            if cursor == range.upperBound || buffer[cursor] == 0x3B {
                var start = pieceStart
                var end = cursor
                while start < end, isSpace(buffer[start]) { start &+= 1 }
                while end > start, isSpace(buffer[end &- 1]) { end &-= 1 }
                if start < end {
                    let text = try string(record, index, start..<end)
                    items.append(make(Term(text, at: location(record.position(ofOffset: start, inField: index)))))
                }
                pieceStart = cursor &+ 1
            }
            cursor &+= 1
        }
        return items
    }

    /// Field `index` as a date or date-time, or nil when blank.
    func timestamp(_ record: CSVRecord, _ index: Int) throws(CSVRowError) -> Timestamp? {
        let bytes = bytes(record, index)
        guard !bytes.isEmpty else { return nil }
        switch DateParser.parse(bytes, order: dateOrder) {
        case .success(let timestamp): return timestamp
        case .failure(.slashDateNeedsOrder): throw error(record, index, CSVMessage.slashDate)
        case .failure(.invalid): throw error(record, index, CSVMessage.notDate)
        }
    }

    /// Field `index` as a calendar date without a time, or nil when blank.
    func date(_ record: CSVRecord, _ index: Int) throws(CSVRowError) -> LocalDate? {
        let bytes = bytes(record, index)
        guard !bytes.isEmpty else { return nil }
        switch DateParser.parse(bytes, order: dateOrder) {
        case .success(let timestamp) where timestamp.timeOfDayMinutes == nil: return timestamp.date
        case .failure(.slashDateNeedsOrder): throw error(record, index, CSVMessage.slashDate)
        case .success, .failure(.invalid): throw error(record, index, CSVMessage.notDateOnly)
        }
    }

    /// Field `index` as a plain decimal number, or nil when blank.
    func number(_ record: CSVRecord, _ index: Int) throws(CSVRowError) -> Double? {
        let bytes = bytes(record, index)
        guard !bytes.isEmpty else { return nil }
        guard let value = NumberParser.parse(bytes, decimalComma: decimalComma) else {
            let hint = !decimalComma && bytes.contains(0x2C)
            throw error(record, index) { CSVMessage.notNumber($0, decimalCommaHint: hint) }
        }
        return value
    }

    /// Field `index` as a number of at least 0, or nil when blank.
    func nonNegative(_ record: CSVRecord, _ index: Int) throws(CSVRowError) -> Double? {
        guard let value = try number(record, index) else { return nil }
        guard value >= 0 else { throw error(record, index, CSVMessage.negative) }
        return value
    }

    /// Field `index` as a number within `range`, or nil when blank.
    func number(_ record: CSVRecord, _ index: Int, in range: ClosedRange<Int>) throws(CSVRowError) -> Double? {
        guard let value = try number(record, index) else { return nil }
        guard value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            throw error(record, index) { CSVMessage.outOfRange($0, range) }
        }
        return value
    }

    /// Field `index` as a whole number, in `range` when given (else at least 0), or nil when blank.
    func wholeNumber(_ record: CSVRecord, _ index: Int, in range: ClosedRange<Int>? = nil) throws(CSVRowError) -> Int? {
        guard let value = try number(record, index) else { return nil }
        if let range {
            guard value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
                throw error(record, index) { CSVMessage.outOfRange($0, range) }
            }
        } else if value < 0 {
            throw error(record, index, CSVMessage.negative)
        }
        guard value == value.rounded(), let whole = Int(exactly: value) else {
            throw error(record, index, CSVMessage.notWholeNumber)
        }
        return whole
    }

    /// Field `index` as yes/no (also true/false, 1/0, y/n, any case), or nil when blank.
    func yesNo(_ record: CSVRecord, _ index: Int) throws(CSVRowError) -> Bool? {
        let bytes = bytes(record, index)
        guard !bytes.isEmpty else { return nil }
        var folded: UInt64 = 0
        if bytes.count <= 5 {
            for byte in bytes { folded = folded << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
        }
        switch folded {
        case 0x79_65_73, 0x74_72_75_65, 0x31, 0x79: return true  // yes, true, 1, y
        case 0x6E_6F, 0x66_61_6C_73_65, 0x30, 0x6E: return false  // no, false, 0, n
        default: throw error(record, index, CSVMessage.notYesNo)
        }
    }
}
