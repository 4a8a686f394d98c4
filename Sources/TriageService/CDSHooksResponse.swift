/// A CDS Hooks 2.0 Coding (system, code, display).
package struct CDSCoding: Codable, Sendable, Hashable {
    /// The code system.
    package var system: String
    /// The code.
    package var code: String
    /// A display (required for override reasons).
    package var display: String?
}

/// A card (CDS Hooks 2.0 "Card Attributes"). Optional members are nil, never empty: the
/// encoder leaves nil out, so no `null`, `""` or `[]` is ever written.
package struct CDSCard: Codable, Sendable, Hashable {
    /// The card's source.
    package struct Source: Codable, Sendable, Hashable {
        /// A short label.
        package var label: String
        /// The topic.
        package var topic: CDSCoding?
    }

    /// A suggestion.
    package struct Suggestion: Codable, Sendable, Hashable {
        /// The button's label.
        package var label: String
        /// The suggestion's uuid (feedback names it).
        package var uuid: String?
        /// Whether it is recommended.
        package var isRecommended: Bool?
        /// Its actions.
        package var actions: [Action]?
    }

    /// A suggested action.
    package struct Action: Codable, Sendable, Hashable {
        /// `create`.
        package var type: String
        /// What it does.
        package var description: String
        /// The resource to create.
        package var resource: JSONNode?
    }

    /// The card's uuid.
    package var uuid: String?
    /// One sentence under 140 characters.
    package var summary: String
    /// `info`, `warning`, `critical`.
    package var indicator: String
    /// Markdown.
    package var detail: String?
    /// The source.
    package var source: Source
    /// The suggestions.
    package var suggestions: [Suggestion]?
    /// `any` whenever there are suggestions.
    package var selectionBehavior: String?
    /// Override reasons.
    package var overrideReasons: [CDSCoding]?
}

/// The service's answer: `{"cards": [...]}` (no `systemActions`).
package struct CDSHooksResponse: Codable, Sendable, Hashable {
    /// The cards.
    package var cards: [CDSCard]
}

/// The feedback body (`POST /cds-services/{id}/feedback`).
package struct CDSFeedbackRequest: Decodable, Sendable {
    /// One item.
    package struct Item: Decodable, Sendable {
        /// An accepted suggestion.
        package struct Accepted: Decodable, Sendable {
            /// Its uuid.
            package var id: String
        }

        /// An override reason.
        package struct OverrideReason: Decodable, Sendable {
            /// The reason's Coding.
            package var reason: CDSCoding?
        }

        /// The card's uuid.
        package var card: String
        /// `accepted` or `overridden`.
        package var outcome: String
        /// The accepted suggestions.
        package var acceptedSuggestions: [Accepted]?
        /// The override reason.
        package var overrideReason: OverrideReason?
        /// When.
        package var outcomeTimestamp: String
    }

    /// The items.
    package var feedback: [Item]
}

/// The discovery document (`GET /cds-services`).
package struct CDSDiscovery: Codable, Sendable, Hashable {
    /// One service.
    package struct Service: Codable, Sendable, Hashable {
        /// The hook.
        package var hook: String
        /// The id.
        package var id: String
        /// A title.
        package var title: String
        /// A description.
        package var description: String
        /// Prefetch templates.
        package var prefetch: [String: String]?
        /// What the service needs.
        package var usageRequirements: String?
    }

    /// The services.
    package var services: [Service]
}
