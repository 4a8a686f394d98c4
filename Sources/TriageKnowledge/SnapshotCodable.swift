import TriageModel

/// A value the knowledge snapshot (``KnowledgeSnapshot``) writes and reads back itself: every
/// stored property in declaration order, with no keys, no Codable and no JSON (SPEC §9).
///
/// Reading a table through Codable cost the Swift runtime a resolution of generic metadata and a
/// scan of the binary's protocol-conformance records for every container type it met (about 14%
/// of a single report's CPU); these readers are plain specialised code. The knowledge types'
/// conformances are generated at build time (`Plugins/SnapshotCodingPlugin` runs
/// `snapshot-coding-generator`, which writes `<Type>+Snapshot.swift` into the build's work
/// directory); the primitives, optionals, lists and string-backed enums are here. Every read is checked
/// against the end of the bytes: a short or damaged snapshot throws, and the loader then reads
/// and validates the JSON. Nothing here can write a snapshot that reads back differently
/// unnoticed: ``KnowledgeSnapshot`` compares what it reads back with the JSON load before it writes.
package protocol SnapshotCodable {
    /// Reads a value at the reader's position, advancing past it.
    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Malformed)

    /// Appends the value.
    func write(to writer: inout SnapshotWriter)
}

extension SnapshotReader {
    /// Reads the next value of the type the caller expects.
    @inline(__always)
    package mutating func read<Value: SnapshotCodable>() throws(Malformed) -> Value {
        try Value(snapshot: &self)
    }
}

extension SnapshotWriter {
    /// Appends `value`.
    @inline(__always)
    package mutating func write<Value: SnapshotCodable>(_ value: Value) {
        value.write(to: &self)
    }
}

extension String: SnapshotCodable {
    package init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Malformed) { self = try reader.string() }
    package func write(to writer: inout SnapshotWriter) { writer.string(self) }
}

extension Int: SnapshotCodable {
    package init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Malformed) { self = try reader.int() }
    package func write(to writer: inout SnapshotWriter) { writer.int(self) }
}

extension Double: SnapshotCodable {
    package init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Malformed) { self = try reader.double() }
    package func write(to writer: inout SnapshotWriter) { writer.double(self) }
}

extension Bool: SnapshotCodable {
    /// One byte, 0 or 1; any other byte is malformed.
    package init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Malformed) {
        switch try reader.byte() {
        case 0: self = false
        case 1: self = true
        default: throw SnapshotReader.Malformed(offset: reader.position - 1)
        }
    }

    package func write(to writer: inout SnapshotWriter) { writer.byte(self ? 1 : 0) }
}

extension Optional: SnapshotCodable where Wrapped: SnapshotCodable {
    /// A byte (0 absent, 1 present), then the value when present.
    package init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Malformed) {
        switch try reader.byte() {
        case 0: self = .none
        case 1: self = .some(try Wrapped(snapshot: &reader))
        default: throw SnapshotReader.Malformed(offset: reader.position - 1)
        }
    }

    package func write(to writer: inout SnapshotWriter) {
        switch self {
        case .none: writer.byte(0)
        case .some(let value):
            writer.byte(1)
            value.write(to: &writer)
        }
    }
}

extension Array: SnapshotCodable where Element: SnapshotCodable {
    /// The count, then each element.
    package init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Malformed) {
        let count = try reader.count()
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try Element(snapshot: &reader)) }
    }

    package func write(to writer: inout SnapshotWriter) {
        writer.uint32(UInt32(count))
        for element in self { element.write(to: &writer) }
    }
}

extension SnapshotCodable where Self: RawRepresentable, RawValue == String {
    /// The raw value; a raw value the type does not have is malformed.
    package init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Malformed) {
        let offset = reader.position
        guard let value = Self(rawValue: try reader.string()) else { throw SnapshotReader.Malformed(offset: offset) }
        self = value
    }

    package func write(to writer: inout SnapshotWriter) { writer.string(rawValue) }
}

/// A tagged id is its raw text in a snapshot.
extension Tagged: SnapshotCodable where RawValue == String {}
