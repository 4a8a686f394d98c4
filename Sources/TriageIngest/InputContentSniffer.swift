/// Tells the families of input apart by their first bytes (SPEC §3.1): the readers then decide
/// the exact kind (an XML root, a JSON `resourceType`, a CSV header).
enum InputContentSniffer {
    /// A family of input.
    enum Family: Equatable {
        /// The first non-blank character is `<`.
        case xml
        /// The first non-blank character is `{`.
        case json
        /// `MSH|`, `FHS|` or `BHS|` at the start (after an MLLP start byte 0x0B, if any).
        case hl7v2
        /// Anything else (tried as CSV).
        case other
    }

    /// The family of `bytes`, after an optional UTF-8 byte-order mark and white space.
    static func sniff(_ bytes: UnsafeRawBufferPointer) -> Family {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B: index += 1
            case 0x3C: return .xml
            case 0x7B: return .json
            default:
                return isHL7Header(bytes, at: index) ? .hl7v2 : .other
            }
        }
        return .other
    }

    private static func isHL7Header(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Bool {
        guard index + 4 <= bytes.count, bytes[index + 3] == 0x7C else { return false }
        let name = (bytes[index], bytes[index + 1], bytes[index + 2])
        return name == (0x4D, 0x53, 0x48) || name == (0x46, 0x48, 0x53) || name == (0x42, 0x48, 0x53)
    }
}
