/// Small byte-level helpers for reading attribute values and text without building Strings
/// until a value is kept.
package enum XMLBytes {
    /// Whether `byte` is XML white space (space, tab, CR, LF).
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// `bytes` without leading and trailing white space.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Whether `bytes` holds nothing but white space.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where !isSpace(byte) { return false }
        return true
    }

    /// The bytes as a String (libxml2 hands over valid UTF-8 only).
    @inline(__always)
    package static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// An attribute value as a String.
    ///
    /// Without `XML_PARSE_NOENT`, libxml2 hands over an `&` in an attribute value (written
    /// `&amp;`, `&#38;` or `&#x26;`) as the five characters `&#38;`, for a tree builder to
    /// parse again; this turns them back into `&`. No other `&` can reach a value (any other
    /// entity reference is an error, never expanded), so the replacement is exact.
    package static func attributeString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(0x26) else { return string(bytes) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x26, index + 4 < bytes.count, bytes[index + 1] == 0x23, bytes[index + 2] == 0x33,
                bytes[index + 3] == 0x38, bytes[index + 4] == 0x3B
            {
                decoded.append(0x26)
                index += 5
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// A trimmed attribute value as a String (see ``attributeString(_:)``), or nil when it
    /// is blank.
    static func trimmedAttribute(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let trimmed = trimmed(bytes)
        return trimmed.isEmpty ? nil : attributeString(trimmed)
    }

    /// Trimmed text as a String, or nil when it is blank.
    static func trimmedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let trimmed = trimmed(bytes)
        return trimmed.isEmpty ? nil : string(trimmed)
    }

    /// Calls `body` with each trimmed, non-empty piece of `bytes` between `separator`s.
    static func forEachPiece(
        of bytes: UnsafeBufferPointer<UInt8>, separatedBy separator: UInt8,
        _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == separator {
            let piece = trimmed(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            if !piece.isEmpty { body(piece) }
            start = index + 1
        }
    }

    /// Whether `bytes` equal `text`, ignoring ASCII case.
    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        let known = text.utf8Start
        for index in 0..<bytes.count where lowercased(bytes[index]) != lowercased(known[index]) {
            return false
        }
        return true
    }

    /// Whether `bytes` are exactly `text`'s bytes (a length check, then byte by byte: no
    /// generic walk over a String's UTF-8 view).
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        let known = text.utf8Start
        for index in 0..<bytes.count where bytes[index] != known[index] { return false }
        return true
    }

    /// Whether the NUL-terminated `name` equals `text` exactly.
    static func equals(_ name: UnsafePointer<UInt8>, _ text: StaticString) -> Bool {
        let known = text.utf8Start
        for index in 0..<text.utf8CodeUnitCount where name[index] != known[index] { return false }
        return name[text.utf8CodeUnitCount] == 0
    }

    /// A yes/no value: `yes`, `no`, `true`, `false`, `1`, `0`, in any case; nil otherwise.
    static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let value = trimmed(bytes)
        if equalsIgnoringCase(value, "yes") || equalsIgnoringCase(value, "true") || equalsIgnoringCase(value, "1") {
            return true
        }
        if equalsIgnoringCase(value, "no") || equalsIgnoringCase(value, "false") || equalsIgnoringCase(value, "0") {
            return false
        }
        return nil
    }

    /// A whole number between `range`'s bounds written as a plain decimal (`2`, `2.0`); nil
    /// otherwise.
    static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>, in range: ClosedRange<Int>) -> Int? {
        guard let number = NumberParser.parse(trimmed(bytes)), number.rounded() == number,
            number >= Double(range.lowerBound), number <= Double(range.upperBound)
        else { return nil }
        return Int(number)
    }

    /// A plain decimal number in `range`; nil otherwise.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, in range: ClosedRange<Double>) -> Double? {
        guard let number = NumberParser.parse(trimmed(bytes)), range.contains(number) else { return nil }
        return number
    }

    /// A name for a message: `prefix:local`, at most 64 characters (names come from the
    /// file; they are allowed in messages, values never are).
    package static func displayName(_ localName: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?) -> String {
        var name = String(cString: localName)
        if let prefix { name = String(cString: prefix) + ":" + name }
        return name.count > 64 ? String(name.prefix(63)) + "…" : name
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
