import TriageModel

/// A JSON document built in code and written deterministically: keys sorted by their UTF-8
/// bytes, two-space indentation, numbers in their shortest round-tripping form, only the
/// characters JSON requires escaped. The same value writes the same bytes on every host.
package indirect enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; written with keys sorted.
    case object([String: JSONValue])

    /// The document as text, ending with a newline.
    package func written() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(32 * 1024)
        write(into: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// The object `members` plus the array member `key`, as ``written()`` writes it, with the
    /// array's `count` items made one at a time by `item` and written as they come: a batch's
    /// worklist never holds the JSON of every patient at once (issue 23, peak memory).
    package static func written(
        _ members: [String: JSONValue], streaming key: String, count: Int,
        _ item: (Int) -> JSONValue
    ) -> String {
        var text: [UInt8] = []
        written(members, streaming: key, count: count, to: { text.append(contentsOf: $0) }, item)
        return String(decoding: text, as: UTF8.self)
    }

    /// The same bytes as ``written(_:streaming:count:_:)``, handed to `sink` in pieces of about
    /// 64 KB as they are made: a batch's worklist goes to its file without ever being whole in
    /// memory (issue 23, peak memory at 100,000 patients).
    package static func written(
        _ members: [String: JSONValue], streaming key: String, count: Int,
        to sink: (UnsafeRawBufferPointer) -> Void, _ item: (Int) -> JSONValue
    ) {
        let piece = 64 * 1024
        var out: [UInt8] = []
        out.reserveCapacity(piece + 16 * 1024)
        func flushIfFull() {
            guard out.count >= piece else { return }
            out.withUnsafeBytes(sink)
            out.removeAll(keepingCapacity: true)
        }
        var all = members
        all[key] = .array([])
        let names = all.keys.sorted(by: precedes)
        out.append(contentsOf: "{\n".utf8)
        for (index, name) in names.enumerated() {
            indent(1, into: &out)
            writeString(name, into: &out)
            out.append(0x3A)
            out.append(0x20)
            if name != key {
                all[name]!.write(into: &out, indent: 1)
            } else if count == 0 {
                out.append(contentsOf: "[]".utf8)
            } else {
                out.append(contentsOf: "[\n".utf8)
                for position in 0..<count {
                    indent(2, into: &out)
                    item(position).write(into: &out, indent: 2)
                    if position != count - 1 { out.append(0x2C) }
                    out.append(0x0A)
                    flushIfFull()
                }
                indent(1, into: &out)
                out.append(0x5D)
            }
            if index != names.count - 1 { out.append(0x2C) }
            out.append(0x0A)
            flushIfFull()
        }
        out.append(0x7D)
        out.append(0x0A)
        out.withUnsafeBytes(sink)
    }

    // Written as UTF-8 bytes: escaping works on Unicode scalars, and every scalar JSON escapes
    // is either ASCII (one byte that occurs in no other scalar's encoding) or U+2028/U+2029
    // (E2 80 A8/A9), so a byte-wise pass gives exactly the text a scalar-wise one would.

    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let value): out.append(contentsOf: (value.isFinite ? NumberFormatting.shortest(value) : "null").utf8)
        case .string(let value): Self.writeString(value, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(contentsOf: "[\n".utf8)
            for (index, item) in items.enumerated() {
                Self.indent(indent + 1, into: &out)
                item.write(into: &out, indent: indent + 1)
                if index != items.count - 1 { out.append(0x2C) }
                out.append(0x0A)
            }
            Self.indent(indent, into: &out)
            out.append(0x5D)
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(contentsOf: "{\n".utf8)
            let sorted = members.sorted { Self.precedes($0.key, $1.key) }
            for (index, member) in sorted.enumerated() {
                Self.indent(indent + 1, into: &out)
                Self.writeString(member.key, into: &out)
                out.append(0x3A)
                out.append(0x20)
                member.value.write(into: &out, indent: indent + 1)
                if index != sorted.count - 1 { out.append(0x2C) }
                out.append(0x0A)
            }
            Self.indent(indent, into: &out)
            out.append(0x7D)
        }
    }

    private static func indent(_ level: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }

    /// Whether `a`'s UTF-8 bytes sort before `b`'s (the keys' order), compared in place.
    private static func precedes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let count = min(x.count, y.count)
                var index = 0
                while index < count {
                    if x[index] != y[index] { return x[index] < y[index] }
                    index += 1
                }
                return x.count < y.count
            }
        }
        return (fast ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private static func writeString(_ value: String, into out: inout [UInt8]) {
        out.append(0x22)
        if value.utf8.withContiguousStorageIfAvailable({ writeEscaped($0, into: &out) }) == nil {
            Array(value.utf8).withUnsafeBufferPointer { writeEscaped($0, into: &out) }
        }
        out.append(0x22)
    }

    /// The string's bytes with JSON's escapes; runs that need none are copied whole.
    private static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var run = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0xE2 {
                index += 1
                continue
            }
            if run < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index])) }
            switch byte {
            case 0x22:
                out.append(0x5C)
                out.append(0x22)
            case 0x5C:
                out.append(0x5C)
                out.append(0x5C)
            case 0x0A:
                out.append(0x5C)
                out.append(0x6E)
            case 0x0D:
                out.append(0x5C)
                out.append(0x72)
            case 0x09:
                out.append(0x5C)
                out.append(0x74)
            case 0xE2
            where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                out.append(contentsOf: (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            case 0xE2: out.append(byte)
            default:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
            index += 1
            run = index
        }
        if run < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count])) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

extension JSONValue {
    /// A string, or null for nil.
    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    /// An array of strings.
    package static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}

extension [String: JSONValue] {
    /// Sets member `key` to `value`, or leaves it out when there is none: an absent optional
    /// field is omitted, never written as null.
    mutating func set(_ key: String, _ value: String?) {
        if let value { self[key] = .string(value) }
    }

    /// Sets member `key` to the strings `values`, or leaves it out when there are none (an
    /// empty list is written).
    mutating func set(_ key: String, _ values: [String]?) {
        if let values { self[key] = .strings(values) }
    }

    /// Sets member `key` to the number `value`, or leaves it out when there is none.
    mutating func set(_ key: String, _ value: Int?) {
        if let value { self[key] = .number(Double(value)) }
    }

    /// Sets member `key` to the number `value`, or leaves it out when there is none.
    mutating func set(_ key: String, _ value: Double?) {
        if let value { self[key] = .number(value) }
    }

    /// Sets member `key` to `value`, or leaves it out when there is none.
    mutating func set(_ key: String, _ value: Bool?) {
        if let value { self[key] = .bool(value) }
    }
}
