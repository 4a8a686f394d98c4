/// Passing over another patient's row without scanning it field by field, for a
/// ``PatientSelection`` (`report --patient ID` over a large export, SPEC §9).
extension CSVScanner {
    /// When the record at the current position is a plain one-line row of another patient,
    /// moves past it (and its line break) and returns true; otherwise changes nothing and
    /// returns false, and ``next(into:)`` reads the record as usual.
    ///
    /// "Plain" is what ``CSVRowFilter`` would leave out, found more cheaply: the record lies on
    /// one line; field `idField` is unquoted, non-empty, every byte printable ASCII other than a
    /// space or a quote, and is not `patient`; every quoted field opens at the field's start,
    /// holds no line break nor doubled quote, and its closing quote is followed by a delimiter or
    /// the line's end; no other quote; and the record has `fieldCount` fields. Anything else (an
    /// empty line, a blank or spaced id, a stray quote, text after a closing quote, a quote never
    /// closed, a wrong field count) is left to ``next(into:)`` and the reader, which report it as
    /// they always did. The line's ordinary bytes are passed over eight at a time, delimiters
    /// counted with a population count.
    ///
    /// - Parameters:
    ///   - fieldCount: the header's field count.
    ///   - idField: the patient id's field.
    ///   - patient: the selected patient's id bytes.
    mutating func skipPlainRecord(fieldCount: Int, idField: Int, patient: [UInt8]) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        let end = buffer.count
        let delimiter = self.delimiter
        var cursor = position
        var delimiters = 0
        while delimiters < idField {
            cursor = CSVByteSearch.firstOf(
                base, from: cursor, end: end, splatDelimiter, CSVScanner.splatQuote,
                CSVScanner.splatLF, CSVScanner.splatCR)
            guard cursor < end, base[cursor] == delimiter else { return false }
            cursor &+= 1
            delimiters &+= 1
        }
        let idStart = cursor
        while cursor < end {
            let byte = base[cursor]
            if byte == delimiter || byte == CSVScanner.lineFeed || byte == CSVScanner.carriageReturn { break }
            if byte <= 0x20 || byte >= 0x7F || byte == CSVScanner.quote { return false }
            cursor &+= 1
        }
        guard cursor > idStart else { return false }
        if cursor &- idStart == patient.count {
            var same = true
            var offset = 0
            while offset < patient.count {
                if base[idStart &+ offset] != patient[offset] {
                    same = false
                    break
                }
                offset &+= 1
            }
            if same { return false }
        }
        // The rest of the line: count the delimiters, stop at a quote or the line's end.
        let raw = UnsafeRawPointer(base)
        let splatDelimiter = self.splatDelimiter
        while true {
            var stop = end
            while cursor &+ 8 <= end {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: cursor, as: UInt64.self))
                let stops =
                    Self.exactZeroBytes(word ^ CSVScanner.splatLF) | Self.exactZeroBytes(word ^ CSVScanner.splatCR)
                    | Self.exactZeroBytes(word ^ CSVScanner.splatQuote)
                let found = Self.exactZeroBytes(word ^ splatDelimiter)
                if stops == 0 {
                    delimiters &+= found.nonzeroBitCount
                    cursor &+= 8
                    continue
                }
                let bit = stops.trailingZeroBitCount
                delimiters &+= (found & ((1 &<< UInt64(bit)) &- 1)).nonzeroBitCount
                stop = cursor &+ (bit &>> 3)
                break
            }
            if stop == end {
                // Fewer than eight bytes left, or none of them special so far.
                while cursor < end {
                    let byte = base[cursor]
                    if byte == CSVScanner.lineFeed || byte == CSVScanner.carriageReturn || byte == CSVScanner.quote { break }
                    if byte == delimiter { delimiters &+= 1 }
                    cursor &+= 1
                }
                stop = cursor
            }
            cursor = stop
            guard cursor < end, base[cursor] == CSVScanner.quote else { break }
            // A quote: only a quoted field on this line, opened right after a delimiter.
            guard base[cursor &- 1] == delimiter else { return false }
            let close = CSVByteSearch.firstOf(
                base, from: cursor &+ 1, end: end, CSVScanner.splatQuote,
                CSVScanner.splatLF, CSVScanner.splatCR, CSVScanner.splatQuote)
            guard close < end, base[close] == CSVScanner.quote else { return false }
            cursor = close &+ 1
            if cursor < end {
                let next = base[cursor]
                guard next == delimiter || next == CSVScanner.lineFeed || next == CSVScanner.carriageReturn else { return false }
            }
        }
        guard delimiters &+ 1 == fieldCount else { return false }
        // Now at the line break or the end.
        if cursor < end {
            let byte = base[cursor]
            cursor &+= 1
            if byte == CSVScanner.carriageReturn, cursor < end, base[cursor] == CSVScanner.lineFeed { cursor &+= 1 }
            line &+= 1
            lineStart = cursor
        }
        position = cursor
        return true
    }

    /// The high bit set in exactly the bytes of `word` that are zero (no false positives,
    /// unlike ``CSVByteSearch/zeroBytes(_:)``, so that the bits can be counted).
    @inline(__always)
    static func exactZeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }
}
