/// How soon a patient should be seen, from least to most (SPEC §6).
package enum Urgency: String, Sendable, Hashable, Comparable, CaseIterable {
    /// Lifestyle advice and when to come back.
    case selfCare = "self-care"
    /// An ordinary appointment.
    case routine
    /// Within days.
    case soon
    /// Now; same day when breathing is affected.
    case urgent

    private var rank: Int {
        switch self {
        case .selfCare: 0
        case .routine: 1
        case .soon: 2
        case .urgent: 3
        }
    }

    package static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.rank < rhs.rank }
}
