/// A date with an optional time of day and an optional UTC offset, as a record carried it.
///
/// Findings work on ``date`` (the calendar day the patient lived it); the time and offset are
/// kept so the report can show what was written. Ten bytes: the time, seconds and offset are
/// small integers with a sentinel for "not given".
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar date as written (not shifted by the offset).
    public var date: LocalDate
    @usableFromInline var storedMinutes: Int16
    @usableFromInline var storedOffset: Int16
    @usableFromInline var storedSeconds: Int8

    /// What the small fields hold for "not given".
    @usableFromInline static let none: Int16 = .min

    /// Creates a timestamp. Minutes are 0..<1440, seconds 0..<61 and the offset within a day,
    /// as the date parsers check; anything else is taken as not given.
    @inlinable
    package init(date: LocalDate, timeOfDayMinutes: Int? = nil, seconds: Int? = nil, utcOffsetMinutes: Int? = nil) {
        self.date = date
        self.storedMinutes = Timestamp.store(timeOfDayMinutes, within: 0..<1440)
        self.storedOffset = Timestamp.store(utcOffsetMinutes, within: -1440..<1441)
        self.storedSeconds = Timestamp.storeSeconds(seconds)
    }

    /// Minutes after midnight, if a time was given.
    package var timeOfDayMinutes: Int? {
        get { storedMinutes == Timestamp.none ? nil : Int(storedMinutes) }
        set { storedMinutes = Timestamp.store(newValue, within: 0..<1440) }
    }

    /// Seconds, if given (kept only for display).
    package var seconds: Int? {
        get { storedSeconds < 0 ? nil : Int(storedSeconds) }
        set { storedSeconds = Timestamp.storeSeconds(newValue) }
    }

    /// Offset from UTC in minutes (`Z` is 0), if given.
    package var utcOffsetMinutes: Int? {
        get { storedOffset == Timestamp.none ? nil : Int(storedOffset) }
        set { storedOffset = Timestamp.store(newValue, within: -1440..<1441) }
    }

    @usableFromInline static func storeSeconds(_ value: Int?) -> Int8 {
        guard let value, (0..<61).contains(value) else { return -1 }
        return Int8(value)
    }

    @usableFromInline static func store(_ value: Int?, within range: Range<Int>) -> Int16 {
        guard let value, range.contains(value) else { return none }
        return Int16(value)
    }

    /// ISO 8601: `2026-10-01`, `2026-10-01T07:30`, `2026-10-01T08:10:00Z`, `…+02:00`.
    public var description: String {
        var text = date.description
        guard let minutes = timeOfDayMinutes else { return text }
        text += "T" + Timestamp.two(minutes / 60) + ":" + Timestamp.two(minutes % 60)
        if let seconds { text += ":" + Timestamp.two(seconds) }
        if let offset = utcOffsetMinutes {
            if offset == 0 {
                text += "Z"
            } else {
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
}
