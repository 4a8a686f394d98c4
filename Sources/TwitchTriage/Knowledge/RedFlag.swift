/// A red flag or warning sign, as the articles list it.
public struct RedFlag: Sendable, Hashable, Codable {
    /// The id (`progressive-weakness`, `atrophy`, `spreading`, …).
    public var id: String
    /// The sign as the articles state it.
    public var text: String
    /// The symptom ids of the vocabulary that show it, if any.
    public var symptoms: [String]
    /// Where it comes from (several articles may list it).
    public var sources: [Source]
}
