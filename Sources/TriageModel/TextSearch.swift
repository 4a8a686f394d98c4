import Foundation

/// Foundation's `contains` and `replacingOccurrences(of:with:)` with a byte path for ASCII text.
///
/// Foundation compares by canonical equivalence; between ASCII strings that is byte equality
/// (no ASCII character decomposes or combines), so for ASCII text and pattern the byte path
/// gives exactly Foundation's answer, without bridging to `NSString` (a batch calls these a
/// few hundred times a patient). Anything else goes to Foundation as before.
extension String {
    /// Whether the text holds `pattern` (Foundation's `contains`).
    package func containsText(_ pattern: String) -> Bool {
        var text = self
        var pattern = pattern
        let found: Bool? = text.withUTF8 { haystack in
            pattern.withUTF8 { needle in
                Self.bothASCII(haystack, needle) ? Self.find(needle, in: haystack, from: 0) != nil : nil
            }
        }
        return found ?? contains(pattern)
    }

    /// The text with every `placeholder` replaced by `value` (Foundation's
    /// `replacingOccurrences(of:with:)`).
    package func filling(_ placeholder: String, with value: String) -> String {
        var text = self
        var placeholder = placeholder
        let filled: String? = text.withUTF8 { haystack in
            placeholder.withUTF8 { needle -> String? in
                guard Self.bothASCII(haystack, needle) else { return nil }
                guard var match = Self.find(needle, in: haystack, from: 0) else { return self }
                var out = ""
                out.reserveCapacity(haystack.count + value.utf8.count)
                var start = 0
                while true {
                    out += String(decoding: UnsafeBufferPointer(rebasing: haystack[start..<match]), as: UTF8.self)
                    out += value
                    start = match + needle.count
                    guard let next = Self.find(needle, in: haystack, from: start) else { break }
                    match = next
                }
                out += String(decoding: UnsafeBufferPointer(rebasing: haystack[start...]), as: UTF8.self)
                return out
            }
        }
        return filled ?? replacingOccurrences(of: placeholder, with: value)
    }

    /// Whether both are ASCII and the pattern is not empty (an empty one is left to Foundation).
    private static func bothASCII(_ text: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        !pattern.isEmpty && text.allSatisfy { $0 < 0x80 } && pattern.allSatisfy { $0 < 0x80 }
    }

    /// The first offset of `needle` in `haystack` at or after `from`, if any.
    private static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard haystack.count - from >= needle.count else { return nil }
        let first = needle[0]
        var index = from
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}
