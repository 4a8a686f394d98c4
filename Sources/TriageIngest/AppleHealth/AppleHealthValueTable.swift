/// A fixed set of attribute values (record types, sleep values) matched against an
/// attribute's bytes (which, unlike names, are not NUL-terminated), without building a
/// String: a length comparison, then the bytes.
struct AppleHealthValueTable<Value: Sendable>: Sendable {
    private let names: [[UInt8]]
    private let values: [Value]

    /// Creates a table from values as written and what they stand for.
    init(_ entries: KeyValuePairs<StaticString, Value>) {
        names = entries.map { Array(UnsafeBufferPointer(start: $0.key.utf8Start, count: $0.key.utf8CodeUnitCount)) }
        values = entries.map(\.value)
    }

    /// What `bytes` stand for, or nil when they are not in the table.
    package func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        for index in names.indices where names[index].count == bytes.count {
            if names[index].withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) { return values[index] }
        }
        return nil
    }
}
