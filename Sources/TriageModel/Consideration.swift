/// A condition from the knowledge tables that the findings touch, with what speaks for and
/// against it (SPEC §6). Never called a diagnosis.
package struct Consideration: Sendable, Hashable {
    /// The condition's name.
    package var condition: String
    /// The condition's id in the knowledge tables.
    package var conditionID: ConditionID
    /// What speaks for it: findings and contrast-table rows, one sentence each.
    package var supporting: [String]
    /// What speaks against it.
    package var opposing: [String]
    /// The diagnostic approach the articles give.
    package var diagnosticApproach: String
    /// The articles it rests on.
    package var sources: [String]
    /// `unlikely` when the condition is listed only to say so (the worried patient without its
    /// key signs, SPEC §6); nil when it is considered.
    package var assessment: String?

    /// Creates a consideration.
    package init(
        condition: String, conditionID: ConditionID, supporting: [String], opposing: [String],
        diagnosticApproach: String, sources: [String]
    ) {
        self.condition = condition
        self.conditionID = conditionID
        self.supporting = supporting
        self.opposing = opposing
        self.diagnosticApproach = diagnosticApproach
        self.sources = sources
    }

    enum CodingKeys: String, CodingKey {
        case condition
        case conditionID = "conditionId"
        case supporting = "for"
        case opposing = "against"
        case diagnosticApproach, sources, assessment
    }
}
