/// One record (row) of a CSV file as ``CSVScanner`` yields it: the byte ranges of its fields in
/// the scanned buffer, where it starts and ends, and any structural problem.
///
/// A record is reused from row to row (``CSVScanner/next(into:)`` refills it without
/// reallocating its field storage) and is only valid while the scanned buffer is. It keeps value
/// semantics: storage still shared with a copy or a ``Fields`` view is not overwritten.
package struct CSVRecord {
    /// A structural problem with a record, found while scanning it.
    package enum Problem: Sendable, Hashable {
        /// A quoted field is never closed before the end of the file; the position is its
        /// opening quote. Scanning went on at the line after it.
        case unclosedQuote(at: CSVPosition)
        /// A closing quote is followed by something other than a delimiter or a line end
        /// (`"abc"def`); the position is that of the first byte after the quote.
        case textAfterClosingQuote(at: CSVPosition)
    }

    var storage = Storage(capacity: 32)
    /// The number of fields.
    package internal(set) var count = 0
    /// The line where the record starts.
    package internal(set) var line = 0
    /// Where the record ends: the position of its line break, or just past its last byte at
    /// the end of the file.
    package internal(set) var end = CSVPosition(line: 0, column: 0)
    /// The first structural problem, if any; a record with one should be skipped.
    package internal(set) var problem: Problem?
    /// The first quote found inside an unquoted field (`5" scar`), if any. RFC 4180 does not
    /// allow it; ``CSVScanner`` keeps it as a literal quote and points at it here so that a
    /// reader can warn.
    package internal(set) var strayQuote: CSVPosition?
    /// The buffer the field offsets refer to.
    package internal(set) var buffer: UnsafeBufferPointer<UInt8>

    /// Creates an empty record for ``CSVScanner/next(into:)`` to fill.
    package init() {
        buffer = UnsafeBufferPointer(start: nil, count: 0)
    }

    /// The fields, in order.
    package var fields: Fields { Fields(storage: storage, count: count) }

    /// Field `index` (without making a ``Fields`` view).
    @inline(__always)
    package subscript(index: Int) -> CSVField {
        precondition(index >= 0 && index < count, "field index out of range")
        return storage.base[index]
    }

    /// Empties the record for refilling, and returns a writer for its fields; storage shared
    /// with a copy or a view is replaced, not overwritten.
    mutating func reset(buffer: UnsafeBufferPointer<UInt8>) -> FieldWriter {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(capacity: storage.capacity) }
        count = 0
        problem = nil
        strayQuote = nil
        self.buffer = buffer
        return FieldWriter(storage)
    }

    /// The raw content of field `index`: between the quotes if quoted, doubled quotes kept.
    package func rawBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let field = self[index]
        return UnsafeBufferPointer(rebasing: buffer[field.start..<field.end])
    }

    /// Calls `body` with the content of field `index`, doubled quotes made single.
    ///
    /// Zero-copy for a field without doubled quotes; otherwise the unescaped bytes are built
    /// in temporary storage that lives only during the call.
    package func withBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let field = self[index]
        let raw = UnsafeBufferPointer(rebasing: buffer[field.start..<field.end])
        guard field.hasEscapedQuotes else { return try body(raw) }
        return try CSVRecord.withUnescaped(raw, body)
    }

    /// Calls `body` with `raw` (quoted content) with each doubled quote made single.
    static func withUnescaped<Result>(
        _ raw: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(raw.count, 1)) { storage in
            var count = 0
            var index = 0
            while index < raw.count {
                let byte = raw[index]
                storage[count] = byte
                count += 1
                index += byte == 0x22 ? 2 : 1
            }
            return try body(UnsafeBufferPointer(rebasing: storage[0..<count]))
        }
    }

    /// The content of field `index` as a string, or nil when it is not valid UTF-8.
    package func string(_ index: Int) -> String? {
        withBytes(index) { String(validating: $0, as: UTF8.self) }
    }

    /// The line and column of the byte at `offset` (an offset into the buffer, inside field
    /// `index`'s content), counting any line breaks inside the field before it.
    @inline(__always)
    package func position(ofOffset offset: Int, inField index: Int) -> CSVPosition {
        let field = self[index]
        let rawStart = field.isQuoted ? field.start - 1 : field.start
        guard field.spansLines else { return CSVPosition(line: field.line, column: field.column + offset - rawStart) }
        return position(ofOffset: offset, acrossLinesOf: field, rawStart: rawStart)
    }

    private func position(ofOffset offset: Int, acrossLinesOf field: CSVField, rawStart: Int) -> CSVPosition {
        var line = field.line
        var lineStart = rawStart - (field.column - 1)
        var cursor = field.start
        while cursor < offset {
            let byte = buffer[cursor]
            if byte == 0x0A {
                line += 1
                lineStart = cursor + 1
            } else if byte == 0x0D {
                if cursor + 1 < offset, buffer[cursor + 1] == 0x0A { cursor += 1 }
                line += 1
                lineStart = cursor + 1
            }
            cursor += 1
        }
        return CSVPosition(line: line, column: offset - lineStart + 1)
    }
}
