/// A lab value as reported: a number, possibly censored (`<5`, `>1500`), with its text.
///
/// A censored value is kept as such and classified by its bound (SPEC §3.6): `<5` pmol/L of a
/// vitamin whose lower limit is 148 is low; `<5` of something whose upper limit is 3 is
/// unclassified, because the value could be anywhere below 5.
public struct LabValue: Sendable, Hashable, CustomStringConvertible {
    /// How the number bounds the true value.
    public enum Comparator: String, Sendable, Hashable {
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

    /// The number (the bound, for a censored value). (Declared first: the one-byte fields
    /// after it keep the value at ten bytes.)
    public var number: Double
    /// The comparator; `.equal` for a plain value.
    public var comparator: Comparator
    @usableFromInline var storedFractionDigits: Int8 = -1

    /// How many digits the report wrote after the decimal separator (`2.0` has 1), when parsed
    /// from text; nil for a computed value. Keeps "2.0 mg/dL" from printing as "2 mg/dL". (Kept
    /// in one byte: more than 127 digits are taken as not known.)
    @inlinable
    package var fractionDigits: Int? {
        get { storedFractionDigits < 0 ? nil : Int(storedFractionDigits) }
        set { storedFractionDigits = newValue.flatMap { Int8(exactly: $0) } ?? -1 }
    }

    /// Creates a value.
    @inlinable
    package init(_ number: Double, comparator: Comparator = .equal) {
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
    package var isCensored: Bool { comparator != .equal }

    /// The same comparator with another number (after a unit conversion).
    package func mapNumber(_ transform: (Double) -> Double) -> LabValue {
        LabValue(transform(number), comparator: comparator)
    }

    /// `<5`, `1.5`.
    public var description: String { comparator.rawValue + NumberFormatting.shortest(number) }

    /// The value as the report wrote it: `2.0`, `<5`, `0.617` (the shortest text when the
    /// number of decimals is not known).
    package var reportedText: String {
        guard let fractionDigits else { return description }
        return comparator.rawValue + NumberFormatting.fixed(number, places: fractionDigits)
    }
}
