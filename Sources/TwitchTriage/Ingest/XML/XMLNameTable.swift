/// A fixed set of element or attribute names, matched against libxml2's NUL-terminated names
/// byte by byte, without building a String.
///
/// All names sit in one contiguous buffer, each followed by a NUL; a lookup compares the
/// candidate with each name up to and including the NUL, so a mismatch usually costs one
/// byte comparison.
struct XMLNameTable<Value: Sendable>: Sendable {
    private let storage: [UInt8]
    private let starts: [Int]
    private let values: [Value]

    /// Creates a table from names and the values they stand for.
    init(_ entries: KeyValuePairs<StaticString, Value>) {
        var storage: [UInt8] = []
        var starts: [Int] = []
        var values: [Value] = []
        for (name, value) in entries {
            starts.append(storage.count)
            storage.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            storage.append(0)
            values.append(value)
        }
        self.storage = storage
        self.starts = starts
        self.values = values
    }

    /// The value for `name`, or nil when it is not in the table.
    func lookup(_ name: UnsafePointer<UInt8>) -> Value? {
        storage.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress!
            for index in starts.indices {
                var known = base + starts[index]
                var candidate = name
                while known.pointee == candidate.pointee {
                    if known.pointee == 0 { return values[index] }
                    known += 1
                    candidate += 1
                }
            }
            return nil
        }
    }
}
