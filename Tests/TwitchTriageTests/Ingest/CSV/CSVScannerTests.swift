import TestSupport
import Testing
import TriageIngest

@Suite struct CSVScannerTests {
    @Test func plainFieldsAndPositions() throws {
        let (delimiter, records) = try scan("a,bb,ccc\n1,22,333\n")
        #expect(delimiter == 0x2C)
        #expect(records.map(\.texts) == [["a", "bb", "ccc"], ["1", "22", "333"]])
        #expect(
            records[1].fields == [
                ScannedField(text: "1", line: 2, column: 1), ScannedField(text: "22", line: 2, column: 3),
                ScannedField(text: "333", line: 2, column: 6),
            ])
        #expect(records[1].end == CSVPosition(line: 2, column: 9))
    }

    @Test func lineEndings() throws {
        for text in ["h1,h2\r\na,b\r\nc,d\r\n", "h1,h2\na,b\nc,d", "h1,h2\ra,b\rc,d\r"] {
            let records = try scan(text).records
            #expect(records.map(\.texts) == [["h1", "h2"], ["a", "b"], ["c", "d"]], "\(text.debugDescription)")
            #expect(records.map(\.line) == [1, 2, 3])
        }
    }

    @Test func lastLineWithoutLineBreakAndTrailingDelimiter() throws {
        let records = try scan("a,b,c\n1,2,").records
        #expect(records.map(\.texts) == [["a", "b", "c"], ["1", "2", ""]])
        #expect(records[1].fields[2] == ScannedField(text: "", line: 2, column: 5))
        #expect(records[1].end == CSVPosition(line: 2, column: 5))
    }

    @Test func quotedFieldsWithDelimitersAndDoubledQuotes() throws {
        let records = try scan("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"\"\n").records
        #expect(records[1].texts == ["x, y", "say \"hi\"", ""])
        #expect(records[1].fields.map(\.column) == [1, 8, 21])
    }

    @Test func unescapingOnlyWhereNeeded() throws {
        let bytes = Array("a,b\n\"plain\",\"x\"\"y\"\n".utf8)
        try bytes.withUnsafeBytes { raw in
            var scanner = try CSVScanner(raw)
            var record = CSVRecord()
            let first = scanner.next(into: &record)
            let second = scanner.next(into: &record)
            #expect(first && second)
            #expect(record.fields[0].hasEscapedQuotes == false)
            #expect(record.fields[1].hasEscapedQuotes)
            // Zero copy: the plain field's bytes are the scanned buffer's own.
            record.withBytes(0) { #expect(UnsafeRawPointer($0.baseAddress!) == raw.baseAddress! + 5) }
            #expect(Array(record.rawBytes(1)) == Array("x\"\"y".utf8))
            record.withBytes(1) { #expect(Array($0) == Array("x\"y".utf8)) }
        }
    }

    @Test func recordsKeepValueSemanticsWhenReused() throws {
        let bytes = Array(("a,b\n1,2\n" + (0..<40).map(String.init).joined(separator: ",") + "\n").utf8)
        try bytes.withUnsafeBytes { raw in
            var scanner = try CSVScanner(raw)
            var record = CSVRecord()
            _ = scanner.next(into: &record)
            let header = record
            let headerFields = record.fields
            _ = scanner.next(into: &record)
            _ = scanner.next(into: &record)  // 40 fields: storage grows past its first capacity
            #expect(header.count == 2 && header.string(1) == "b")
            #expect(headerFields.map(\.column) == [1, 3])
            #expect(record.count == 40 && record.string(39) == "39" && record[39].column == 108)
        }
    }

    @Test func embeddedLineBreaksKeepLineNumbersRight() throws {
        let text = "id,notes,n\n1,\"first\nsecond\r\nthird\",x\n2,plain,y\n"
        let records = try scan(text).records
        #expect(records[1].texts == ["1", "first\nsecond\r\nthird", "x"])
        #expect(records[1].line == 2)
        // The field after the embedded line breaks is on line 4, column 8 (after `third",`).
        #expect(records[1].fields[2] == ScannedField(text: "x", line: 4, column: 8))
        #expect(records[1].end == CSVPosition(line: 4, column: 9))
        #expect(records[2].line == 5)
        #expect(records[2].fields[1] == ScannedField(text: "plain", line: 5, column: 3))
    }

    @Test func positionInsideAFieldThatSpansLines() throws {
        let bytes = Array("a,b\n1,\"x;\n  yz\"\n".utf8)
        try bytes.withUnsafeBytes { raw in
            var scanner = try CSVScanner(raw)
            var record = CSVRecord()
            _ = scanner.next(into: &record)
            _ = scanner.next(into: &record)
            let field = record.fields[1]
            #expect(field.spansLines)
            #expect(record.position(ofOffset: field.start, inField: 1) == CSVPosition(line: 2, column: 4))
            #expect(record.position(ofOffset: field.start + 5, inField: 1) == CSVPosition(line: 3, column: 3))
        }
    }

    @Test func byteOrderMarkIsSkippedAndColumnsCountAfterIt() throws {
        let records = try scan(bytes: [0xEF, 0xBB, 0xBF] + Array("id,date\nP1,2026-10-01\n".utf8)).records
        #expect(records[0].fields == [ScannedField(text: "id", line: 1, column: 1), ScannedField(text: "date", line: 1, column: 4)])
        #expect(records[1].texts == ["P1", "2026-10-01"])
    }

    @Test(arguments: [
        ("a,b;c,d\n", UInt8(0x2C)), ("a;b;c,d\n", 0x3B), ("a\tb\tc;d\n", 0x09), ("a;\"x,y,z\";c\n", 0x3B),
        ("a,b;c\n", 0x2C), ("a;b\tc\n", 0x3B), ("single\n", 0x2C),
    ])
    func sniffsTheMostFrequentDelimiterOutsideQuotes(text: String, expected: UInt8) throws {
        #expect(try scan(text).delimiter == expected)
    }

    @Test func eachDelimiterSplitsFields() throws {
        #expect(try scan("a;b;c\n1;\"2;3\";4\n").records[1].texts == ["1", "2;3", "4"])
        #expect(try scan("a\tb\tc\n1\t\"2\t3\"\t4\n").records[1].texts == ["1", "2\t3", "4"])
        #expect(try scan("a;b\n1,9;2,5\n").records[1].texts == ["1,9", "2,5"])
    }

    @Test func emptyLinesAreSkipped() throws {
        let records = try scan("\n\r\na,b\n\n1,2\r\n\r\n3,4\n\n").records
        #expect(records.map(\.texts) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(records.map(\.line) == [3, 5, 7])
    }

    @Test func quoteInsideAnUnquotedFieldIsKeptLiterally() throws {
        let records = try scan("a,b\nscar 5\" long,x\n").records
        #expect(records[1].texts == ["scar 5\" long", "x"])
        #expect(records[1].problem == nil)
        #expect(records[1].strayQuote == CSVPosition(line: 2, column: 7))
    }

    @Test func textAfterAClosingQuoteIsAProblem() throws {
        let records = try scan("a,b,c\n\"abc\"def,x,y\n1,2,3\n").records
        #expect(records[1].problem == .textAfterClosingQuote(at: CSVPosition(line: 2, column: 6)))
        #expect(records[1].texts.count == 3)
        #expect(records[2].texts == ["1", "2", "3"])
        #expect(records[2].problem == nil)
    }

    @Test func unclosedQuoteResumesOnTheNextLine() throws {
        let records = try scan("a,b\n1,\"open\n2,x\n3,\"\"\"\"y\n").records
        #expect(records[1].problem == .unclosedQuote(at: CSVPosition(line: 2, column: 3)))
        #expect(records[1].end == CSVPosition(line: 5, column: 1))
        // After an unclosed quote, later quote runs are even and close where they open.
        #expect(records[2].texts == ["2", "x"])
        #expect(records[2].line == 3)
        #expect(records[3].problem == .textAfterClosingQuote(at: CSVPosition(line: 4, column: 7)))
        #expect(records.count == 4)
    }

    @Test func refusesWhatIsNotCSV() {
        #expect(throws: CSVScanner.Refusal.empty) { try scan("") }
        #expect(throws: CSVScanner.Refusal.empty) { try scan(bytes: [0xEF, 0xBB, 0xBF]) }
        #expect(throws: CSVScanner.Refusal.empty) { try scan("\n\r\n\n") }
        #expect(throws: CSVScanner.Refusal.utf16) { try scan(bytes: [0xFF, 0xFE, 0x61, 0x00]) }
        #expect(throws: CSVScanner.Refusal.nulByte(at: CSVPosition(line: 1, column: 3))) {
            try scan(bytes: [0x50, 0x4B, 0x00, 0x04, 0x0A])
        }
        #expect(throws: CSVScanner.Refusal.invalidUTF8(at: CSVPosition(line: 2, column: 4))) {
            try scan(bytes: Array("\nid,".utf8) + [0xC3, 0x28] + Array(",x\n".utf8))
        }
        #expect(throws: CSVScanner.Refusal.unclosedQuoteInHeader(at: CSVPosition(line: 1, column: 4))) {
            try scan("id,\"date\n1,2\n")
        }
    }

    @Test func binaryAfterTheHeaderIsNotCheckedByTheScanner() throws {
        // The scanner only delimits; readers refuse invalid text field by field.
        let records = try scan(bytes: Array("a,b\n".utf8) + [0x00, 0xFF, 0x2C, 0x01, 0x0A]).records
        #expect(records[1].fields.count == 2)
        #expect(records[1].texts[0] == "<invalid>")
    }

    @Test func utf8Validation() {
        func invalid(_ bytes: [UInt8]) -> Int? {
            bytes.withUnsafeBufferPointer { CSVScanner.firstInvalidUTF8($0, from: 0, to: $0.count) }
        }
        #expect(invalid(Array("héllo ≤ 😀".utf8)) == nil)
        #expect(invalid([0x61, 0xC0, 0x80]) == 1)  // overlong
        #expect(invalid([0xED, 0xA0, 0x80]) == 0)  // surrogate
        #expect(invalid([0xF4, 0x90, 0x80, 0x80]) == 0)  // above U+10FFFF
        #expect(invalid([0x61, 0xE2, 0x82]) == 1)  // truncated
        #expect(invalid([0x80]) == 0)
    }

    /// Random records written the RFC 4180 way and scanned back must match, field for field.
    @Test func roundTripsRandomRecords() throws {
        var generator = SplitMix64.forTest(defaultSeed: 4180)
        let alphabet: [String] = ["a", "b", "1", " ", ",", ";", "\"", "\n", "\r\n", "é", "\t", "x"]
        for delimiter in [",", ";", "\t"] {
            var expected: [[String]] = [["h1", "h2", "h3"]]
            var text = "h1\(delimiter)h2\(delimiter)h3\n"
            for _ in 0..<300 {
                let fields = (0..<3).map { _ in
                    String(
                        (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                            alphabet.randomElement(using: &generator)!
                        }.joined())
                }
                expected.append(fields)
                let delimiterByte: UInt8 = delimiter.utf8.first!
                let written: [String] = fields.map { (field: String) -> String in
                    let special: Bool = field.utf8.contains { $0 == delimiterByte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                    let escaped: String = field.replacingOccurrences("\"", "\"\"")
                    return special || field.isEmpty ? "\"" + escaped + "\"" : field
                }
                text += written.joined(separator: delimiter)
                text += Bool.random(using: &generator) ? "\r\n" : "\n"
            }
            let scanned = try scan(text)
            #expect(scanned.delimiter == UInt8(ascii: delimiter.unicodeScalars.first!))
            #expect(scanned.records.map(\.texts) == expected, "\(generator.reproduce)")
            #expect(scanned.records.allSatisfy { $0.problem == nil && $0.strayQuote == nil })
            // Line numbers: each record starts one line after the previous record's end.
            for (previous, record) in zip(scanned.records, scanned.records.dropFirst()) {
                #expect(record.line == previous.end.line + 1)
            }
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
