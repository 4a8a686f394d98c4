/// A piece of lifestyle advice or a when-to-come-back sign from the articles.
public struct Advice: Sendable, Hashable, Codable {
    /// The id (`caffeine`, `sleep`, `hydration`, `stress`, `return-past-two-weeks`).
    public var id: String
    /// `lifestyle` or `return`.
    public var kind: String
    /// The advice as a report shows it.
    public var text: String
    /// The trigger or lifestyle factor it answers, if any (`caffeine`, `poor sleep`).
    public var trigger: String?
    /// Where it comes from.
    public var sources: [Source]
}
