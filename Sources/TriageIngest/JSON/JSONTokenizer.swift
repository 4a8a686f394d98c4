/// A streaming, byte-level JSON tokenizer (RFC 8259) over bytes in memory: one token at a
/// time, no tree, no `JSONSerialization`.
///
/// It checks the grammar as it goes (commas, colons, matching brackets), tells object keys
/// from string values, and keeps the line and column (1-based, columns in bytes) of every
/// token for messages. Hostile input is bounded: nesting deeper than ``maximumDepth`` and a
/// string longer than ``maximumStringLength`` are errors, not crashes or gigabytes of memory.
/// Strings without escapes are handed over as slices of the input; escaped ones are decoded
/// into a scratch buffer (`\uXXXX` with surrogate pairs; a lone surrogate becomes U+FFFD).
package struct JSONTokenizer {
    /// What ``next()`` found.
    package enum Token: Equatable {
        case beginObject, endObject, beginArray, endArray
        /// An object member's name; its bytes are in ``text``.
        case key
        /// A string value; its bytes are in ``text``.
        case string
        /// A number; its bytes (as written) are in ``text``.
        case number
        case trueValue, falseValue, null
        /// The end of the input, after one complete value.
        case end
    }

    /// Why the input is not JSON, and where.
    package struct Failure: Error, Equatable {
        /// What is wrong (`expected ':' after an object key`).
        var reason: String
        /// The 1-based line.
        var line: Int
        /// The 1-based byte column.
        var column: Int
    }

    /// The deepest nesting of objects and arrays accepted (FHIR resources nest about 10 deep).
    package static let maximumDepth = 128
    /// The longest string accepted, in bytes of input (8 MiB: a base64 attachment fits, a
    /// hostile file's endless string does not).
    package static let maximumStringLength = 8 * 1024 * 1024

    fileprivate enum Expect { case value, firstKeyOrEnd, key, colon, commaOrEnd, firstValueOrEnd, nothing }

    package let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index: Int
    private var line: Int
    private var lineStart: Int
    private var expect = Expect.value
    /// Open containers, `true` for an object.
    private var stack: [Bool] = []
    private var scratch: [UInt8] = []
    private var textStart = 0
    private var textCount = 0
    private var textEscaped = false
    /// The line of the last token.
    private(set) var tokenLine = 1
    /// The column of the last token.
    private(set) var tokenColumn = 1

    /// Creates a tokenizer over `bytes`; `firstLine` is the line number of its first byte (for
    /// one line of an NDJSON file).
    package init(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1) {
        var stack: [Bool] = []
        stack.reserveCapacity(16)
        self.init(bytes, firstLine: firstLine, stack: stack, scratch: [])
    }

    /// A tokenizer over `bytes` that reuses the memory of another's buffers (emptied).
    private init(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, stack: [Bool], scratch: [UInt8]) {
        self.bytes = bytes
        self.index = 0
        self.line = firstLine
        self.lineStart = 0
        self.stack = stack
        self.scratch = scratch
        tokenLine = firstLine
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
            lineStart = 3
        }
    }

    /// How deep the last token is nested (0 outside every container).
    var depth: Int { stack.count }

    /// The position of the last token.
    package var position: (line: Int, column: Int) { (tokenLine, tokenColumn) }

    /// Calls `body` with the bytes of the last key, string or number token (decoded).
    @inline(__always)
    func withText<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if textEscaped { return scratch.withUnsafeBufferPointer(body) }
        return body(UnsafeBufferPointer(rebasing: bytes[textStart..<(textStart + textCount)]))
    }

    /// The last key, string or number token as a String.
    package func text() -> String { withText { String(decoding: $0, as: UTF8.self) } }

    /// Starts over on other bytes (the next line of an NDJSON file), keeping the memory of
    /// the nesting stack and the escape buffer.
    mutating func reset(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) {
        // The buffers are moved out and back (unique, so never copied), and `bytes` stays a
        // `let`, which lets the compiler keep it in registers in the scanning loops.
        var stack = self.stack
        let scratch = self.scratch
        self.stack = []
        self.scratch = []
        stack.removeAll(keepingCapacity: true)
        self = JSONTokenizer(bytes, firstLine: firstLine, stack: stack, scratch: scratch)
    }

    /// A saved place to return to with ``restore(_:)``: where the tokenizer was, and how deep,
    /// with the innermost container's kind. Reading on from a mark never goes below that
    /// container's level except by closing it, so its depth and kind are all of the stack
    /// there is to restore (no copy of the stack per mark).
    struct Mark {
        fileprivate var index: Int, line: Int, lineStart: Int, expect: Expect, depth: Int, innermost: Bool?
    }

    /// The tokenizer's place, to come back to (to read an object twice).
    func mark() -> Mark {
        Mark(index: index, line: line, lineStart: lineStart, expect: expect, depth: stack.count, innermost: stack.last)
    }

    /// Goes back to a place from ``mark()``, reached by reading on from it within its
    /// innermost container (or up to that container's end).
    mutating func restore(_ mark: Mark) {
        index = mark.index
        line = mark.line
        lineStart = mark.lineStart
        expect = mark.expect
        if stack.count > mark.depth { stack.removeLast(stack.count - mark.depth) }
        if stack.count < mark.depth, let innermost = mark.innermost { stack.append(innermost) }
    }

    /// Reads the next token.
    ///
    /// - Throws: ``Failure`` at the first byte that breaks the grammar or a limit.
    package mutating func next() throws(Failure) -> Token {
        skipSpace()
        tokenLine = line
        tokenColumn = index - lineStart + 1
        guard index < bytes.count else {
            if expect == .nothing { return .end }
            throw fail(
                stack.isEmpty ? "unexpected end of input" : "unexpected end of input inside \(stack.last! ? "an object" : "an array")")
        }
        let byte = bytes[index]
        switch expect {
        case .nothing:
            throw fail("unexpected content after the end of the value")
        case .colon:
            guard byte == 0x3A else { throw fail("expected ':' after an object key") }
            index += 1
            expect = .value
            return try next()
        case .commaOrEnd:
            if byte == 0x2C {
                index += 1
                expect = stack.last! ? .key : .value
                return try next()
            }
            return try close(byte, afterValue: true)
        case .firstKeyOrEnd, .key:
            if byte == 0x7D, expect == .firstKeyOrEnd { return try close(byte, afterValue: false) }
            guard byte == 0x22 else { throw fail("expected a string key") }
            try readString()
            expect = .colon
            return .key
        case .firstValueOrEnd where byte == 0x5D:
            return try close(byte, afterValue: false)
        case .value, .firstValueOrEnd:
            return try value(byte)
        }
    }

    private mutating func value(_ byte: UInt8) throws(Failure) -> Token {
        switch byte {
        case 0x7B, 0x5B:
            guard stack.count < JSONTokenizer.maximumDepth else {
                throw fail("nesting deeper than \(JSONTokenizer.maximumDepth)")
            }
            index += 1
            stack.append(byte == 0x7B)
            expect = byte == 0x7B ? .firstKeyOrEnd : .firstValueOrEnd
            return byte == 0x7B ? .beginObject : .beginArray
        case 0x22:
            try readString()
            afterValue()
            return .string
        case 0x2D, 0x30...0x39:
            try readNumber()
            afterValue()
            return .number
        case 0x74:
            try literal("true")
            afterValue()
            return .trueValue
        case 0x66:
            try literal("false")
            afterValue()
            return .falseValue
        case 0x6E:
            try literal("null")
            afterValue()
            return .null
        default:
            throw fail("unexpected character")
        }
    }

    /// The `}` or `]` of the innermost container. When it is not, the error says what was
    /// expected after a value (`,` or the closer), else "unexpected character"; the message
    /// is made only then.
    private mutating func close(_ byte: UInt8, afterValue isAfterValue: Bool) throws(Failure) -> Token {
        let isObject = stack.last!
        guard byte == (isObject ? 0x7D : 0x5D) else {
            throw fail(isAfterValue ? "expected ',' or '\(isObject ? "}" : "]")'" : "unexpected character")
        }
        index += 1
        stack.removeLast()
        afterValue()
        return isObject ? .endObject : .endArray
    }

    @inline(__always)
    private mutating func afterValue() {
        expect = stack.isEmpty ? .nothing : .commaOrEnd
    }

    @inline(__always)
    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail("unexpected end of input") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw fail("unexpected character")
        }
        index += count
    }

    private mutating func readNumber() throws(Failure) {
        let start = index
        if bytes[index] == 0x2D { index += 1 }
        func digits() -> Int {
            let from = index
            while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 }
            return index - from
        }
        guard index < bytes.count else { throw fail("unexpected end of input in a number") }
        if bytes[index] == 0x30 { index += 1 } else if digits() == 0 { throw fail("malformed number") }
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            guard digits() > 0 else { throw fail("malformed number") }
        }
        if index < bytes.count, bytes[index] | 0x20 == 0x65 {
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            guard digits() > 0 else { throw fail("malformed number") }
        }
        textStart = start
        textCount = index - start
        textEscaped = false
    }

    private mutating func readString() throws(Failure) {
        index += 1
        let start = index
        // Fast path: no escape.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                guard index - start <= JSONTokenizer.maximumStringLength else { throw stringTooLong() }
                textStart = start
                textCount = index - start
                textEscaped = false
                index += 1
                return
            }
            if byte == 0x5C { break }
            if byte < 0x20 { throw fail("control character in a string", at: index) }
            index += 1
        }
        guard index < bytes.count else { throw fail("unterminated string") }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if index - start > JSONTokenizer.maximumStringLength { throw stringTooLong() }
            if byte == 0x22 {
                textEscaped = true
                index += 1
                return
            }
            if byte < 0x20 { throw fail("control character in a string", at: index) }
            if byte != 0x5C {
                scratch.append(byte)
                index += 1
                continue
            }
            guard index + 1 < bytes.count else { break }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case 0x22, 0x5C, 0x2F: scratch.append(escape)
            case 0x62: scratch.append(0x08)
            case 0x66: scratch.append(0x0C)
            case 0x6E: scratch.append(0x0A)
            case 0x72: scratch.append(0x0D)
            case 0x74: scratch.append(0x09)
            case 0x75: try unicodeEscape()
            default: throw fail("invalid escape in a string", at: index - 2)
            }
        }
        throw fail("unterminated string")
    }

    private mutating func unicodeEscape() throws(Failure) {
        guard var scalar = hex4(at: index) else { throw fail("invalid \\u escape in a string", at: index - 2) }
        index += 4
        if scalar >= 0xD800, scalar < 0xDC00, index + 6 <= bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75,
            let low = hex4(at: index + 2), low >= 0xDC00, low < 0xE000
        {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            index += 6
        }
        let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        scratch.append(contentsOf: Array(String(character).utf8))
    }

    private func hex4(at start: Int) -> UInt32? {
        guard start + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[start + offset]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x37
            case 0x61...0x66: digit = byte - 0x57
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private func stringTooLong() -> Failure {
        Failure(reason: "string longer than \(JSONTokenizer.maximumStringLength / (1024 * 1024)) MiB", line: tokenLine, column: tokenColumn)
    }

    private func fail(_ reason: String, at offset: Int? = nil) -> Failure {
        let at = offset ?? index
        return Failure(reason: reason, line: line, column: at - lineStart + 1)
    }

    /// Skips the value whose first token was just read (a whole object or array, or nothing
    /// more for a scalar).
    mutating func skipValue(startingWith token: Token) throws(Failure) {
        guard token == .beginObject || token == .beginArray else { return }
        let target = depth - 1
        while depth > target {
            if try next() == .end { return }
        }
    }
}
