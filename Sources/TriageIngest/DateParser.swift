import TriageModel

/// Parses the dates and date-times of SPEC §3.2 from bytes, without Foundation.
///
/// Accepted: `2026-10-01`, `2026-10-01T07:30`, `2026-10-01T07:30:15`, fractional seconds,
/// an offset (`Z`, `+02:00`, `+0200`, `-05`), and a space instead of `T`. Slash dates
/// (`10/01/2026`, `1/9/2026 07:30`) only with a ``DateOrder``. Surrounding spaces are ignored.
package enum DateParser {
    /// Why a date could not be read.
    package enum Failure: Error, Sendable, Hashable {
        /// A slash date with no `--date-order` to say which part is the month.
        case slashDateNeedsOrder
        /// Not a date in any accepted form, or a day that does not exist.
        case invalid
    }

    /// Parses `text`; nil when it is not an accepted date.
    package static func parse(_ text: String, order: DateOrder?) -> Timestamp? {
        var copy = text
        return copy.withUTF8 { try? parse($0, order: order).get() }
    }

    /// Parses the bytes of a field.
    ///
    /// - Parameters:
    ///   - bytes: the field's bytes (UTF-8), quotes already removed.
    ///   - order: how to read slash dates; nil refuses them.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>, order: DateOrder?) -> Result<Timestamp, Failure> {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        var cursor = Cursor(bytes: bytes, index: start, end: end)

        let date: LocalDate
        guard let first = cursor.digits(min: 1, max: 4) else { return .failure(.invalid) }
        if first.count == 4, cursor.take(0x2D) {  // YYYY-MM-DD
            guard let month = cursor.digits(min: 2, max: 2), cursor.take(0x2D),
                let day = cursor.digits(min: 2, max: 2),
                let value = LocalDate(year: first.value, month: month.value, day: day.value)
            else { return .failure(.invalid) }
            date = value
        } else if first.count <= 2, cursor.take(0x2F) {  // a/b/YYYY
            guard let second = cursor.digits(min: 1, max: 2), cursor.take(0x2F),
                let year = cursor.digits(min: 4, max: 4)
            else { return .failure(.invalid) }
            guard let order else { return .failure(.slashDateNeedsOrder) }
            let (month, day) = order == .mdy ? (first.value, second.value) : (second.value, first.value)
            guard let value = LocalDate(year: year.value, month: month, day: day) else { return .failure(.invalid) }
            date = value
        } else {
            return .failure(.invalid)
        }
        if cursor.atEnd { return .success(Timestamp(date: date)) }

        guard cursor.take(0x54) || cursor.take(0x74) || cursor.take(0x20) else { return .failure(.invalid) }
        guard let hour = cursor.digits(min: 2, max: 2), hour.value < 24, cursor.take(0x3A),
            let minute = cursor.digits(min: 2, max: 2), minute.value < 60
        else { return .failure(.invalid) }
        var seconds: Int?
        if cursor.take(0x3A) {
            guard let second = cursor.digits(min: 2, max: 2), second.value < 61 else { return .failure(.invalid) }
            seconds = second.value
            if cursor.take(0x2E) || cursor.take(0x2C) {
                guard cursor.digits(min: 1, max: 9) != nil else { return .failure(.invalid) }
            }
        }
        var offset: Int?
        if cursor.take(0x5A) || cursor.take(0x7A) {
            offset = 0
        } else if let sign = cursor.sign() {
            guard let hours = cursor.digits(min: 2, max: 2), hours.value <= 14 else { return .failure(.invalid) }
            var minutes = 0
            if cursor.take(0x3A) {
                guard let m = cursor.digits(min: 2, max: 2), m.value < 60 else { return .failure(.invalid) }
                minutes = m.value
            } else if let m = cursor.digits(min: 2, max: 2) {
                guard m.value < 60 else { return .failure(.invalid) }
                minutes = m.value
            }
            offset = sign * (hours.value * 60 + minutes)
        }
        guard cursor.atEnd else { return .failure(.invalid) }
        return .success(
            Timestamp(
                date: date, timeOfDayMinutes: hour.value * 60 + minute.value,
                seconds: seconds, utcOffsetMinutes: offset))
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int
        let end: Int

        var atEnd: Bool { index == end }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < end, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func sign() -> Int? {
            if take(0x2B) { return 1 }
            if take(0x2D) { return -1 }
            return nil
        }

        /// Reads between `min` and `max` ASCII digits.
        mutating func digits(min: Int, max: Int) -> (value: Int, count: Int)? {
            var value = 0
            var count = 0
            while index < end, count < max, bytes[index] &- 0x30 < 10 {
                value = value * 10 + Int(bytes[index] &- 0x30)
                index += 1
                count += 1
            }
            return count >= min ? (value, count) : nil
        }
    }
}
