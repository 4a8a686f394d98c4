/// A strict JSON (RFC 8259) check of a whole document in one pass over its bytes, without
/// building anything: the service answers `400` to a body that is not JSON (SPEC §7.2) and then
/// reads only the parts it needs (``RawJSON``), instead of decoding 100 kB of prefetch into a
/// tree it mostly throws away.
///
/// Accepted: one value (after an optional UTF-8 byte-order mark) with optional white space around
/// it; strings with only the escapes of RFC 8259 (a `\u` surrogate only in a high-low pair);
/// numbers of its grammar; `true`, `false`, `null`. Nesting deeper than ``maximumDepth`` is
/// refused, so a hostile body cannot exhaust memory. It accepts nothing that Foundation's
/// JSONDecoder refused when the service used it (the fuzz target checks this), and, as that
/// decoder does in strings it does not read, it lets control characters and bytes that are not
/// UTF-8 pass: an EHR's stray byte in a lab comment must not cost the clinician the card. (It
/// refuses a few things that decoder let pass unread: a number such as `00`, a NUL after the
/// document.)
/// The strings the service reads are decoded leniently (``RawJSON/stringValue(in:at:)``).
package enum JSONValidator {
    /// The deepest nesting of arrays and objects accepted.
    package static let maximumDepth = 512

    /// Whether `bytes` is one JSON document.
    package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var scanner = Scanner(bytes: bytes, recording: false)
        return scanner.document()
    }

    /// The ends of every array and object of `bytes` when it is one JSON document (else nil), so
    /// that ``RawJSON`` skips a container without reading it again.
    package static func index(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONContainerIndex? {
        var scanner = Scanner(bytes: bytes, recording: true)
        guard scanner.document() else { return nil }
        return JSONContainerIndex(starts: scanner.starts, ends: scanner.ends)
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        /// Open containers, innermost last: `true` for an object.
        var open: [Bool] = []
        let recording: Bool
        /// When recording: each container's start and end (the index after it), in the order
        /// they start; the slots of the open ones, innermost last.
        var starts: [Int] = []
        var ends: [Int] = []
        var slots: [Int] = []

        init(bytes: UnsafeBufferPointer<UInt8>, recording: Bool) {
            self.bytes = bytes
            self.recording = recording
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        }

        mutating func opened(at start: Int) {
            guard recording else { return }
            slots.append(starts.count)
            starts.append(start)
            ends.append(start)
        }

        mutating func closed(empty start: Int? = nil) {
            guard recording else { return }
            if let start {
                starts.append(start)
                ends.append(index)
            } else {
                ends[slots.removeLast()] = index
            }
        }

        mutating func document() -> Bool {
            open.reserveCapacity(16)
            space()
            guard value() else { return false }
            space()
            return index == bytes.count
        }

        mutating func space() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        /// One value, containers included (iteratively: the depth is bounded by ``maximumDepth``,
        /// never by the stack).
        mutating func value() -> Bool {
            let base = open.count
            while true {
                // A value starts here.
                guard index < bytes.count else { return false }
                switch bytes[index] {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard open.count - base < JSONValidator.maximumDepth else { return false }
                    let object = bytes[index] == UInt8(ascii: "{")
                    let start = index
                    index += 1
                    space()
                    if index < bytes.count, bytes[index] == (object ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        index += 1
                        closed(empty: start)
                    } else {
                        open.append(object)
                        opened(at: start)
                        if object { guard key() else { return false } }
                        continue
                    }
                case UInt8(ascii: "\""):
                    guard string() else { return false }
                case UInt8(ascii: "t"):
                    guard literal("true") else { return false }
                case UInt8(ascii: "f"):
                    guard literal("false") else { return false }
                case UInt8(ascii: "n"):
                    guard literal("null") else { return false }
                default:
                    guard number() else { return false }
                }
                // A value ended: close containers, or go on to the next member or element.
                while true {
                    if open.count == base { return true }
                    space()
                    guard index < bytes.count else { return false }
                    let object = open[open.count - 1]
                    let byte = bytes[index]
                    if byte == UInt8(ascii: ",") {
                        index += 1
                        space()
                        if object { guard key() else { return false } }
                        break
                    }
                    guard byte == (object ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return false }
                    index += 1
                    open.removeLast()
                    closed()
                }
            }
        }

        /// A member's key and its colon; the index then stands on the member's value.
        mutating func key() -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), string() else { return false }
            space()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
            space()
            return true
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            let start = word.utf8Start
            for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
            index += count
            return true
        }

        mutating func digits() -> Bool {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index > start
        }

        mutating func number() -> Bool {
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else {
                guard bytes[index] >= UInt8(ascii: "1"), bytes[index] <= UInt8(ascii: "9"), digits() else { return false }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() else { return false }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits() else { return false }
            }
            return true
        }

        /// A string from its opening quote; the index then stands after its closing quote.
        mutating func string() -> Bool {
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return true
                case UInt8(ascii: "\\"):
                    index += 1
                    guard index < bytes.count else { return false }
                    switch bytes[index] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
                        UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 1
                    case UInt8(ascii: "u"):
                        guard let unit = hexUnit(at: index + 1) else { return false }
                        index += 5
                        if unit >= 0xDC00 && unit <= 0xDFFF { return false }  // a low surrogate alone
                        if unit >= 0xD800 && unit <= 0xDBFF {  // a high surrogate: a low one must follow
                            guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                                let low = hexUnit(at: index + 2), low >= 0xDC00, low <= 0xDFFF
                            else { return false }
                            index += 6
                        }
                    default:
                        return false
                    }
                default:
                    // Control characters and bytes that are not UTF-8 pass, as they pass
                    // Foundation's decoder (see the type's comment).
                    index += 1
                }
            }
            return false
        }

        /// The UTF-16 code unit of the four hex digits at `start`, or nil.
        func hexUnit(at start: Int) -> UInt16? {
            guard bytes.count - start >= 4 else { return nil }
            var unit: UInt16 = 0
            for offset in 0..<4 {
                let byte = bytes[start + offset]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                unit = unit << 4 | UInt16(digit)
            }
            return unit
        }
    }
}

/// Where each array and object of a validated document ends (``JSONValidator/index(_:)``): what
/// lets ``RawJSON`` step over a container in a binary search instead of reading it.
package struct JSONContainerIndex: Sendable {
    /// Container starts (the `{` or `[`), ascending.
    let starts: [Int]
    /// The index after each container's end, in the same order.
    let ends: [Int]

    /// The index after the container that starts at `start`; nil when none starts there.
    package func end(ofContainerAt start: Int) -> Int? {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < start { low = middle + 1 } else { high = middle }
        }
        return low < starts.count && starts[low] == start ? ends[low] : nil
    }
}
