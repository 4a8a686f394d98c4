import TriageModel

/// A date-time as Apple Health exports write it: `2017-06-20 06:27:51 +0200`, the local time
/// with its own UTC offset.
///
/// The local day is the day as written (in that offset, SPEC §3.9); ``instant`` (seconds since
/// 1970 in UTC) orders and overlaps records written in different offsets.
struct AppleHealthDate: Hashable {
    /// The local day.
    var date: LocalDate
    /// Seconds since 1970-01-01 00:00 UTC.
    var instant: Int

    /// Parses `YYYY-MM-DD HH:MM:SS ±HHMM` (also `±HH:MM`); nil for anything else.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = XMLBytes.trimmed(bytes)
        guard text.count == 25 || text.count == 26 else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<(start + count) {
                let digit = Int(text[index]) - 0x30
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard text[4] == 0x2D, text[7] == 0x2D, text[10] == 0x20, text[13] == 0x3A, text[16] == 0x3A, text[19] == 0x20,
            let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
            let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
            hour < 24, minute < 60, second < 61,
            let date = LocalDate(year: year, month: month, day: day)
        else { return nil }
        let sign = text[20]
        guard sign == 0x2B || sign == 0x2D, let offsetHours = digits(21, 2) else { return nil }
        let offsetMinutes: Int
        if text.count == 26 {
            guard text[23] == 0x3A, let minutes = digits(24, 2) else { return nil }
            offsetMinutes = minutes
        } else {
            guard let minutes = digits(23, 2) else { return nil }
            offsetMinutes = minutes
        }
        guard offsetHours <= 18, offsetMinutes < 60 else { return nil }
        let offset = (offsetHours * 60 + offsetMinutes) * (sign == 0x2D ? -1 : 1)
        self.date = date
        self.instant = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offset * 60
    }

    /// Parses a birth date, `YYYY-MM-DD`; nil for anything else.
    static func birthDate(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        let text = XMLBytes.trimmed(bytes)
        guard text.count == 10, text[4] == 0x2D, text[7] == 0x2D else { return nil }
        var parts: [Int] = []
        for (start, count) in [(0, 4), (5, 2), (8, 2)] {
            var value = 0
            for index in start..<(start + count) {
                let digit = Int(text[index]) - 0x30
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            parts.append(value)
        }
        return LocalDate(year: parts[0], month: parts[1], day: parts[2])
    }
}
