/// A CDS Hooks 2.0 Coding (system, code, display).
public struct CDSCoding: Codable, Sendable, Hashable {
    /// The code system.
    public var system: String
    /// The code.
    public var code: String
    /// A display (required for override reasons).
    public var display: String?
}

/// A card (CDS Hooks 2.0 "Card Attributes"). Optional members are nil, never empty: the
/// encoder leaves nil out, so no `null`, `""` or `[]` is ever written.
public struct CDSCard: Codable, Sendable, Hashable {
    /// The card's source.
    public struct Source: Codable, Sendable, Hashable {
        /// A short label.
        public var label: String
        /// The topic.
        public var topic: CDSCoding?
    }

    /// A suggestion.
    public struct Suggestion: Codable, Sendable, Hashable {
        /// The button's label.
        public var label: String
        /// The suggestion's uuid (feedback names it).
        public var uuid: String?
        /// Whether it is recommended.
        public var isRecommended: Bool?
        /// Its actions.
        public var actions: [Action]?
    }

    /// A suggested action.
    public struct Action: Codable, Sendable, Hashable {
        /// `create`.
        public var type: String
        /// What it does.
        public var description: String
        /// The resource to create.
        public var resource: JSONNode?
    }

    /// The card's uuid.
    public var uuid: String?
    /// One sentence under 140 characters.
    public var summary: String
    /// `info`, `warning`, `critical`.
    public var indicator: String
    /// Markdown.
    public var detail: String?
    /// The source.
    public var source: Source
    /// The suggestions.
    public var suggestions: [Suggestion]?
    /// `any` whenever there are suggestions.
    public var selectionBehavior: String?
    /// Override reasons.
    public var overrideReasons: [CDSCoding]?
}

/// The service's answer: `{"cards": [...]}` (no `systemActions`).
public struct CDSHooksResponse: Codable, Sendable, Hashable {
    /// The cards.
    public var cards: [CDSCard]
}

/// The feedback body (`POST /cds-services/{id}/feedback`).
public struct CDSFeedbackRequest: Decodable, Sendable {
    /// One item.
    public struct Item: Decodable, Sendable {
        /// An accepted suggestion.
        public struct Accepted: Decodable, Sendable {
            /// Its uuid.
            public var id: String
        }

        /// An override reason.
        public struct OverrideReason: Decodable, Sendable {
            /// The reason's Coding.
            public var reason: CDSCoding?
        }

        /// The card's uuid.
        public var card: String
        /// `accepted` or `overridden`.
        public var outcome: String
        /// The accepted suggestions.
        public var acceptedSuggestions: [Accepted]?
        /// The override reason.
        public var overrideReason: OverrideReason?
        /// When.
        public var outcomeTimestamp: String
    }

    /// The items.
    public var feedback: [Item]
}

/// The discovery document (`GET /cds-services`).
public struct CDSDiscovery: Codable, Sendable, Hashable {
    /// One service.
    public struct Service: Codable, Sendable, Hashable {
        /// The hook.
        public var hook: String
        /// The id.
        public var id: String
        /// A title.
        public var title: String
        /// A description.
        public var description: String
        /// Prefetch templates.
        public var prefetch: [String: String]?
        /// What the service needs.
        public var usageRequirements: String?
    }

    /// The services.
    public var services: [Service]
}
