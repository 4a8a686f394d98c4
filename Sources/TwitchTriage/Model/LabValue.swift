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

    /// Creates a value.
    public init(_ number: Double, comparator: Comparator = .equal) {
        self.number = number
        self.comparator = comparator
    }

    /// Whether the value is censored.
    public var isCensored: Bool { comparator != .equal }

    /// The same comparator with another number (after a unit conversion).
    public func mapNumber(_ transform: (Double) -> Double) -> LabValue {
        LabValue(transform(number), comparator: comparator)
    }

    /// `<5`, `1.5`.
    public var description: String { comparator.rawValue + NumberFormatting.shortest(number) }

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
        return LabValue(number, comparator: comparator)
    }

    /// Parses a string; see ``parse(_:decimalComma:)``.
    public static func parse(_ text: String, decimalComma: Bool = false) -> LabValue? {
        var copy = text
        return copy.withUTF8 { parse($0, decimalComma: decimalComma) }
    }
}
