// libFuzzer target: `DateParser` (`make fuzz`; see Fuzz/README.md).
//
// Input: the first byte picks the date order (none, mdy, dmy); the rest is the field.
//
// Beyond "no crash", every date read checks that:
// - its parts are in range (a real calendar day, a time of day under 24:00, seconds up to
//   60, an offset within ±14:59) and its day number maps back to the same day;
// - it round-trips: its ISO 8601 text reads back, without a date order, as the same value;
// - the `String` overload agrees with the bytes overload.
import FuzzSupport
import TriageIngest
import TriageModel

FuzzDriver.run("FuzzDateParser") { input in
    guard let selector = input.first else { return }
    let order: DateOrder? = [nil, .mdy, .dmy][Int(selector % 3)]
    let bytes = UnsafeBufferPointer(rebasing: input.dropFirst())
    let parsed = try? DateParser.parse(bytes, order: order).get()
    if let text = String(validating: bytes, as: UTF8.self) {
        check(DateParser.parse(text, order: order) == parsed, "String and bytes overloads disagree")
    }
    guard let parsed else { return }
    let date = parsed.date
    check(LocalDate(year: date.year, month: date.month, day: date.day) == date, "not a calendar day: \(date)")
    check(LocalDate(dayNumber: date.dayNumber) == date, "day number does not map back: \(date)")
    check((0..<1440).contains(parsed.timeOfDayMinutes ?? 0), "time of day \(parsed.timeOfDayMinutes ?? 0)")
    check((0...60).contains(parsed.seconds ?? 0), "seconds \(parsed.seconds ?? 0)")
    check(abs(parsed.utcOffsetMinutes ?? 0) <= 14 * 60 + 59, "offset \(parsed.utcOffsetMinutes ?? 0)")
    check(parsed.seconds == nil || parsed.timeOfDayMinutes != nil, "seconds without a time")
    check(DateParser.parse(parsed.description, order: nil) == parsed, "\(parsed) does not read back")
}
