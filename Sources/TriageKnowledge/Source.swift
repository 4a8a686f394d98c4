/// Where a knowledge row comes from: one of the four articles by its short name
/// (`shared/seeds/README.md`), or, for lab facts, a named reference.
public struct Source: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The article's short name (`arm-twitching-guide`) or the reference's name.
    public var name: String
    /// What the row takes from it, in the source's words where short ("Twitching that lasts
    /// more than two weeks without improvement"), or a section name.
    public var quote: String?

    /// Creates a source.
    public init(_ name: String, quote: String? = nil) {
        self.name = name
        self.quote = quote
    }

    /// The short name.
    public var description: String { name }

    public static func < (lhs: Source, rhs: Source) -> Bool { (lhs.name, lhs.quote ?? "") < (rhs.name, rhs.quote ?? "") }
}
