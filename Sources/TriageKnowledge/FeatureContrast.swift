import TriageModel

/// One row of a feature-contrast table: a feature, how it looks in the benign pattern and how
/// it looks in the concerning one (SPEC §5).
package struct FeatureContrast: Sendable, Hashable, Codable {
    /// The table (`normal-vs-serious`, `anxiety-bfs-vs-als`, `eyelid-vs-ms`).
    package var table: ContrastTableID
    /// The row's id, unique in its table (`duration`, `weakness`).
    package var id: ContrastRowID
    /// The feature ("Duration").
    package var feature: String
    /// The benign column's text.
    package var benign: String
    /// The concerning column's text.
    package var concerning: String
    /// Conditions the benign column speaks for (`bfs`, `anxiety-twitching`).
    package var benignConditions: [ConditionID]
    /// Conditions the concerning column speaks for (`als`, `multiple-sclerosis`).
    package var concerningConditions: [ConditionID]
    /// Where it comes from.
    package var sources: [Source]
}
