import TriageModel

/// HL7 v2 dates and times (DTM, TS): `YYYYMMDD[HHMM[SS[.S…]]][+/-ZZZZ]`.
package enum HL7v2DateTime {
    /// The timestamp written in `text`; nil when it has no full date or is malformed.
    package static func parse(_ text: String) -> Timestamp? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    /// The timestamp written in `bytes`; nil when they hold no full date or are malformed.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let digit = bytes[index + offset] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            index += count
            return value
        }
        guard let year = digits(4), let month = digits(2), let day = digits(2),
            let date = LocalDate(year: year, month: month, day: day)
        else { return nil }
        var timestamp = Timestamp(date: date)
        guard index < bytes.count, bytes[index] &- 0x30 < 10 else {
            return index == bytes.count ? timestamp : offset(bytes, &index, timestamp)
        }
        guard let hour = digits(2), hour < 24 else { return nil }
        var minute = 0
        if index < bytes.count, bytes[index] &- 0x30 < 10 {
            guard let value = digits(2), value < 60 else { return nil }
            minute = value
        }
        timestamp.timeOfDayMinutes = hour * 60 + minute
        if index < bytes.count, bytes[index] &- 0x30 < 10 {
            guard let seconds = digits(2), seconds < 60 else { return nil }
            timestamp.seconds = seconds
            if index < bytes.count, bytes[index] == 0x2E {
                index += 1
                while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 }
            }
        }
        return offset(bytes, &index, timestamp)
    }

    private static func offset(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ timestamp: Timestamp) -> Timestamp? {
        guard index < bytes.count else { return timestamp }
        guard bytes[index] == 0x2B || bytes[index] == 0x2D, index + 5 == bytes.count else { return nil }
        let sign = bytes[index] == 0x2D ? -1 : 1
        var value = 0
        for offset in 1...4 {
            let digit = bytes[index + offset] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        var result = timestamp
        result.utcOffsetMinutes = sign * ((value / 100) * 60 + value % 100)
        index += 5
        return result
    }
}
