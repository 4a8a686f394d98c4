import Foundation

/// Finds the byte ranges of values inside a JSON document that ``JSONValidator`` has accepted,
/// so that a prefetched resource can be handed to the batch's FHIR reader as the EHR wrote it
/// (its numbers with their digits). It never allocates a tree; on a document that is not valid
/// JSON it returns nil or a wrong range but never reads out of bounds (``FuzzCDSHooksRequest``).
package enum RawJSON {
    /// The range of the member `key` (compared as written, without unescaping) of the object at
    /// `range`; nil when absent or when the value there is not an object.
    package static func member(
        _ key: String, in bytes: UnsafeBufferPointer<UInt8>, object range: Range<Int>,
        index containers: JSONContainerIndex? = nil
    ) -> Range<Int>? {
        var index = skipSpace(bytes, range.lowerBound, range.upperBound)
        guard index < range.upperBound, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        let wanted = Array(key.utf8)
        while true {
            index = skipSpace(bytes, index, range.upperBound)
            guard index < range.upperBound, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let keyEnd = skipString(bytes, index, range.upperBound)
            let matches = keyEnd - index - 2 == wanted.count && (0..<wanted.count).allSatisfy { bytes[index + 1 + $0] == wanted[$0] }
            index = skipSpace(bytes, keyEnd, range.upperBound)
            guard index < range.upperBound, bytes[index] == UInt8(ascii: ":") else { return nil }
            let valueStart = skipSpace(bytes, index + 1, range.upperBound)
            let valueEnd = skipValue(bytes, valueStart, range.upperBound, containers)
            guard valueEnd > valueStart else { return nil }
            if matches { return valueStart..<valueEnd }
            index = skipSpace(bytes, valueEnd, range.upperBound)
            guard index < range.upperBound, bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
    }

    /// The string value of the member `key` of the object at `range`, unescaped; nil when absent
    /// or not a string.
    package static func string(
        _ key: String, in bytes: UnsafeBufferPointer<UInt8>, object range: Range<Int>,
        index containers: JSONContainerIndex? = nil
    ) -> String? {
        guard let value = member(key, in: bytes, object: range, index: containers) else { return nil }
        return stringValue(in: bytes, at: value)
    }

    /// Calls `body` with the key (the bytes between its quotes, as written) and the value's range
    /// of each member of the object at `range`, in order, until it returns false; false when
    /// the value there is not an object. One pass: each value is skipped once.
    @discardableResult
    package static func forEachMember(
        in bytes: UnsafeBufferPointer<UInt8>, object range: Range<Int>,
        index containers: JSONContainerIndex? = nil, _ body: (_ key: Range<Int>, _ value: Range<Int>) -> Bool
    ) -> Bool {
        var index = skipSpace(bytes, range.lowerBound, range.upperBound)
        guard index < range.upperBound, bytes[index] == UInt8(ascii: "{") else { return false }
        index = skipSpace(bytes, index + 1, range.upperBound)
        if index < range.upperBound, bytes[index] == UInt8(ascii: "}") { return true }
        while true {
            guard index < range.upperBound, bytes[index] == UInt8(ascii: "\"") else { return false }
            let keyEnd = skipString(bytes, index, range.upperBound)
            guard keyEnd - index >= 2 else { return false }
            let key = (index + 1)..<(keyEnd - 1)
            index = skipSpace(bytes, keyEnd, range.upperBound)
            guard index < range.upperBound, bytes[index] == UInt8(ascii: ":") else { return false }
            let valueStart = skipSpace(bytes, index + 1, range.upperBound)
            let valueEnd = skipValue(bytes, valueStart, range.upperBound, containers)
            guard valueEnd > valueStart else { return false }
            if !body(key, valueStart..<valueEnd) { return true }
            index = skipSpace(bytes, valueEnd, range.upperBound)
            guard index < range.upperBound else { return false }
            if bytes[index] == UInt8(ascii: "}") { return true }
            guard bytes[index] == UInt8(ascii: ",") else { return false }
            index = skipSpace(bytes, index + 1, range.upperBound)
        }
    }

    /// The value range of the first member named by each case of `Name` (its raw value, compared
    /// as written) in the object at `range`, in one pass (``forEachMember(in:object:index:_:)``);
    /// nil when the value there is not an object. A member given twice counts once, the first time.
    package static func firstMembers<Name: CaseIterable & RawRepresentable<String> & Hashable>(
        _: Name.Type, in bytes: UnsafeBufferPointer<UInt8>, object range: Range<Int>, index containers: JSONContainerIndex? = nil
    ) -> [Name: Range<Int>]? {
        let names = Name.allCases
        var found: [Name: Range<Int>] = [:]
        let isObject = forEachMember(in: bytes, object: range, index: containers) { key, value in
            let written = bytes[key]
            if let name = names.first(where: { $0.rawValue.utf8.count == key.count && $0.rawValue.utf8.elementsEqual(written) }),
                found[name] == nil
            {
                found[name] = value
            }
            return true
        }
        return isObject ? found : nil
    }

    /// Whether the key at `key` (as ``forEachMember(in:object:_:)`` gives it) is `name`, compared
    /// as written.
    package static func key(_ key: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, is name: StaticString) -> Bool {
        guard key.count == name.utf8CodeUnitCount else { return false }
        let start = name.utf8Start
        for offset in 0..<key.count where bytes[key.lowerBound + offset] != start[offset] { return false }
        return true
    }

    /// The string at `range` (quotes included), unescaped; nil when it is not a string.
    package static func stringValue(in bytes: UnsafeBufferPointer<UInt8>, at value: Range<Int>) -> String? {
        guard value.count >= 2, bytes[value.lowerBound] == UInt8(ascii: "\""), bytes[value.upperBound - 1] == UInt8(ascii: "\"") else {
            return nil
        }
        let inner = UnsafeBufferPointer(rebasing: bytes[(value.lowerBound + 1)..<(value.upperBound - 1)])
        guard inner.contains(UInt8(ascii: "\\")) else { return String(decoding: inner, as: UTF8.self) }
        // Escapes: let the JSON decoder read the (short) string.
        return try? JSONDecoder().decode(String.self, from: Data(UnsafeBufferPointer(rebasing: bytes[value])))
    }

    /// Whether the value at `range` is `null`.
    package static func isNull(in bytes: UnsafeBufferPointer<UInt8>, at value: Range<Int>) -> Bool {
        value.count == 4 && bytes[value.lowerBound] == UInt8(ascii: "n")
    }

    /// The ranges of the elements of the array at `range`; nil when it is not an array.
    package static func elements(
        in bytes: UnsafeBufferPointer<UInt8>, array range: Range<Int>,
        index containers: JSONContainerIndex? = nil
    ) -> [Range<Int>]? {
        var index = skipSpace(bytes, range.lowerBound, range.upperBound)
        guard index < range.upperBound, bytes[index] == UInt8(ascii: "[") else { return nil }
        index = skipSpace(bytes, index + 1, range.upperBound)
        var out: [Range<Int>] = []
        if index < range.upperBound, bytes[index] == UInt8(ascii: "]") { return out }
        while index < range.upperBound {
            let end = skipValue(bytes, index, range.upperBound, containers)
            guard end > index else { return nil }
            out.append(index..<end)
            index = skipSpace(bytes, end, range.upperBound)
            guard index < range.upperBound else { return nil }
            if bytes[index] == UInt8(ascii: "]") { return out }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipSpace(bytes, index + 1, range.upperBound)
        }
        return nil
    }

    /// The whole document's value (after a byte-order mark and spaces).
    package static func document(_ bytes: UnsafeBufferPointer<UInt8>, index containers: JSONContainerIndex? = nil) -> Range<Int> {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        start = skipSpace(bytes, start, bytes.count)
        return start..<skipValue(bytes, start, bytes.count, containers)
    }

    static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
        return index
    }

    /// The index after the string starting at `start` (its quote), or `end`.
    static func skipString(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var index = start + 1
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return end
    }

    /// The index after the value starting at `start`, or `start` when none starts there; a
    /// container in one step when `containers` (of this document) is given.
    static func skipValue(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ containers: JSONContainerIndex? = nil) -> Int {
        guard start < end else { return start }
        if let containers, let after = containers.end(ofContainerAt: start) { return min(after, end) }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return min(skipString(bytes, start, end), end)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var index = start
            while index < end {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    index = skipString(bytes, index, end)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default:
                    break
                }
                index += 1
            }
            return end
        default:
            var index = start
            while index < end {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return index
                default: index += 1
                }
            }
            return index
        }
    }
}
