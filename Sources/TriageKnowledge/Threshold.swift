/// A number a rule or finding compares against, as data with its source (SPEC §6: thresholds
/// live in the knowledge data).
public struct Threshold: Sendable, Hashable, Codable {
    /// The id (`persistent-span-days`).
    public var id: String
    /// The value.
    public var value: Double
    /// What it means, in a sentence.
    public var meaning: String
    /// Where it comes from.
    public var sources: [Source]
}
