/// A lab value as reported: a number, possibly censored (`<5`, `>1500`), with its text.
///
/// A censored value is kept as such and classified by its bound (SPEC §3.6): `<5` pmol/L of a
/// vitamin whose lower limit is 148 is low; `<5` of something whose upper limit is 3 is
/// unclassified, because the value could be anywhere below 5.
public struct LabValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How the number bounds the true value.
    public enum Comparator: String, Sendable, Hashable, Codable {
        /// The value is the number.
        case equal = ""
        /// Below the number (`<`).
        case lessThan = "<"
        /// At or below the number (`<=`, `≤`).
        case lessThanOrEqual = "<="
        /// Above the number (`>`).
        case greaterThan = ">"
        /// At or above the number (`>=`, `≥`).
        case greaterThanOrEqual = ">="
    }

    /// The comparator; `.equal` for a plain value.
    public var comparator: Comparator
    /// The number (the bound, for a censored value).
    public var number: Double
    /// How many digits the report wrote after the decimal separator (`2.0` has 1), when parsed
    /// from text; nil for a computed value. Keeps "2.0 mg/dL" from printing as "2 mg/dL".
    public var fractionDigits: Int?

    /// Creates a value.
    public init(_ number: Double, comparator: Comparator = .equal) {
        self.number = number
        self.comparator = comparator
    }

    /// Values are equal when their comparator and number are: `2.0` equals `2` (the digits are
    /// how it was written, not what it is).
    public static func == (lhs: LabValue, rhs: LabValue) -> Bool {
        lhs.comparator == rhs.comparator && lhs.number == rhs.number
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(comparator)
        hasher.combine(number)
    }

    /// Whether the value is censored.
    public var isCensored: Bool { comparator != .equal }

    /// The same comparator with another number (after a unit conversion).
    public func mapNumber(_ transform: (Double) -> Double) -> LabValue {
        LabValue(transform(number), comparator: comparator)
    }

    /// `<5`, `1.5`.
    public var description: String { comparator.rawValue + NumberFormatting.shortest(number) }

    /// The value as the report wrote it: `2.0`, `<5`, `0.617` (the shortest text when the
    /// number of decimals is not known).
    public var reportedText: String {
        guard let fractionDigits else { return description }
        return comparator.rawValue + NumberFormatting.fixed(number, places: fractionDigits)
    }

    /// Parses `1.5`, `<5`, `< 5`, `<=5`, `≤5`, `>1500`, `>= 1500`, `≥1500`.
    ///
    /// - Parameters:
    ///   - bytes: the field's bytes.
    ///   - decimalComma: whether `,` is a decimal separator here.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool = false) -> LabValue? {
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        var comparator = Comparator.equal
        func at(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        if at(0) == 0x3C { // <
            comparator = .lessThan; index += 1
            if at(0) == 0x3D { comparator = .lessThanOrEqual; index += 1 }
        } else if at(0) == 0x3E { // >
            comparator = .greaterThan; index += 1
            if at(0) == 0x3D { comparator = .greaterThanOrEqual; index += 1 }
        } else if at(0) == 0xE2, at(1) == 0x89, at(2) == 0xA4 { // ≤
            comparator = .lessThanOrEqual; index += 3
        } else if at(0) == 0xE2, at(1) == 0x89, at(2) == 0xA5 { // ≥
            comparator = .greaterThanOrEqual; index += 3
        }
        let rest = UnsafeBufferPointer(rebasing: bytes[index...])
        guard let number = NumberParser.parse(rest, decimalComma: decimalComma) else { return nil }
        if comparator != .equal, number < 0 { return nil }
        var value = LabValue(number, comparator: comparator)
        value.fractionDigits = fractionDigits(rest, decimalComma: decimalComma)
        return value
    }

    /// The digits after the decimal separator of a plain decimal number (`2.0`: 1, `12`: 0),
    /// nil for an exponent or anything else.
    static func fractionDigits(_ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Int? {
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
    public static func parse(_ text: String, decimalComma: Bool = false) -> LabValue? {
        var copy = text
        return copy.withUTF8 { parse($0, decimalComma: decimalComma) }
    }
}
