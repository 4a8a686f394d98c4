/// A calendar date without a time zone, as clinicians write it.
///
/// Stored as year, month and day; ``dayNumber`` counts days so that spans and weeks are
/// plain subtraction. No `Foundation.Calendar`: a date here is the same on every host. Four
/// bytes: every record and entry carries one.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    @usableFromInline let storedYear: UInt16
    @usableFromInline let storedMonth: UInt8
    @usableFromInline let storedDay: UInt8

    /// The year, 1..9999.
    package var year: Int { Int(storedYear) }
    /// The month, 1..12.
    package var month: Int { Int(storedMonth) }
    /// The day of the month, 1..31 as the month allows.
    package var day: Int { Int(storedDay) }

    /// Creates a date, or nil when the day does not exist (2026-02-30).
    @inlinable
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= LocalDate.daysIn(month: month, year: year)
        else { return nil }
        self.storedYear = UInt16(year)
        self.storedMonth = UInt8(month)
        self.storedDay = UInt8(day)
    }

    /// The date `days` after the day number (as from ``dayNumber``), within years 1..9999
    /// (a day number outside them is kept at the nearest end).
    package init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        guard (1...9999).contains(year) else {
            self = year < 1 ? LocalDate(year: 1, month: 1, day: 1)! : LocalDate(year: 9999, month: 12, day: 31)!
            return
        }
        self.storedYear = UInt16(year)
        self.storedMonth = UInt8(m)
        self.storedDay = UInt8(d)
    }

    /// Days since 1970-01-01 (negative before).
    package var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` later (earlier when negative).
    package func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    package func days(to other: LocalDate) -> Int { other.dayNumber - dayNumber }

    /// Whole years from `self` to `other`, as an age is counted.
    package func years(to other: LocalDate) -> Int {
        var years = other.year - year
        if (other.month, other.day) < (month, day) { years -= 1 }
        return years
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.storedYear, lhs.storedMonth, lhs.storedDay) < (rhs.storedYear, rhs.storedMonth, rhs.storedDay)
    }

    @usableFromInline static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
