/// `timeframes.json`: the words for each urgency's timeframe, after NICE NG127's referral
/// terms, and for the same-day flag above them (SPEC §6).
public struct Timeframe: Sendable, Hashable, Codable {
    /// `same-day`, `urgent`, `soon`, `routine` or `self-care`.
    public var urgency: String
    /// The words ("to be seen within 2 weeks").
    public var timeframe: String
    /// Where it comes from.
    public var sources: [Source]

    /// The id of the same-day row.
    public static let sameDay = "same-day"
}
