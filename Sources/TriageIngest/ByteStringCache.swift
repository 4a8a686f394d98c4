#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns repeated byte strings into one shared `String`: the interning of the compact record
/// model (issue 12).
///
/// Lab and journal files repeat a handful of values endlessly: units, test names, LOINC codes,
/// the laboratory's name, flags, a patient's id on each of their rows, the same symptom words.
/// Building a `String` validates its UTF-8 and, past 15 bytes, allocates; a hit here is a hash
/// of the bytes, one comparison and a retain, and every record holding the value shares one
/// buffer. Values of 1 to ``maximumLength`` bytes are looked up in ``slotCount`` direct-mapped
/// slots (a newer value takes an older one's slot); longer ones are made each time.
///
/// A hit needs the cached string's UTF-8 to equal the bytes, so a `make` that decodes (XML
/// entities, CSV doubled quotes, HL7 escapes) is still correct: such a value simply never hits.
/// One cache per file read, on one thread (it is a class so that the readers' immutable field
/// readers can share it).
package final class ByteStringCache {
    /// The longest value cached, in bytes.
    package static let maximumLength = 64
    /// The number of slots (a power of two).
    package static let slotCount = 1024

    // One thread at a time (see above), so the runtime's exclusivity checks on the slots are
    // switched off; the slots are raw memory so that a hit checks no array's uniqueness.
    @exclusivity(unchecked) private var hashes: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var strings: UnsafeMutablePointer<String>

    /// Creates an empty cache.
    package init() {
        hashes = .allocate(capacity: ByteStringCache.slotCount)
        hashes.initialize(repeating: 0, count: ByteStringCache.slotCount)
        strings = .allocate(capacity: ByteStringCache.slotCount)
        strings.initialize(repeating: "", count: ByteStringCache.slotCount)
    }

    deinit {
        strings.deinitialize(count: ByteStringCache.slotCount)
        strings.deallocate()
        hashes.deallocate()
    }

    /// The String of `bytes`: the cached one when the same bytes were made before, else
    /// `make(bytes)`, which is cached.
    @inline(__always)
    package func string<Failure: Error>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        orMake make: (UnsafeBufferPointer<UInt8>) throws(Failure) -> String
    ) throws(Failure) -> String {
        guard let base = bytes.baseAddress, !bytes.isEmpty, bytes.count <= ByteStringCache.maximumLength else { return try make(bytes) }
        let hash = ByteStringCache.hash(UnsafeRawPointer(base), bytes.count) | 1  // 0 marks an empty slot
        let slot = Int(truncatingIfNeeded: hash >> 54) & (ByteStringCache.slotCount - 1)
        if hashes[slot] == hash, ByteStringCache.equal(strings[slot], bytes) { return strings[slot] }
        let string = try make(bytes)
        hashes[slot] = hash
        strings[slot] = string
        return string
    }

    /// The String of valid UTF-8 `bytes` (invalid sequences repaired, as `String(decoding:)`).
    @inline(__always)
    package func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        string(bytes) { String(decoding: $0, as: UTF8.self) }
    }

    @inline(__always)
    private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let utf8 = string.utf8
        guard utf8.count == bytes.count else { return false }
        return utf8.withContiguousStorageIfAvailable { stored in
            memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        } ?? utf8.elementsEqual(bytes)
    }

    /// A 64-bit hash of `count` bytes, eight at a time.
    @inline(__always)
    private static func hash(_ base: UnsafeRawPointer, _ count: Int) -> UInt64 {
        var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset + 8 <= count {
            hash = (hash ^ base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xC2B2_AE3D_27D4_EB4F
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return hash ^ (hash >> 32)
    }
}
