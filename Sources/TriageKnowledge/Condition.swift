import TriageModel

/// A condition from the articles' condition tables and lists (SPEC §5).
package struct Condition: Sendable, Hashable, Codable {
    /// The id (`bfs`, `als`, `peripheral-neuropathy`, …).
    package var id: ConditionID
    /// The name as reports show it ("Benign fasciculation syndrome (BFS)").
    package var name: String
    /// Key symptoms, as the articles list them.
    package var keySymptoms: [SymptomID]
    /// The diagnostic approach, as the articles state it.
    package var diagnosticApproach: String
    /// Where it comes from.
    package var sources: [Source]
    /// The targeted examination when it is considered (SPEC §6.2, `examination[]`).
    package var examination: [String]?
    /// For a mimic of motor neuron disease or of another condition (SPEC §6.2 "Mimics"): the
    /// symptom ids that raise it.
    package var raisedBy: [SymptomID]?
    /// What separates the mimic from the condition it mimics.
    package var separatedBy: String?
    /// Where the row departs from a seed, and why (SPEC §6.4).
    package var departure: String?

    /// Creates a condition.
    package init(id: ConditionID, name: String, keySymptoms: [SymptomID], diagnosticApproach: String, sources: [Source]) {
        self.id = id
        self.name = name
        self.keySymptoms = keySymptoms
        self.diagnosticApproach = diagnosticApproach
        self.sources = sources
    }
}
