import TriageModel

/// The findings named by the knowledge's typed ids; here, above Model, so that Model's
/// ``FindingID`` depends on nothing of the knowledge.
extension FindingID {
    /// The patient's notes name a condition as a worry (`worry-als`): a fear, never a finding of the disease.
    package static func concern(_ condition: ConditionID) -> FindingID { FindingID(rawValue: concernPrefix + condition.rawValue) }
}
