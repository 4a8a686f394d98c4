extension CSVScanner {
    /// The length of a UTF-8 byte-order mark at the start of `buffer` (3 or 0), or -1 for a
    /// UTF-16 byte-order mark.
    static func byteOrderMarkLength(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { return 3 }
        if buffer.count >= 2, (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF) {
            return -1
        }
        return 0
    }

    /// Checks the header line (the first non-empty line, which may continue past a line break
    /// inside quotes) and picks the delimiter that occurs most often in it outside quotes.
    ///
    /// A tie goes to `,`, then `;`, then tab; a header with none of them gets `,` (and has one
    /// column, which no CSV kind accepts).
    static func sniffDelimiter(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) throws(Refusal) -> UInt8 {
        var index = start
        var line = 1
        var lineStart = start
        while index < buffer.count, let next = lineBreakEnd(buffer, at: index) {
            index = next
            line += 1
            lineStart = next
        }
        guard index < buffer.count else { throw .empty }
        let header = (start: index, line: line, lineStart: lineStart)
        var commas = 0
        var semicolons = 0
        var tabs = 0
        // The same quoting rules as the scanner: a quote opens only at the start of a field
        // (after any candidate delimiter), `""` inside quotes is one quote.
        var inQuotes = false
        var atFieldStart = true
        var quoteAt = CSVPosition(line: line, column: 0)
        while index < buffer.count {
            let byte = buffer[index]
            if byte == 0 { throw .nulByte(at: CSVPosition(line: line, column: index - lineStart + 1)) }
            if let next = lineBreakEnd(buffer, at: index) {
                if !inQuotes { break }
                index = next
                line += 1
                lineStart = next
                continue
            }
            if inQuotes {
                if byte == quote {
                    if index + 1 < buffer.count, buffer[index + 1] == quote {
                        index += 2
                        continue
                    }
                    inQuotes = false
                }
            } else if byte == quote, atFieldStart {
                quoteAt = CSVPosition(line: line, column: index - lineStart + 1)
                inQuotes = true
                atFieldStart = false
            } else {
                atFieldStart = byte == comma || byte == semicolon || byte == tab
                if byte == comma { commas += 1 } else if byte == semicolon { semicolons += 1 } else if byte == tab { tabs += 1 }
            }
            index += 1
        }
        if inQuotes { throw .unclosedQuoteInHeader(at: quoteAt) }
        if let invalid = firstInvalidUTF8(buffer, from: header.start, to: index) {
            var line = header.line
            var lineStart = header.lineStart
            var cursor = header.start
            while cursor < invalid {
                if let next = lineBreakEnd(buffer, at: cursor) {
                    cursor = next
                    line += 1
                    lineStart = next
                } else {
                    cursor += 1
                }
            }
            throw .invalidUTF8(at: CSVPosition(line: line, column: invalid - lineStart + 1))
        }
        if semicolons > commas, semicolons >= tabs { return semicolon }
        if tabs > commas, tabs > semicolons { return tab }
        return comma
    }

    /// If a line break (LF, CRLF or a lone CR) starts at `index`, the offset just past it.
    private static func lineBreakEnd(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = buffer[index]
        if byte == lineFeed { return index + 1 }
        guard byte == carriageReturn else { return nil }
        return index + 1 < buffer.count && buffer[index + 1] == lineFeed ? index + 2 : index + 1
    }

    /// The offset of the first byte in `from..<to` that does not belong to well-formed UTF-8
    /// (no overlong forms, no surrogates, nothing above U+10FFFF), or nil.
    package static func firstInvalidUTF8(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        var index = from
        while index < end {
            let lead = buffer[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return index
            }
            guard index + length <= end else { return index }
            let second = buffer[index + 1]
            guard second >= low, second <= high else { return index }
            for offset in 2..<max(2, length) where buffer[index + offset] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }
}
