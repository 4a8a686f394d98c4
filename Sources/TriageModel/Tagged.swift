/// An id of one kind: a raw value (the text the tables, files and reports write) tagged with the
/// kind it names, so that a condition id is never passed where a rule, patient, symptom or
/// finding id is meant (issue 24; the pattern of Point-Free's swift-tagged).
///
/// Every kind of id of the tool is this one type with its own `Tag`: the kinds and their
/// aliases are in `IDKinds.swift`. The tag is never stored: a tagged id is exactly its raw
/// value in memory (a patient id costs what its `String` costs), and it is written, hashed,
/// compared and coded as its raw value, so reports and snapshots do not change.
///
/// A kind whose tag conforms to ``LiteralIDTag`` can be written as a string literal (rules name
/// their own ids that way); the others (finding ids) only through their named constants and
/// builders, so no literal in the rules can stand for one.
public struct Tagged<Tag, RawValue: Hashable & Sendable>: RawRepresentable, Hashable, Sendable {
    /// The id as the data writes it.
    public let rawValue: RawValue

    /// Wraps a raw value read from data.
    @inlinable
    public init(rawValue: RawValue) {
        self.rawValue = rawValue
    }

    /// Wraps a raw value read from data.
    @inlinable
    public init(_ rawValue: RawValue) {
        self.rawValue = rawValue
    }
}

/// A tag whose ids may be written as string literals (``Tagged``).
public protocol LiteralIDTag {}

extension Tagged: Comparable where RawValue: Comparable {
    /// Orders ids by their raw values.
    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Tagged: CustomStringConvertible where RawValue: CustomStringConvertible {
    /// The raw value's text.
    public var description: String { rawValue.description }
}

extension Tagged: Codable where RawValue: Codable {
    /// Reads the id as its raw value.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(RawValue.self)
    }

    /// Writes the id as its raw value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Tagged: ExpressibleByUnicodeScalarLiteral where RawValue == String, Tag: LiteralIDTag {
    /// Wraps an id written as a literal.
    @inlinable
    public init(unicodeScalarLiteral value: String) { rawValue = value }
}

extension Tagged: ExpressibleByExtendedGraphemeClusterLiteral where RawValue == String, Tag: LiteralIDTag {
    /// Wraps an id written as a literal.
    @inlinable
    public init(extendedGraphemeClusterLiteral value: String) { rawValue = value }
}

extension Tagged: ExpressibleByStringLiteral where RawValue == String, Tag: LiteralIDTag {
    /// Wraps an id written as a literal.
    @inlinable
    public init(stringLiteral value: String) { rawValue = value }
}

extension Sequence {
    /// The ids' raw texts joined, as a sentence lists them (`forearm, hand`).
    @inlinable
    package func joined<Tag>(separator: String = "") -> String where Element == Tagged<Tag, String> {
        map(\.rawValue).joined(separator: separator)
    }
}
