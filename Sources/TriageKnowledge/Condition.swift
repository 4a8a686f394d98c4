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
    /// The targeted examination when it is considered (SPEC §6.2, `examination[]`).
    public var examination: [String]?
    /// For a mimic of motor neuron disease or of another condition (SPEC §6.2 "Mimics"): the
    /// symptom ids that raise it.
    public var raisedBy: [String]?
    /// What separates the mimic from the condition it mimics.
    public var separatedBy: String?
    /// Where the row departs from a seed, and why (SPEC §6.4).
    public var departure: String?

    /// Creates a condition.
    public init(id: String, name: String, keySymptoms: [String], diagnosticApproach: String, sources: [Source]) {
        self.id = id
        self.name = name
        self.keySymptoms = keySymptoms
        self.diagnosticApproach = diagnosticApproach
        self.sources = sources
    }
}
