/// A streaming, byte-level RFC 4180 CSV scanner over a buffer that holds the whole file
/// (read whole into memory by the caller).
///
/// It yields one record at a time as byte ranges of its fields (``CSVRecord``), never an array
/// of all rows, and copies nothing: a field's doubled quotes are undone only when a reader asks
/// for its bytes (``CSVRecord/withBytes(_:_:)``). Ordinary bytes are skipped eight at a time
/// (``CSVByteSearch``); there is no per-byte function call and no `Character` or `String`.
///
/// What it accepts, and what it decides where RFC 4180 is silent or strict:
/// - Quoted fields, doubled quotes, delimiters and line breaks inside quotes; each field knows
///   the line and byte column where it starts, also after a line break inside an earlier field.
/// - Line breaks LF, CRLF, and a lone CR; a last line without a line break.
/// - An optional UTF-8 byte-order mark; columns on the first line count from after it.
/// - The delimiter is sniffed from the header line (``init(_:)``): whichever of `,`, `;` and
///   tab occurs most often outside quotes; a tie goes to `,`, then `;`.
/// - Empty lines are skipped: they hold no data. (A line of only delimiters is a record; the
///   readers skip it when all its fields are blank.)
/// - A quote inside an unquoted field (`5" scar`) is kept as a literal quote: the field did not
///   start with a quote, so the quote cannot open one and the text is unambiguous. The record
///   points at it (``CSVRecord/strayQuote``) so that the reader can warn.
/// - Text after a closing quote (`"abc"def`, also `"abc" ,`) is a record ``CSVRecord/Problem``:
///   its meaning is unclear, so the row should be skipped. Scanning resumes at the next
///   delimiter or line break.
/// - A quoted field never closed before the end of the file is a record problem, and scanning
///   resumes on the line after its opening quote: no closing quote exists after it, so those
///   lines cannot belong to the field. This happens at most once per file, so the work stays
///   within twice the file: reaching the end inside quotes means every later run of quotes has
///   an even length, and an even run at the start of a field opens and closes within itself.
///
/// The header line is checked when the scanner is made: NUL bytes or invalid UTF-8 there mean
/// the file is not CSV at all (``Refusal``).
package struct CSVScanner {
    /// Why a buffer cannot be read as CSV at all.
    package enum Refusal: Error, Sendable, Hashable {
        /// No bytes, or only a byte-order mark and empty lines.
        case empty
        /// A UTF-16 byte-order mark: the file is UTF-16, not UTF-8.
        case utf16
        /// A NUL byte in the header line (a binary file).
        case nulByte(at: CSVPosition)
        /// Bytes in the header line that are not UTF-8.
        case invalidUTF8(at: CSVPosition)
        /// A quote in the header line that is never closed.
        case unclosedQuoteInHeader(at: CSVPosition)
    }

    /// The delimiter: `,`, `;` or tab (as a byte).
    package let delimiter: UInt8
    /// Whether the buffer starts with a UTF-8 byte-order mark.
    package let hasByteOrderMark: Bool

    let buffer: UnsafeBufferPointer<UInt8>
    // Internal, not private: ``skipPlainRecord(fieldCount:idField:patient:)`` moves them too.
    package var position: Int
    package var line = 1
    var lineStart: Int
    let splatDelimiter: UInt64
    // Literal words (not computed) so that no lazy-initialisation check runs in the hot loop.
    static let splatQuote: UInt64 = 0x2222_2222_2222_2222
    static let splatLF: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    static let splatCR: UInt64 = 0x0D0D_0D0D_0D0D_0D0D

    static let quote: UInt8 = 0x22
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let comma: UInt8 = 0x2C
    static let semicolon: UInt8 = 0x3B
    static let tab: UInt8 = 0x09

    /// Prepares to scan `bytes`: skips a byte-order mark, checks the header line and sniffs the
    /// delimiter from it.
    ///
    /// - Parameter bytes: the whole file; it must stay valid while the scanner and its records
    ///   are used.
    /// - Throws: ``Refusal`` when the buffer is empty or its header line is not text.
    package init(_ bytes: UnsafeRawBufferPointer) throws(Refusal) {
        let buffer = bytes.assumingMemoryBound(to: UInt8.self)
        let bom = CSVScanner.byteOrderMarkLength(buffer)
        if bom < 0 { throw .utf16 }
        let delimiter = try CSVScanner.sniffDelimiter(buffer, from: bom)
        self.init(buffer: buffer, delimiter: delimiter, byteOrderMarkLength: bom)
    }

    /// Prepares to scan `bytes` with a known delimiter, without checking a header line.
    ///
    /// - Parameters:
    ///   - bytes: the whole file; it must stay valid while the scanner and its records are used.
    ///   - delimiter: the delimiter byte.
    package init(_ bytes: UnsafeRawBufferPointer, delimiter: UInt8) {
        let buffer = bytes.assumingMemoryBound(to: UInt8.self)
        self.init(buffer: buffer, delimiter: delimiter, byteOrderMarkLength: max(0, CSVScanner.byteOrderMarkLength(buffer)))
    }

    private init(buffer: UnsafeBufferPointer<UInt8>, delimiter: UInt8, byteOrderMarkLength: Int) {
        self.buffer = buffer
        self.delimiter = delimiter
        self.hasByteOrderMark = byteOrderMarkLength > 0
        self.position = byteOrderMarkLength
        self.lineStart = byteOrderMarkLength
        self.splatDelimiter = CSVByteSearch.splat(delimiter)
    }

    /// Reads the next record into `record`, reusing its storage.
    ///
    /// - Returns: false at the end of the buffer (`record` is then unchanged).
    package mutating func next(into record: inout CSVRecord) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        let end = buffer.count
        // Skip empty lines.
        while true {
            guard position < end else { return false }
            let byte = base[position]
            if byte == CSVScanner.lineFeed {
                position &+= 1
            } else if byte == CSVScanner.carriageReturn {
                position &+= 1
                if position < end, base[position] == CSVScanner.lineFeed { position &+= 1 }
            } else {
                break
            }
            line &+= 1
            lineStart = position
        }
        var fields = record.reset(buffer: buffer)
        defer { record.count = fields.count }
        record.line = line
        let delimiter = self.delimiter
        let splatDelimiter = self.splatDelimiter
        while true {
            let fieldLine = line
            let fieldColumn = position &- lineStart &+ 1
            if position < end, base[position] == CSVScanner.quote {
                // Quoted field: look for the closing quote, counting line breaks on the way.
                var cursor = position &+ 1
                var escaped = false
                var spansLines = false
                while true {
                    cursor = CSVByteSearch.firstOf(
                        base, from: cursor, end: end, CSVScanner.splatQuote,
                        CSVScanner.splatLF, CSVScanner.splatCR, CSVScanner.splatQuote)
                    guard cursor < end else {
                        unclosedQuote(
                            at: CSVPosition(line: fieldLine, column: fieldColumn), quoteOffset: position,
                            record: &record)
                        return true
                    }
                    let byte = base[cursor]
                    if byte == CSVScanner.quote {
                        if cursor &+ 1 < end, base[cursor &+ 1] == CSVScanner.quote {
                            escaped = true
                            cursor &+= 2
                            continue
                        }
                        break
                    }
                    cursor &+= 1
                    if byte == CSVScanner.carriageReturn, cursor < end, base[cursor] == CSVScanner.lineFeed { cursor &+= 1 }
                    line &+= 1
                    lineStart = cursor
                    spansLines = true
                }
                var field = CSVField(
                    start: position &+ 1, end: cursor, line: fieldLine, column: fieldColumn,
                    isQuoted: true, hasEscapedQuotes: escaped, spansLines: spansLines)
                position = cursor &+ 1
                if position < end {
                    let next = base[position]
                    if next != delimiter, next != CSVScanner.lineFeed, next != CSVScanner.carriageReturn {
                        if record.problem == nil {
                            record.problem = .textAfterClosingQuote(at: CSVPosition(line: line, column: position &- lineStart &+ 1))
                        }
                        position = CSVByteSearch.firstOf(
                            base, from: position, end: end, splatDelimiter,
                            CSVScanner.splatLF, CSVScanner.splatCR, splatDelimiter)
                        field.end = position
                    }
                }
                fields.append(field)
            } else {
                // Unquoted field: up to the next delimiter or line break; quotes are literal.
                var cursor = CSVByteSearch.firstOf(
                    base, from: position, end: end, splatDelimiter,
                    CSVScanner.splatQuote, CSVScanner.splatLF, CSVScanner.splatCR)
                while cursor < end, base[cursor] == CSVScanner.quote {
                    if record.strayQuote == nil {
                        record.strayQuote = CSVPosition(line: line, column: cursor &- lineStart &+ 1)
                    }
                    cursor = CSVByteSearch.firstOf(
                        base, from: cursor &+ 1, end: end, splatDelimiter,
                        CSVScanner.splatQuote, CSVScanner.splatLF, CSVScanner.splatCR)
                }
                fields.append(CSVField(start: position, end: cursor, line: fieldLine, column: fieldColumn))
                position = cursor
            }
            // Now at a delimiter, a line break, or the end.
            guard position < end else {
                record.end = CSVPosition(line: line, column: position &- lineStart &+ 1)
                return true
            }
            let byte = base[position]
            if byte == delimiter {
                position &+= 1
                continue
            }
            record.end = CSVPosition(line: line, column: position &- lineStart &+ 1)
            position &+= 1
            if byte == CSVScanner.carriageReturn, position < end, base[position] == CSVScanner.lineFeed { position &+= 1 }
            line &+= 1
            lineStart = position
            return true
        }
    }

    /// About how many records are left, from the non-empty lines in a 64 KiB sample ahead:
    /// enough to reserve result storage once instead of growing it by copying.
    ///
    /// It overestimates when quoted fields hold line breaks, and adds an eighth so that a sample
    /// of slightly long rows does not cause one doubling (a copy of everything read so far).
    /// Reserved but untouched memory costs no resident pages; callers still cap what they
    /// reserve, since a sample need not be typical of the rest.
    package func estimatedRemainingRecords() -> Int {
        guard let base = buffer.baseAddress, position < buffer.count else { return 0 }
        let remaining = buffer.count - position
        let sample = min(remaining, 65_536)
        var lines = 1
        var previous = CSVScanner.lineFeed
        for index in position..<(position + sample) {
            let byte = base[index]
            if byte == CSVScanner.lineFeed, previous != CSVScanner.lineFeed, previous != CSVScanner.carriageReturn {
                lines += 1
            }
            previous = byte
        }
        let estimate = Double(lines) * Double(remaining) / Double(sample)
        return Int(min(estimate * 1.125, Double(Int.max / 2)))
    }

    /// Records an unclosed quote and moves on to the line after the opening quote.
    private mutating func unclosedQuote(at start: CSVPosition, quoteOffset: Int, record: inout CSVRecord) {
        let end = buffer.count
        record.end = CSVPosition(line: line, column: end - lineStart + 1)
        record.problem = .unclosedQuote(at: start)
        guard let base = buffer.baseAddress else { return }
        var cursor = CSVByteSearch.firstOf(
            base, from: quoteOffset + 1, end: end, CSVScanner.splatLF,
            CSVScanner.splatCR, CSVScanner.splatLF, CSVScanner.splatCR)
        if cursor < end {
            let byte = base[cursor]
            cursor += 1
            if byte == CSVScanner.carriageReturn, cursor < end, base[cursor] == CSVScanner.lineFeed { cursor += 1 }
        }
        position = cursor
        line = start.line + 1
        lineStart = cursor
    }
}
