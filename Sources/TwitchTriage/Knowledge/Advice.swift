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
    /// For a when-to-come-back sign, the findings (ids) that make it moot: a patient who
    /// already has the sign is not told to come back for it (SPEC §7).
    public var mootWhen: [FindingID]?
}

extension Advice {
    /// The kinds `advice.json` may give (``KnowledgeRequirements`` refuses any other).
    enum Kind {
        /// Lifestyle advice, shown where its trigger is among the patient's exposures.
        static let lifestyle = "lifestyle"
        /// A when-to-come-back sign, always shown.
        static let comeBack = "return"
    }
}
