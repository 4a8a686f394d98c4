/// Civil dates as days since 1970-01-01 (Howard Hinnant's algorithms), enough for a generator
/// that must not depend on the time zone or locale of the machine.
enum Calendar {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension ByteBuffer {
    /// Appends `YYYY-MM-DD`.
    mutating func date(_ days: Int) {
        let (y, m, d) = Calendar.civil(days)
        int(y, width: 4)
        byte(0x2D)
        int(m, width: 2)
        byte(0x2D)
        int(d, width: 2)
    }

    /// Appends `HH:MM`.
    mutating func time(_ minutes: Int) {
        int(minutes / 60, width: 2)
        byte(0x3A)
        int(minutes % 60, width: 2)
    }
}
