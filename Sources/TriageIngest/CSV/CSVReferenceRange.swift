import TriageModel

/// Parses a lab row's `reference` column: `1.7-2.2`, `1.7 - 2.2`, `1,7-2,2` (where a decimal
/// comma is allowed), an en dash instead of the hyphen, and one-sided limits `<5`, `<=5`, `≤5`
/// (upper only) and `>40`, `>=40`, `≥40` (lower only).
///
/// The separator is the first `-` or `–` after the lower limit's first digit, so a negative
/// lower limit (`-2-3`) reads as -2 to 3. Nothing else is accepted: a range written any other
/// way is a row error, not a guess.
enum CSVReferenceRange {
    /// The limits of `bytes`, either of which may be absent (one-sided), or nil when it is not a
    /// range.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> (low: Double?, high: Double?)? {
        if let bound = LabValue.parse(bytes, decimalComma: decimalComma), bound.isCensored {
            switch bound.comparator {
            case .lessThan, .lessThanOrEqual: return (nil, bound.number)
            case .greaterThan, .greaterThanOrEqual: return (bound.number, nil)
            case .equal: return nil
            }
        }
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        if index < bytes.count, bytes[index] == 0x2D || bytes[index] == 0x2B { index += 1 }
        var seenDigit = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte &- 0x30 < 10 { seenDigit = true }
            if seenDigit, byte == 0x2D || (byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x93)
            {
                let separatorLength = byte == 0x2D ? 1 : 3
                let lowBytes = UnsafeBufferPointer(rebasing: bytes[..<index])
                let highBytes = UnsafeBufferPointer(rebasing: bytes[(index + separatorLength)...])
                guard let low = NumberParser.parse(lowBytes, decimalComma: decimalComma),
                    let high = NumberParser.parse(highBytes, decimalComma: decimalComma)
                else { return nil }
                return (low, high)
            }
            index += 1
        }
        return nil
    }
}
