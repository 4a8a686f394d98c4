// libFuzzer target: `DateParser` (`make fuzz`; see Fuzz/README.md).
//
// Input: the first byte picks the date order (none, mdy, dmy); the rest is the field.
//
// Beyond "no crash", every date read checks that:
// - its parts are in range (a real calendar day, a time of day under 24:00, seconds up to
//   60, an offset within ±14:59) and its day number maps back to the same day;
// - it round-trips: its ISO 8601 text reads back, without a date order, as the same value;
// - the `String` overload agrees with the bytes overload.
// Built without `-DFUZZING` (as `swift build` and `swift test` do) it only says how to run it.
import TriageIngest
import TriageModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

/// Stops the fuzzer with a message when an invariant does not hold (libFuzzer saves the input).
func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        printError("invariant broken: \(message())")
        abort()
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// Parses one input, checking the invariants above.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data, count > 0 else { return 0 }
    let order: DateOrder? = [nil, .mdy, .dmy][Int(data[0] % 3)]
    let bytes = UnsafeBufferPointer(start: data + 1, count: count - 1)
    let parsed = try? DateParser.parse(bytes, order: order).get()
    if let text = String(validating: bytes, as: UTF8.self) {
        check(DateParser.parse(text, order: order) == parsed, "String and bytes overloads disagree")
    }
    guard let parsed else { return 0 }
    let date = parsed.date
    check(LocalDate(year: date.year, month: date.month, day: date.day) == date, "not a calendar day: \(date)")
    check(LocalDate(dayNumber: date.dayNumber) == date, "day number does not map back: \(date)")
    check((0..<1440).contains(parsed.timeOfDayMinutes ?? 0), "time of day \(parsed.timeOfDayMinutes ?? 0)")
    check((0...60).contains(parsed.seconds ?? 0), "seconds \(parsed.seconds ?? 0)")
    check(abs(parsed.utcOffsetMinutes ?? 0) <= 14 * 60 + 59, "offset \(parsed.utcOffsetMinutes ?? 0)")
    check(parsed.seconds == nil || parsed.timeOfDayMinutes != nil, "seconds without a time")
    check(DateParser.parse(parsed.description, order: nil) == parsed, "\(parsed) does not read back")
    return 0
}

#if FUZZING
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, { fuzzOne($0, $1) }))
#else
printError("FuzzDateParser: built without -DFUZZING; run it with `make fuzz`")
exit(64)
#endif
