import Foundation

/// The byte layer of the compiled knowledge (``KnowledgeSnapshot``): little-endian fixed-width
/// integers, doubles by their bit pattern, and strings as a length and UTF-8 bytes.
///
/// Nothing here knows a table; the tables write themselves with these (``SnapshotCodable``), and
/// ``ConceptMatcher`` writes its compiled tries with them directly.
package struct SnapshotWriter {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8] = []

    /// Where the next byte goes.
    var count: Int { bytes.count }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func uint32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A count or index (refuses nothing: the tables are far below 4 GiB).
    mutating func int(_ value: Int) { uint64(UInt64(bitPattern: Int64(value))) }

    mutating func int32(_ value: Int32) { uint32(UInt32(bitPattern: value)) }

    mutating func double(_ value: Double) { uint64(value.bitPattern) }

    package mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            uint32(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// Writes a placeholder for a length or count, to be filled in by ``patch(_:at:)``.
    mutating func placeholder() -> Int {
        let at = bytes.count
        uint32(0)
        return at
    }

    /// Fills in a placeholder.
    mutating func patch(_ value: UInt32, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for index in 0..<4 { bytes[offset + index] = raw[index] }
        }
    }
}

/// Reads what a ``SnapshotWriter`` wrote, checking every read against the end of the bytes: a
/// truncated or corrupted snapshot is a thrown ``SnapshotReader/Malformed``, never a crash (the
/// loader then reads the JSON tables and validates them).
package struct SnapshotReader {
    /// The snapshot is not what this build writes.
    package struct Malformed: Error, Hashable, Sendable {
        /// Where reading stopped.
        var offset: Int
    }

    package let bytes: UnsafeRawBufferPointer
    /// The next byte to read.
    package var position: Int

    package init(_ bytes: UnsafeRawBufferPointer, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    @inline(__always)
    private mutating func take(_ width: Int) throws(Malformed) -> Int {
        let start = position
        guard width >= 0, start <= bytes.count &- width else { throw Malformed(offset: start) }
        position = start &+ width
        return start
    }

    mutating func byte() throws(Malformed) -> UInt8 {
        bytes[try take(1)]
    }

    mutating func uint32() throws(Malformed) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(4), as: UInt32.self))
    }

    mutating func uint64() throws(Malformed) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(8), as: UInt64.self))
    }

    mutating func int() throws(Malformed) -> Int { Int(Int64(bitPattern: try uint64())) }

    mutating func int32() throws(Malformed) -> Int32 { Int32(bitPattern: try uint32()) }

    mutating func double() throws(Malformed) -> Double { Double(bitPattern: try uint64()) }

    /// A count that must fit in what is left (each item takes at least `minimumWidth` bytes).
    mutating func count(minimumWidth: Int = 1) throws(Malformed) -> Int {
        let value = Int(try uint32())
        guard value <= (bytes.count - position) / max(1, minimumWidth) else { throw Malformed(offset: position) }
        return value
    }

    /// The range of the next string's UTF-8 bytes, consumed.
    mutating func stringRange() throws(Malformed) -> Range<Int> {
        let length = Int(try uint32())
        let start = try take(length)
        return start..<(start + length)
    }

    package mutating func string() throws(Malformed) -> String {
        let range = try stringRange()
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Whether the bytes in `range` are `text`'s UTF-8.
    func equals(_ range: Range<Int>, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            utf8.count == range.count
                && (utf8.isEmpty || memcmp(utf8.baseAddress!, bytes.baseAddress! + range.lowerBound, range.count) == 0)
        }
    }

    mutating func skip(_ width: Int) throws(Malformed) { _ = try take(width) }
}
