// libFuzzer target: the CSV scanner (`make fuzz`; see the Makefile and Fuzz/README.md).
//
// Beyond "no crash", every input checks that:
// - every field's byte range lies inside the buffer, and fields start strictly later than the
//   one before (so the scanner always moves forward and cannot loop);
// - records start on strictly increasing lines, and there are no more records than lines;
// - every line and column is 1 or more, and a field's first byte maps back to its own
//   position (`CSVRecord.position(ofOffset:inField:)`);
// - in a record without a problem, an unquoted field holds no delimiter or line break, a
//   quoted field holds a line break only when it says it spans lines, and a quote only when
//   it says it has doubled quotes.
// Built without `-DFUZZING` (as `swift build` and `swift test` do) it only says how to run it.
import TriageIngest

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

/// Scans one input, checking the invariants above.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: count == 0 ? nil : data, count: count)
    guard var scanner = try? CSVScanner(bytes) else { return 0 }
    check(scanner.estimatedRemainingRecords() >= 0, "negative estimate")
    var lineBreaks = 0
    for index in 0..<count where bytes[index] == 0x0A || bytes[index] == 0x0D { lineBreaks += 1 }
    var record = CSVRecord()
    var records = 0
    var previousLine = 0
    var previousStart = -1
    while scanner.next(into: &record) {
        records += 1
        check(records <= lineBreaks + 1, "more records than lines")
        check(record.line > previousLine, "record line \(record.line) after \(previousLine)")
        previousLine = record.line
        check(record.end.line >= record.line && record.end.column >= 1, "record end \(record.end)")
        for index in 0..<record.count {
            let field = record[index]
            check(field.start >= 0 && field.start <= field.end && field.end <= count, "field range \(field.start)..<\(field.end) of \(count)")
            check(field.start > previousStart, "field start \(field.start) not after \(previousStart)")
            previousStart = field.start
            check(field.line >= record.line && field.column >= 1, "field position \(field.line):\(field.column)")
            let here = record.position(ofOffset: field.start, inField: index)
            let expected = CSVPosition(line: field.line, column: field.column + (field.isQuoted ? 1 : 0))
            check(here == expected, "first byte at \(here), field at \(expected)")
            guard record.problem == nil else { continue }
            let raw = record.rawBytes(index)
            if field.isQuoted {
                if !field.spansLines { check(!raw.contains(0x0A) && !raw.contains(0x0D), "line break in a one-line field") }
                if !field.hasEscapedQuotes { check(!raw.contains(0x22), "quote in a field without doubled quotes") }
            } else {
                check(!raw.contains(scanner.delimiter) && !raw.contains(0x0A) && !raw.contains(0x0D),
                      "delimiter or line break in an unquoted field")
            }
            _ = record.withBytes(index) { $0.count }
        }
    }
    return 0
}

#if FUZZING
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, { fuzzOne($0, $1) }))
#else
printError("FuzzCSVScanner: built without -DFUZZING; run it with `make fuzz`")
exit(64)
#endif
