/// Turns attribute values and text into Strings through a ``ByteStringCache``, reusing the
/// String made last time the same bytes were seen (units, test names, LOINC codes, lab names,
/// a patient's id on each of their rows). Values with an `&` (which need
/// ``XMLBytes/attributeString(_:)``'s decoding) are built each time. Use one cache per parse.
struct XMLStringCache {
    private let cache = ByteStringCache()

    /// Creates an empty cache.
    init() {}

    /// An attribute value as a String (see ``XMLBytes/attributeString(_:)``).
    func attribute(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !bytes.contains(0x26) else { return XMLBytes.attributeString(bytes) }
        return cache.string(bytes, orMake: XMLBytes.string)
    }

    /// Text (character data, already decoded) as a String.
    ///
    /// Text and attribute values share the cache safely: an attribute value with an `&`
    /// never reads the cache, so it never meets text that holds `&#38;` literally.
    package func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        cache.string(bytes, orMake: XMLBytes.string)
    }

    /// A trimmed attribute value as a String, or nil when it is blank.
    func trimmedAttribute(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let trimmed = XMLBytes.trimmed(bytes)
        return trimmed.isEmpty ? nil : attribute(trimmed)
    }
}
