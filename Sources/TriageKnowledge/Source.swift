/// Where a knowledge row comes from: one of the four articles by its short name
/// (`shared/seeds/README.md`), or, for lab facts, a named reference.
package struct Source: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The article's short name (`arm-twitching-guide`) or the reference's name.
    package var name: String
    /// What the row takes from it, in the source's words where short ("Twitching that lasts
    /// more than two weeks without improvement"), or a section name.
    package var quote: String?

    /// Creates a source.
    package init(_ name: String, quote: String? = nil) {
        self.name = name
        self.quote = quote
    }

    /// The short name.
    package var description: String { name }

    package static func < (lhs: Source, rhs: Source) -> Bool { (lhs.name, lhs.quote ?? "") < (rhs.name, rhs.quote ?? "") }
}
