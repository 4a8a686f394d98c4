/// Makes checked `String`s from field bytes, fast.
///
/// `String(validating:as:)` runs unspecialised generic code per call (metadata lookups showed
/// in profiles); here an ASCII field, the common case, is checked with one pass over its bytes
/// and copied with `String(decoding:as:)`, and only a field with non-ASCII bytes is validated
/// in full (``CSVScanner/firstInvalidUTF8(_:from:to:)``).
enum CSVText {
    /// What is wrong with a field's text.
    package enum Failure: Error {
        /// Bytes that are not UTF-8.
        case invalidUTF8
        /// A NUL byte.
        case nulByte
    }

    /// The text of `bytes`, or why it is not text.
    @inline(__always)
    package static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<String, Failure> {
        var high: UInt8 = 0
        var low: UInt8 = 0xFF
        for byte in bytes {
            high |= byte
            low = min(low, byte)
        }
        if low == 0, !bytes.isEmpty { return .failure(.nulByte) }
        if high & 0x80 != 0, CSVScanner.firstInvalidUTF8(bytes, from: 0, to: bytes.count) != nil {
            return .failure(.invalidUTF8)
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }
}
