/// A piece of free text as the input wrote it, with the column it came from, before it is
/// matched to the vocabulary (a location, a symptom, a trigger, a medication).
public struct Term: Sendable, Hashable {
    /// The text, trimmed.
    public var text: String
    /// Where it was written.
    public var location: SourceLocation

    /// Creates a term.
    @inlinable
    package init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }
}
