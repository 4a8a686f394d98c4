/// Reads a value that ``SnapshotEncoder`` wrote: the knowledge tables without JSON parsing
/// (SPEC §9: knowledge loaded in a few milliseconds).
///
/// Every read is checked against the end of the bytes; a snapshot that does not hold what is
/// asked for is a thrown `DecodingError`, and the loader then reads and validates the JSON.
package final class SnapshotDecoder {
    var reader: SnapshotReader

    private init(_ bytes: UnsafeRawBufferPointer) {
        reader = SnapshotReader(bytes)
    }

    /// Decodes a `T` from `bytes` (all of them).
    package static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
        let decoder = SnapshotDecoder(bytes)
        let value = try decoder.read(T.self)
        guard decoder.reader.position == bytes.count else { throw corrupted(decoder.reader.position) }
        return value
    }

    static func corrupted(_ offset: Int) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "the knowledge snapshot is malformed at byte \(offset)"))
    }

    /// Reads one value at the current position: in place when it is a primitive (by its exact
    /// type, as the encoder wrote it), else through its `init(from:)`.
    package func read<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            if T.self == String.self { return unsafeBitCast(try reader.string(), to: T.self) }
            if T.self == Bool.self {
                let byte = try reader.byte()
                guard byte <= 1 else { throw Self.corrupted(reader.position - 1) }
                return unsafeBitCast(byte == 1, to: T.self)
            }
            if T.self == Int.self { return unsafeBitCast(try reader.int(), to: T.self) }
            if T.self == Int32.self { return unsafeBitCast(try reader.int32(), to: T.self) }
            if T.self == Double.self { return unsafeBitCast(try reader.double(), to: T.self) }
            if T.self == [String].self {
                let count = try reader.count(minimumWidth: 4)
                var list: [String] = []
                list.reserveCapacity(count)
                for _ in 0..<count { list.append(try reader.string()) }
                return unsafeBitCast(list, to: T.self)
            }
        } catch let error as SnapshotReader.Malformed {
            throw Self.corrupted(error.offset)
        }
        return try T(from: Adapter(decoder: self))
    }

    /// Reads the value in `range`.
    package func read<T: Decodable>(_ type: T.Type, at range: Range<Int>) throws -> T {
        reader.position = range.lowerBound
        return try read(T.self)
    }

    /// The range of the sized value at the current position (its length, then its bytes), consumed.
    func sizedRange() throws -> Range<Int> {
        do {
            let length = Int(try reader.uint32())
            let start = reader.position
            try reader.skip(length)
            return start..<(start + length)
        } catch {
            throw Self.corrupted(reader.position)
        }
    }

    private struct Adapter: Decoder {
        let decoder: SnapshotDecoder
        var codingPath: [CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard let count = try? decoder.reader.count(minimumWidth: 8) else { throw SnapshotDecoder.corrupted(decoder.reader.position) }
            return KeyedDecodingContainer(Keyed<Key>(decoder: decoder, first: decoder.reader.position, count: count))
        }

        func unkeyedContainer() throws -> UnkeyedDecodingContainer {
            guard let count = try? decoder.reader.count(minimumWidth: 4) else { throw SnapshotDecoder.corrupted(decoder.reader.position) }
            return Unkeyed(decoder: decoder, count: count, next: decoder.reader.position)
        }

        func singleValueContainer() throws -> SingleValueDecodingContainer { Single(decoder: decoder) }
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: SnapshotDecoder
        /// Where the first entry starts.
        let first: Int
        let count: Int
        var codingPath: [CodingKey] { [] }

        /// Each entry's key bytes and value range, in order.
        private func entries() -> [(key: Range<Int>, value: Range<Int>)] {
            var reader = SnapshotReader(decoder.reader.bytes, position: first)
            var found: [(key: Range<Int>, value: Range<Int>)] = []
            for _ in 0..<count {
                guard let key = try? reader.stringRange(), let length = try? reader.uint32() else { break }
                let start = reader.position
                guard (try? reader.skip(Int(length))) != nil else { break }
                found.append((key, start..<(start + Int(length))))
            }
            return found
        }

        /// The value range of `key`, if the entry is there.
        private func find(_ key: Key) -> Range<Int>? {
            let name = key.stringValue
            var reader = SnapshotReader(decoder.reader.bytes, position: first)
            for _ in 0..<count {
                guard let keyRange = try? reader.stringRange(), let length = try? reader.uint32() else { return nil }
                let start = reader.position
                guard (try? reader.skip(Int(length))) != nil else { return nil }
                if reader.equals(keyRange, name) { return start..<(start + Int(length)) }
            }
            return nil
        }

        var allKeys: [Key] {
            entries().compactMap { entry in
                Key(stringValue: String(decoding: UnsafeRawBufferPointer(rebasing: decoder.reader.bytes[entry.key]), as: UTF8.self))
            }
        }

        func contains(_ key: Key) -> Bool { find(key) != nil }

        func decodeNil(forKey key: Key) throws -> Bool { find(key) == nil }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try get(T.self, forKey: key) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try get(Bool.self, forKey: key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try get(String.self, forKey: key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try get(Double.self, forKey: key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try get(Float.self, forKey: key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try get(Int.self, forKey: key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try get(Int8.self, forKey: key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try get(Int16.self, forKey: key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try get(Int32.self, forKey: key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try get(Int64.self, forKey: key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try get(UInt.self, forKey: key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try get(UInt8.self, forKey: key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try get(UInt16.self, forKey: key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try get(UInt32.self, forKey: key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try get(UInt64.self, forKey: key) }

        private func get<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            guard let range = find(key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "not in the knowledge snapshot"))
            }
            return try decoder.read(T.self, at: range)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            guard let range = find(key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "not in the knowledge snapshot"))
            }
            decoder.reader.position = range.lowerBound
            return try Adapter(decoder: decoder).container(keyedBy: NestedKey.self)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
            guard let range = find(key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "not in the knowledge snapshot"))
            }
            decoder.reader.position = range.lowerBound
            return try Adapter(decoder: decoder).unkeyedContainer()
        }

        func superDecoder() throws -> Decoder { throw SnapshotDecoder.corrupted(first) }
        func superDecoder(forKey key: Key) throws -> Decoder { throw SnapshotDecoder.corrupted(first) }
    }

    private struct Unkeyed: UnkeyedDecodingContainer {
        let decoder: SnapshotDecoder
        let total: Int
        var currentIndex = 0
        /// Where the next element's length stands.
        var next: Int
        var codingPath: [CodingKey] { [] }
        var count: Int? { total }
        var isAtEnd: Bool { currentIndex >= total }

        init(decoder: SnapshotDecoder, count: Int, next: Int) {
            self.decoder = decoder
            self.total = count
            self.next = next
        }

        private mutating func nextRange() throws -> Range<Int> {
            guard !isAtEnd else { throw SnapshotDecoder.corrupted(next) }
            decoder.reader.position = next
            let range = try decoder.sizedRange()
            next = range.upperBound
            currentIndex += 1
            return range
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { throw SnapshotDecoder.corrupted(next) }
            var peek = SnapshotReader(decoder.reader.bytes, position: next)
            guard let length = try? peek.uint32(), length == 1, let byte = try? peek.byte(), byte == 0 else { return false }
            _ = try nextRange()
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try get(T.self) }
        mutating func decode(_ type: Bool.Type) throws -> Bool { try get(Bool.self) }
        mutating func decode(_ type: String.Type) throws -> String { try get(String.self) }
        mutating func decode(_ type: Double.Type) throws -> Double { try get(Double.self) }
        mutating func decode(_ type: Float.Type) throws -> Float { try get(Float.self) }
        mutating func decode(_ type: Int.Type) throws -> Int { try get(Int.self) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try get(Int8.self) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try get(Int16.self) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try get(Int32.self) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try get(Int64.self) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try get(UInt.self) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try get(UInt8.self) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try get(UInt16.self) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try get(UInt32.self) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try get(UInt64.self) }

        private mutating func get<T: Decodable>(_ type: T.Type) throws -> T {
            try decoder.read(T.self, at: try nextRange())
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            decoder.reader.position = try nextRange().lowerBound
            return try Adapter(decoder: decoder).container(keyedBy: NestedKey.self)
        }

        mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
            decoder.reader.position = try nextRange().lowerBound
            return try Adapter(decoder: decoder).unkeyedContainer()
        }

        mutating func superDecoder() throws -> Decoder { throw SnapshotDecoder.corrupted(next) }
    }

    private struct Single: SingleValueDecodingContainer {
        let decoder: SnapshotDecoder
        var codingPath: [CodingKey] { [] }

        func decodeNil() -> Bool { (try? decoder.reader.peekByte()) == 0 }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try get(T.self) }
        func decode(_ type: Bool.Type) throws -> Bool { try get(Bool.self) }
        func decode(_ type: String.Type) throws -> String { try get(String.self) }
        func decode(_ type: Double.Type) throws -> Double { try get(Double.self) }
        func decode(_ type: Float.Type) throws -> Float { try get(Float.self) }
        func decode(_ type: Int.Type) throws -> Int { try get(Int.self) }
        func decode(_ type: Int8.Type) throws -> Int8 { try get(Int8.self) }
        func decode(_ type: Int16.Type) throws -> Int16 { try get(Int16.self) }
        func decode(_ type: Int32.Type) throws -> Int32 { try get(Int32.self) }
        func decode(_ type: Int64.Type) throws -> Int64 { try get(Int64.self) }
        func decode(_ type: UInt.Type) throws -> UInt { try get(UInt.self) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try get(UInt8.self) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try get(UInt16.self) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try get(UInt32.self) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try get(UInt64.self) }

        private func get<T: Decodable>(_ type: T.Type) throws -> T {
            guard (try? decoder.reader.byte()) == 1 else { throw SnapshotDecoder.corrupted(decoder.reader.position) }
            return try decoder.read(T.self)
        }
    }
}
