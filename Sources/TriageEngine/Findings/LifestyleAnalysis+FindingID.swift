import TriageModel

/// The finding of a lifestyle correlation; here, beside the analysis, so that Model's
/// ``FindingID`` depends on nothing of the findings.
extension FindingID {
    /// The finding of a lifestyle correlation (`correlation-caffeine`).
    package static func correlation(_ factor: LifestyleAnalysis.Factor) -> FindingID {
        FindingID(rawValue: correlationPrefix + factor.rawValue.findingSlug)
    }
}
