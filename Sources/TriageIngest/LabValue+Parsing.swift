import TriageModel

extension LabValue {
    /// Parses `1.5`, `<5`, `< 5`, `<=5`, `≤5`, `>1500`, `>= 1500`, `≥1500`.
    ///
    /// - Parameters:
    ///   - bytes: the field's bytes.
    ///   - decimalComma: whether `,` is a decimal separator here.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool = false) -> LabValue? {
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        var comparator = Comparator.equal
        func at(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        if at(0) == 0x3C {  // <
            comparator = .lessThan
            index += 1
            if at(0) == 0x3D {
                comparator = .lessThanOrEqual
                index += 1
            }
        } else if at(0) == 0x3E {  // >
            comparator = .greaterThan
            index += 1
            if at(0) == 0x3D {
                comparator = .greaterThanOrEqual
                index += 1
            }
        } else if at(0) == 0xE2, at(1) == 0x89, at(2) == 0xA4 {  // ≤
            comparator = .lessThanOrEqual
            index += 3
        } else if at(0) == 0xE2, at(1) == 0x89, at(2) == 0xA5 {  // ≥
            comparator = .greaterThanOrEqual
            index += 3
        }
        let rest = UnsafeBufferPointer(rebasing: bytes[index...])
        guard let number = NumberParser.parse(rest, decimalComma: decimalComma) else { return nil }
        if comparator != .equal, number < 0 { return nil }
        var value = LabValue(number, comparator: comparator)
        value.fractionDigits = writtenFractionDigits(rest, decimalComma: decimalComma)
        return value
    }

    /// The digits after the decimal separator of a plain decimal number (`2.0`: 1, `12`: 0),
    /// nil for an exponent or anything else.
    static func writtenFractionDigits(_ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Int? {
        var digits = 0
        var afterSeparator = false
        for byte in bytes {
            switch byte {
            case 0x30...0x39: if afterSeparator { digits += 1 }
            case 0x2E where !afterSeparator, 0x2C where decimalComma && !afterSeparator: afterSeparator = true
            case 0x20, 0x09, 0x2B, 0x2D: continue
            default: return nil
            }
        }
        return digits
    }

    /// Parses a string; see ``parse(_:decimalComma:)``.
    package static func parse(_ text: String, decimalComma: Bool = false) -> LabValue? {
        var copy = text
        return copy.withUTF8 { parse($0, decimalComma: decimalComma) }
    }

    /// A decimal as FHIR (`decimal`, a JSON number) and HL7 v3 (`REAL`, a PQ's `value`) write
    /// it, exponents allowed (``NumberParser/parseAllowingExponent(_:)``), with the digits it was
    /// written with kept (`2.0` is not `2`); nil when it is no such number.
    static func exchangeDecimal(_ written: String, comparator: Comparator = .equal) -> LabValue? {
        guard let number = NumberParser.parseAllowingExponent(written) else { return nil }
        var value = LabValue(number, comparator: comparator)
        var text = written
        value.fractionDigits = text.withUTF8 { writtenFractionDigits($0, decimalComma: false) }
        return value
    }
}
