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
import FuzzSupport
import TriageIngest

FuzzDriver.run("FuzzCSVScanner") { input in
    let bytes = UnsafeRawBufferPointer(input)
    let count = bytes.count
    guard var scanner = try? CSVScanner(bytes) else { return }
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
            check(
                field.start >= 0 && field.start <= field.end && field.end <= count, "field range \(field.start)..<\(field.end) of \(count)")
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
                check(
                    !raw.contains(scanner.delimiter) && !raw.contains(0x0A) && !raw.contains(0x0D),
                    "delimiter or line break in an unquoted field")
            }
            _ = record.withBytes(index) { $0.count }
        }
    }
}
