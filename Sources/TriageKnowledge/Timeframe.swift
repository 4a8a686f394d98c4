import TriageModel

/// `timeframes.json`: the words for each urgency's timeframe, after NICE NG127's referral
/// terms, and for the same-day flag above them (SPEC §6).
package struct Timeframe: Sendable, Hashable, Codable {
    /// `same-day`, `urgent`, `soon`, `routine` or `self-care`, or the id of a timeframe a red
    /// flag's step names (`read-today`, `phone-today`, `eye-24-hours`, `examination-week`).
    package var urgency: TimeframeID
    /// The words ("to be seen within 2 weeks").
    package var timeframe: String
    /// Where it comes from.
    package var sources: [Source]
}
