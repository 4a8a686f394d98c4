/// A date with an optional time of day and an optional UTC offset, as a record carried it.
///
/// Findings work on ``date`` (the calendar day the patient lived it); the time and offset are
/// kept so the report can show what was written.
public struct Timestamp: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The calendar date as written (not shifted by the offset).
    public var date: LocalDate
    /// Minutes after midnight, if a time was given.
    public var timeOfDayMinutes: Int?
    /// Seconds, if given (kept only for display).
    public var seconds: Int?
    /// Offset from UTC in minutes (`Z` is 0), if given.
    public var utcOffsetMinutes: Int?

    /// Creates a timestamp.
    public init(date: LocalDate, timeOfDayMinutes: Int? = nil, seconds: Int? = nil, utcOffsetMinutes: Int? = nil) {
        self.date = date
        self.timeOfDayMinutes = timeOfDayMinutes
        self.seconds = seconds
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// ISO 8601: `2026-10-01`, `2026-10-01T07:30`, `2026-10-01T08:10:00Z`, `…+02:00`.
    public var description: String {
        var text = date.description
        guard let minutes = timeOfDayMinutes else { return text }
        text += "T" + Timestamp.two(minutes / 60) + ":" + Timestamp.two(minutes % 60)
        if let seconds { text += ":" + Timestamp.two(seconds) }
        if let offset = utcOffsetMinutes {
            if offset == 0 { text += "Z" } else {
                let sign = offset < 0 ? "-" : "+"
                text += sign + Timestamp.two(abs(offset) / 60) + ":" + Timestamp.two(abs(offset) % 60)
            }
        }
        return text
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.date, lhs.timeOfDayMinutes ?? -1, lhs.seconds ?? -1) < (rhs.date, rhs.timeOfDayMinutes ?? -1, rhs.seconds ?? -1)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = DateParser.parse(text, order: nil) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 date-time: \(text)"))
        }
        self = parsed
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
