/// One row of a feature-contrast table: a feature, how it looks in the benign pattern and how
/// it looks in the concerning one (SPEC §5).
public struct FeatureContrast: Sendable, Hashable, Codable {
    /// The table (`normal-vs-serious`, `anxiety-bfs-vs-als`, `eyelid-vs-ms`).
    public var table: String
    /// The row's id, unique in its table (`duration`, `weakness`).
    public var id: String
    /// The feature ("Duration").
    public var feature: String
    /// The benign column's text.
    public var benign: String
    /// The concerning column's text.
    public var concerning: String
    /// Conditions the benign column speaks for (`bfs`, `anxiety-twitching`).
    public var benignConditions: [String]
    /// Conditions the concerning column speaks for (`als`, `multiple-sclerosis`).
    public var concerningConditions: [String]
    /// Where it comes from.
    public var sources: [Source]
}
