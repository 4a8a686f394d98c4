import TriageModel

/// A number a rule or finding compares against, as data with its source (SPEC §6: thresholds
/// live in the knowledge data).
package struct Threshold: Sendable, Hashable, Codable {
    /// The id (`persistent-span-days`).
    package var id: ThresholdID
    /// The value.
    package var value: Double
    /// What it means, in a sentence.
    package var meaning: String
    /// Where it comes from.
    package var sources: [Source]
}
