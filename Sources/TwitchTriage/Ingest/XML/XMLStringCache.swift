/// Turns short attribute values into Strings, reusing the String made last time the same
/// bytes were seen.
///
/// Building a String validates its UTF-8 and costs about 50 ns; lab and journal files repeat
/// the same few values endlessly (units, test names, LOINC codes, lab names, a patient's id
/// on each of their rows). Values of 1 to 16 bytes are packed into two words and looked up in
/// 256 direct-mapped slots: a hit is a hash and two comparisons. Longer values, and values
/// with an `&` (which need ``XMLBytes/attributeString(_:)``'s decoding), are built each time.
/// Use one cache per parse.
struct XMLStringCache {
    private struct Key: Equatable {
        var low: UInt64
        var high: UInt64
        var count: Int
    }

    private static let slots = 256
    private var keys = [Key](repeating: Key(low: 0, high: 0, count: 0), count: XMLStringCache.slots)
    private var strings = [String](repeating: "", count: XMLStringCache.slots)

    /// Creates an empty cache.
    init() {}

    /// An attribute value as a String (see ``XMLBytes/attributeString(_:)``).
    mutating func attribute(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 0, bytes.count <= 16 else { return XMLBytes.attributeString(bytes) }
        let key = XMLStringCache.key(bytes)
        if XMLStringCache.hasAmpersand(key.low) || XMLStringCache.hasAmpersand(key.high) {
            return XMLBytes.attributeString(bytes)
        }
        return cached(bytes, key)
    }

    /// Text (character data, already decoded) as a String.
    ///
    /// Text and attribute values share the slots safely: an attribute value with an `&`
    /// never reads the cache, so it never meets text that holds `&#38;` literally.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 0, bytes.count <= 16 else { return XMLBytes.string(bytes) }
        return cached(bytes, XMLStringCache.key(bytes))
    }

    /// The bytes (1 to 16) packed little-endian into two words, the rest zero.
    @inline(__always)
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for index in 0..<min(bytes.count, 8) { low |= UInt64(bytes[index]) << (8 * index) }
        if bytes.count > 8 {
            for index in 8..<bytes.count { high |= UInt64(bytes[index]) << (8 * (index - 8)) }
        }
        return Key(low: low, high: high, count: bytes.count)
    }

    @inline(__always)
    private mutating func cached(_ bytes: UnsafeBufferPointer<UInt8>, _ key: Key) -> String {
        let mixed = (key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(key.count)
        let slot = Int(truncatingIfNeeded: mixed >> 56)
        if keys[slot] == key { return strings[slot] }
        let string = XMLBytes.string(bytes)
        keys[slot] = key
        strings[slot] = string
        return string
    }

    /// A trimmed attribute value as a String, or nil when it is blank.
    mutating func trimmedAttribute(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let trimmed = XMLBytes.trimmed(bytes)
        return trimmed.isEmpty ? nil : attribute(trimmed)
    }

    /// Whether any byte of `word` is `&`.
    @inline(__always)
    private static func hasAmpersand(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let flipped = word ^ (ones &* 0x26)
        return (flipped &- ones) & ~flipped & (ones &* 0x80) != 0
    }
}
