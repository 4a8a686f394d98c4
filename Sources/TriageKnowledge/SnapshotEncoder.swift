/// Writes a Codable value in the snapshot's binary form (``KnowledgeSnapshot``), which
/// ``SnapshotDecoder`` reads back with no JSON parsing.
///
/// Layout: a keyed container is its entry count, then per entry the key, the value's length in
/// bytes and the value; an unkeyed container is its count, then per element its length and the
/// element (so a reader can find any key and skip what it does not read). Strings, numbers,
/// booleans and lists of strings are written in place, with no container. A single-value
/// container writes a byte (0 nil, 1 a value) before its value. The form is only ever read by
/// the same build that wrote it: the snapshot's header carries a format number and the digest
/// of the JSON tables, and a snapshot that does not decode to exactly what the JSON gives is
/// never written (``KnowledgeSnapshot/compile(knowledge:digest:)``).
package final class SnapshotEncoder {
    var writer = SnapshotWriter()

    /// The bytes of `value`.
    package static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = SnapshotEncoder()
        try encoder.write(value)
        return encoder.writer.bytes
    }

    /// Writes one value: in place when it is a primitive (by its exact type, so an optional is
    /// never taken for its wrapped value), else through its `encode(to:)`.
    func write<T: Encodable>(_ value: T) throws {
        if T.self == String.self {
            writer.string(unsafeBitCast(value, to: String.self))
        } else if T.self == Bool.self {
            writer.byte(unsafeBitCast(value, to: Bool.self) ? 1 : 0)
        } else if T.self == Int.self {
            writer.int(unsafeBitCast(value, to: Int.self))
        } else if T.self == Int32.self {
            writer.int32(unsafeBitCast(value, to: Int32.self))
        } else if T.self == Double.self {
            writer.double(unsafeBitCast(value, to: Double.self))
        } else if T.self == [String].self {
            let list = unsafeBitCast(value, to: [String].self)
            writer.uint32(UInt32(list.count))
            for text in list { writer.string(text) }
        } else if Self.unsupported.contains(ObjectIdentifier(T.self)) {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "SnapshotEncoder writes Int, Int32 and Double numbers only"))
        } else {
            try value.encode(to: Adapter(encoder: self))
        }
    }

    /// The numbers the tables do not use, refused rather than written in a form nobody reads.
    private static let unsupported: Set<ObjectIdentifier> = [
        ObjectIdentifier(Float.self), ObjectIdentifier(Int8.self), ObjectIdentifier(Int16.self), ObjectIdentifier(Int64.self),
        ObjectIdentifier(UInt.self), ObjectIdentifier(UInt8.self), ObjectIdentifier(UInt16.self), ObjectIdentifier(UInt32.self),
        ObjectIdentifier(UInt64.self),
    ]

    /// Writes a length placeholder, the value, then its length.
    func writeSized<T: Encodable>(_ value: T) throws {
        let at = writer.placeholder()
        let start = writer.count
        try write(value)
        writer.patch(UInt32(writer.count - start), at: at)
    }

    private struct Adapter: Encoder {
        let encoder: SnapshotEncoder
        var codingPath: [CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(encoder: encoder, countAt: encoder.writer.placeholder()))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer {
            Unkeyed(encoder: encoder, countAt: encoder.writer.placeholder())
        }

        func singleValueContainer() -> SingleValueEncodingContainer { Single(encoder: encoder) }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: SnapshotEncoder
        let countAt: Int
        var entries: UInt32 = 0
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode(_ value: Bool, forKey key: Key) throws { try put(value, forKey: key) }
        mutating func encode(_ value: String, forKey key: Key) throws { try put(value, forKey: key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try put(value, forKey: key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try put(value, forKey: key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try put(value, forKey: key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try put(value, forKey: key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try put(value, forKey: key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try put(value, forKey: key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try put(value, forKey: key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try put(value, forKey: key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try put(value, forKey: key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try put(value, forKey: key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try put(value, forKey: key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try put(value, forKey: key) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try put(value, forKey: key) }

        private mutating func put<T: Encodable>(_ value: T, forKey key: Key) throws {
            encoder.writer.string(key.stringValue)
            try encoder.writeSized(value)
            entries += 1
            encoder.writer.patch(entries, at: countAt)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            fatalError("SnapshotEncoder: nested containers are not used by the knowledge tables")
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            fatalError("SnapshotEncoder: nested containers are not used by the knowledge tables")
        }

        mutating func superEncoder() -> Encoder { fatalError("SnapshotEncoder: superEncoder is not used by the knowledge tables") }
        mutating func superEncoder(forKey key: Key) -> Encoder { fatalError("SnapshotEncoder: superEncoder is not used by the knowledge tables") }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: SnapshotEncoder
        let countAt: Int
        var count = 0
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil() throws {
            try encode(Optional<Int>.none)
        }
        mutating func encode(_ value: Bool) throws { try put(value) }
        mutating func encode(_ value: String) throws { try put(value) }
        mutating func encode(_ value: Double) throws { try put(value) }
        mutating func encode(_ value: Float) throws { try put(value) }
        mutating func encode(_ value: Int) throws { try put(value) }
        mutating func encode(_ value: Int8) throws { try put(value) }
        mutating func encode(_ value: Int16) throws { try put(value) }
        mutating func encode(_ value: Int32) throws { try put(value) }
        mutating func encode(_ value: Int64) throws { try put(value) }
        mutating func encode(_ value: UInt) throws { try put(value) }
        mutating func encode(_ value: UInt8) throws { try put(value) }
        mutating func encode(_ value: UInt16) throws { try put(value) }
        mutating func encode(_ value: UInt32) throws { try put(value) }
        mutating func encode(_ value: UInt64) throws { try put(value) }

        mutating func encode<T: Encodable>(_ value: T) throws { try put(value) }

        private mutating func put<T: Encodable>(_ value: T) throws {
            try encoder.writeSized(value)
            count += 1
            encoder.writer.patch(UInt32(count), at: countAt)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            fatalError("SnapshotEncoder: nested containers are not used by the knowledge tables")
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            fatalError("SnapshotEncoder: nested containers are not used by the knowledge tables")
        }

        mutating func superEncoder() -> Encoder { fatalError("SnapshotEncoder: superEncoder is not used by the knowledge tables") }
    }

    private struct Single: SingleValueEncodingContainer {
        let encoder: SnapshotEncoder
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil() throws { encoder.writer.byte(0) }
        mutating func encode(_ value: Bool) throws { try put(value) }
        mutating func encode(_ value: String) throws { try put(value) }
        mutating func encode(_ value: Double) throws { try put(value) }
        mutating func encode(_ value: Float) throws { try put(value) }
        mutating func encode(_ value: Int) throws { try put(value) }
        mutating func encode(_ value: Int8) throws { try put(value) }
        mutating func encode(_ value: Int16) throws { try put(value) }
        mutating func encode(_ value: Int32) throws { try put(value) }
        mutating func encode(_ value: Int64) throws { try put(value) }
        mutating func encode(_ value: UInt) throws { try put(value) }
        mutating func encode(_ value: UInt8) throws { try put(value) }
        mutating func encode(_ value: UInt16) throws { try put(value) }
        mutating func encode(_ value: UInt32) throws { try put(value) }
        mutating func encode(_ value: UInt64) throws { try put(value) }

        mutating func encode<T: Encodable>(_ value: T) throws { try put(value) }

        private mutating func put<T: Encodable>(_ value: T) throws {
            encoder.writer.byte(1)
            try encoder.write(value)
        }
    }
}
