/// Parses plain decimal numbers from bytes: `12`, `-3.5`, `+0.25`, `.5`, and `1,9` where a
/// decimal comma is allowed (`;`-delimited CSV, SPEC §3.2).
///
/// No exponents, no thousands separators, no `nan` or `inf`, and nothing too large for a
/// `Double` (over about 309 digits): a lab or journal value written any other way is a row
/// error, not a guess. Results are correctly rounded for up to 15
/// significant digits (integer mantissa divided by an exact power of ten); longer inputs fall
/// back to the standard library's parser.
package enum NumberParser {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Parses `text`; nil when it is not a plain decimal number.
    package static func parse(_ text: String, decimalComma: Bool = false) -> Double? {
        var copy = text
        return copy.withUTF8 { parse($0, decimalComma: decimalComma) }
    }

    /// Parses the bytes of a field, ignoring surrounding spaces.
    ///
    /// - Parameters:
    ///   - bytes: the field's bytes.
    ///   - decimalComma: whether `,` is accepted as the decimal separator (`.` always is).
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool = false) -> Double? {
        var index = 0
        var end = bytes.count
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        while end > index, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard index < end else { return nil }
        let begin = index
        var negative = false
        if bytes[index] == 0x2D || bytes[index] == 0x2B {
            negative = bytes[index] == 0x2D
            index += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var fractionDigits = 0
        var digits = 0
        var seenSeparator = false
        while index < end {
            let byte = bytes[index]
            if byte &- 0x30 < 10 {
                if mantissa != 0 || byte != 0x30 { significant += 1 }
                mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
                if seenSeparator { fractionDigits += 1 }
                digits += 1
            } else if !seenSeparator, byte == 0x2E || (decimalComma && byte == 0x2C) {
                seenSeparator = true
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        if significant > 15 || fractionDigits > 22 { return slowParse(bytes, begin, end, decimalComma) }
        let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }

    /// Parses a decimal as FHIR (`decimal`, a JSON number) and HL7 v3 (`REAL`, a PQ's
    /// `value`) may write it: the plain forms of ``parse(_:decimalComma:)``, or a plain
    /// mantissa with an exponent (`1.5e2`, `4.1E-1`, `2e+0`). CSV values never take this path
    /// (SPEC §3.2 has no exponents). Nil for anything else or a result too large for a `Double`.
    package static func parseAllowingExponent(_ written: String) -> Double? {
        let text = written.trimmingSpaces()
        guard let marker = text.utf8.firstIndex(where: { $0 == 0x65 || $0 == 0x45 }) else { return parse(text) }
        let mantissa = text.utf8[..<marker]
        var exponent = text.utf8[text.utf8.index(after: marker)...]
        if let sign = exponent.first, sign == 0x2B || sign == 0x2D { exponent = exponent.dropFirst() }
        guard parse(String(decoding: mantissa, as: UTF8.self)) != nil,
            (1...4).contains(exponent.count), exponent.allSatisfy({ $0 &- 0x30 < 10 }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    private static func slowParse(_ bytes: UnsafeBufferPointer<UInt8>, _ begin: Int, _ end: Int, _ decimalComma: Bool) -> Double? {
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<end]), as: UTF8.self)
        if decimalComma { text = text.replacingOccurrences(",", with: ".") }
        // Past about 309 digits the standard library reads infinity: not a number we accept.
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
