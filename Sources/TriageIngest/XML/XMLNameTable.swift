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
    package func lookup(_ name: UnsafePointer<UInt8>) -> Value? {
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

/// An ``XMLNameTable`` that remembers which name came at each attribute position last time.
///
/// libxml2 interns every element and attribute name in its parser's dictionary, so within
/// one parse the same name always arrives at the same address (its own SAX2 tree builder
/// relies on this). Files written by programs repeat the same attributes in the same order
/// on every element, so "the name at position 3 is the one that was at position 3 last
/// time" is usually one pointer comparison; otherwise the table is searched and the
/// position remembered. Use one cache per element kind and per parse.
struct XMLNameCache<Value: Sendable> {
    private let table: XMLNameTable<Value>
    private var names = [UnsafePointer<UInt8>?](repeating: nil, count: 16)
    private var values = [Value?](repeating: nil, count: 16)

    /// Creates an empty cache over `table`.
    init(_ table: XMLNameTable<Value>) {
        self.table = table
    }

    /// The value for the element name `name`, or nil when it is not in the table: remembered
    /// in a slot chosen by the name's address (an element's children come in no fixed
    /// order, so position says nothing).
    @inline(__always)
    package mutating func lookup(element name: UnsafePointer<UInt8>) -> Value? {
        let address = UInt(bitPattern: name)
        return lookup(name, at: Int(truncatingIfNeeded: (address >> 4) ^ (address >> 9)) & 15)
    }

    /// The value for the attribute `name` at `position`, or nil when it is not in the table.
    @inline(__always)
    package mutating func lookup(_ name: UnsafePointer<UInt8>, at position: Int) -> Value? {
        guard position < 16 else { return table.lookup(name) }
        if names[position] == name { return values[position] }
        let value = table.lookup(name)
        names[position] = name
        values[position] = value
        return value
    }
}
