/// A condition from the knowledge tables that the findings touch, with what speaks for and
/// against it (SPEC §6). Never called a diagnosis.
public struct Consideration: Sendable, Hashable {
    /// The condition's name.
    public var condition: String
    /// The condition's id in the knowledge tables.
    public var conditionID: String
    /// What speaks for it: findings and contrast-table rows, one sentence each.
    public var supporting: [String]
    /// What speaks against it.
    public var opposing: [String]
    /// The diagnostic approach the articles give.
    public var diagnosticApproach: String
    /// The articles it rests on.
    public var sources: [String]
    /// `unlikely` when the condition is listed only to say so (the worried patient without its
    /// key signs, SPEC §6); nil when it is considered.
    public var assessment: String?

    /// Creates a consideration.
    public init(condition: String, conditionID: String, supporting: [String], opposing: [String],
                diagnosticApproach: String, sources: [String]) {
        self.condition = condition
        self.conditionID = conditionID
        self.supporting = supporting
        self.opposing = opposing
        self.diagnosticApproach = diagnosticApproach
        self.sources = sources
    }

    enum CodingKeys: String, CodingKey {
        case condition, conditionID = "conditionId", supporting = "for", opposing = "against", diagnosticApproach, sources, assessment
    }
}
