// libFuzzer target: `NumberParser` and `LabValue.parse` (`make fuzz`; see Fuzz/README.md).
//
// Input: the first byte says whether a decimal comma is allowed; the rest is the field.
//
// Beyond "no crash", every number read checks that:
// - it is finite;
// - it equals the standard library's correctly rounded reading of the same text (the fast
//   path divides an integer mantissa by a power of ten, and must round the same way);
// - it round-trips: the text reports print for it (`NumberFormatting.shortest`) reads back as
//   the same number, when that text is a plain decimal;
// - a lab value's bound is not negative when censored, and the value round-trips through its
//   text the same way.
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

/// Whether `text` is written without an exponent (so that the parsers may read it).
func isPlainDecimal(_ text: String) -> Bool { !text.contains("e") && !text.contains("n") && !text.contains("i") }

/// Parses one input, checking the invariants above.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data, count > 0 else { return 0 }
    let decimalComma = data[0] & 1 != 0
    let bytes = UnsafeBufferPointer(start: data + 1, count: count - 1)
    if let number = NumberParser.parse(bytes, decimalComma: decimalComma) {
        check(number.isFinite, "not finite: \(number)")
        // Accepted text is ASCII digits, one separator, a sign and spaces or tabs around it.
        var text = String(decoding: bytes, as: UTF8.self).trimmingSpacesAndTabs()
        if decimalComma { text = String(text.map { $0 == "," ? "." : $0 }) }
        check(Double(text) == number, "\(text.debugDescription) read as \(number), the standard library says \(Double(text) ?? .nan)")
        let printed = NumberFormatting.shortest(number)
        if isPlainDecimal(printed) { check(NumberParser.parse(printed) == number, "\(number) prints as \(printed), which reads back differently") }
    }
    if let value = LabValue.parse(bytes, decimalComma: decimalComma) {
        check(value.number.isFinite, "lab value not finite")
        check(!value.isCensored || value.number >= 0, "negative censored bound")
        let printed = value.description
        if isPlainDecimal(printed) { check(LabValue.parse(printed) == value, "\(printed) reads back differently") }
    }
    return 0
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpacesAndTabs() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}

#if FUZZING
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, { fuzzOne($0, $1) }))
#else
printError("FuzzNumberParser: built without -DFUZZING; run it with `make fuzz`")
exit(64)
#endif
