/// A condition from the articles' condition tables and lists (SPEC §5).
public struct Condition: Sendable, Hashable, Codable {
    /// The id (`bfs`, `als`, `peripheral-neuropathy`, …).
    public var id: String
    /// The name as reports show it ("Benign fasciculation syndrome (BFS)").
    public var name: String
    /// Key symptoms, as the articles list them.
    public var keySymptoms: [String]
    /// The diagnostic approach, as the articles state it.
    public var diagnosticApproach: String
    /// Where it comes from.
    public var sources: [Source]
}
