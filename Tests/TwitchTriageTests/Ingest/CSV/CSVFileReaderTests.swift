import Testing
import TriageIngest
import TriageModel

@Suite struct CSVFileReaderTests {
    @Test(
        arguments: [
            ([], "in.csv: file is empty; file skipped"),
            ([0xEF, 0xBB, 0xBF], "in.csv: file is empty; file skipped"),
            (Array("\r\n\n".utf8), "in.csv: file is empty; file skipped"),
            ([0xFF, 0xFE, 0x70, 0x00, 0x2C, 0x00], "in.csv: file is UTF-16 encoded, not UTF-8; file skipped"),
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "in.csv:1:6: not a CSV file (NUL byte in the header line); file skipped"),
            (
                Array("patient_id,d".utf8) + [0xE9] + Array("but\n".utf8),
                "in.csv:1:13: not a CSV file (invalid UTF-8 in the header line); file skipped"
            ),
            (Array("patient_id,\"date\nP1,2026-10-01\n".utf8), "in.csv:1:12: quote in the header line is never closed; file skipped"),
            (
                Array("patient_id,\"date\"x\nP1,2026-10-01\n".utf8),
                "in.csv:1:18: text after a closing quote in the header line; file skipped"
            ),
            (
                Array("patient_id,\"da\nte\"x\nP1,2026-10-01\n".utf8),
                "in.csv:2:4: text after a closing quote in the header line; file skipped"
            ),
            (
                Array("P001,2026-10-01,5\nP001,2026-10-02,3\n".utf8),
                "in.csv:1: header is not that of a journal, lab or patients CSV; file skipped"
            ),
            (Array("%PDF-1.7\n%âãÏÓ\n".utf8), "in.csv:1: header is not that of a journal, lab or patients CSV; file skipped"),
            (
                Array("patient_id,display_name\nP1,Jane\n".utf8),
                "in.csv:1: header is not that of a journal, lab or patients CSV; file skipped"
            ),
        ] as [([UInt8], String)])
    func refusesFilesThatAreNotCSVOfAKnownKind(bytes: [UInt8], expected: String) {
        let outcome = readCSV(bytes: bytes)
        #expect(outcome.refusal == expected)
    }

    @Test func aHeaderlessFileNeverLeaksItsFirstRow() {
        for text in ["SECRET-42,2026-10-01,5\n", "SECRET-42,2026-10-01,weakness\n", "SECRET-42,value,unit,x\n"] {
            let outcome = readCSV(text)
            #expect(outcome.messages.count == 1)
            #expect(outcome.messages.allSatisfy { !$0.contains("SECRET") && !$0.contains("2026") })
        }
    }

    @Test(arguments: [
        ("patient_id,test,value,unit", FileKind.labCSV, "in.csv:1: required column collected_at is missing; file skipped"),
        ("collected_at,value,unit", .labCSV, "in.csv:1: required columns patient_id, test or loinc or code are missing; file skipped"),
        ("patient_id,date,value", .labCSV, "in.csv:1: required columns unit, test or loinc or code are missing; file skipped"),
        ("date,location,twitch_count", .journalCSV, "in.csv:1: required column patient_id is missing; file skipped"),
        ("patient_id,weakness,notes", .journalCSV, "in.csv:1: required column date is missing; file skipped"),
        ("birth_date,sex", .patientCSV, "in.csv:1: required column patient_id is missing; file skipped"),
    ])
    func rejectsAKnownKindWithoutARequiredColumn(header: String, kind: FileKind, expected: String) throws {
        let result = try #require(readCSV(header + "\nP1,2026-10-01,3\n").result)
        #expect(result.kind == kind)
        #expect(result.rejected)
        #expect(result.diagnostics.map(\.description) == [expected])
        #expect(result.journal.isEmpty && result.labs.isEmpty && result.demographics.isEmpty)
    }

    @Test func headerOnlyIsReadWithAWarning() throws {
        let outcome = readCSV("patient_id,date,twitch_count\r\n")
        let result = try #require(outcome.result)
        #expect(!result.rejected)
        #expect(result.journal.isEmpty)
        #expect(outcome.messages == ["in.csv:1: file has a header but no rows; nothing read"])
        #expect(result.diagnostics.first?.severity == .warning)
    }

    @Test func aHeaderOverTwoLinesKeepsDiagnosticsInOrder() {
        let outcome = readCSV("patient_id,\"a\nb\",date,date\n")
        #expect(
            outcome.messages == [
                "in.csv:1:12: unknown column ignored: a b; column ignored",
                "in.csv:2:9: duplicate column date; first one used",
                "in.csv:2: file has a header but no rows; nothing read",
            ])
    }

    @Test func unknownColumnsGiveOneWarning() throws {
        let outcome = readCSV("patient_id,date,colour,twitch_count,mood\nP1,2026-10-01,red,3,fine\nP1,2026-10-02,blue,1,ok\n")
        #expect(outcome.messages == ["in.csv:1:17: unknown columns ignored: colour, mood; columns ignored"])
        #expect(outcome.result?.journal.map(\.twitchCount) == [3, 1])
        let single = readCSV("patient_id,date,colour\nP1,2026-10-01,red\n")
        #expect(single.messages == ["in.csv:1:17: unknown column ignored: colour; column ignored"])
    }

    @Test func longOrControlCharacterNamesAreTidiedInMessages() {
        let long = String(repeating: "x", count: 80)
        let outcome = readCSV("patient_id,date,\(long),\"\",\"a\tb\"\nP1,2026-10-01,,,\n")
        #expect(
            outcome.messages == [
                "in.csv:1:17: unknown columns ignored: \(String(repeating: "x", count: 59))…, (unnamed), a b; columns ignored"
            ])
    }

    @Test func reservationIsCapped() {
        #expect(CSVFileReader.reservation(Int.max / 2, of: LabRecord.self) == (1 << 30) / MemoryLayout<LabRecord>.stride)
        #expect(CSVFileReader.reservation(100, of: JournalRecord.self) == 100)
    }

    @Test func anUntypicalStartOnlyMisjudgesTheReservation() throws {
        // 64 KiB of short rows, then one 4 MB quoted field: the estimate is far too high.
        var text = "patient_id,date\n" + String(repeating: "P,2026-10-01\n", count: 6_000)
        text += "P,\"" + String(repeating: "y", count: 4_000_000) + "\"\n"
        let result = try #require(readCSV(text).result)
        #expect(result.journal.count == 6_000)
        #expect(result.diagnostics.map(\.description) == ["in.csv:6002:3: date is not a valid date or date-time; row skipped"])
    }

    @Test func duplicateColumnsUseTheFirst() throws {
        let outcome = readCSV("patient_id,date,recorded_at,Date\nP1,2026-10-01,2026-11-01,bad\n")
        #expect(
            outcome.messages == [
                "in.csv:1:17: duplicate column recorded_at (same as date); first one used",
                "in.csv:1:29: duplicate column Date; first one used",
            ])
        #expect(outcome.result?.journal.first?.timestamp.description == "2026-10-01")
        let same = readCSV("patient_id,date,date\nP1,2026-10-01,2026-11-01\n")
        #expect(same.messages == ["in.csv:1:17: duplicate column date; first one used"])
    }

    @Test func diagnosticsComeInFileOrder() throws {
        let text = "patient_id,date,weakness,mood\nP1,2026-10-01,5,x\nP1,2026-10-02,1,x,y\nP1,2026-10-03,2,\"a\"b\n"
        let outcome = readCSV(text, file: "dir/j.csv")
        #expect(
            outcome.messages == [
                "dir/j.csv:1:26: unknown column ignored: mood; column ignored",
                "dir/j.csv:2:15: weakness must be 0-3; row skipped",
                "dir/j.csv:3:19: row has 5 fields, header has 4; row skipped",
                "dir/j.csv:4:20: text after a closing quote; row skipped",
            ])
        #expect(outcome.result?.diagnostics == outcome.result?.diagnostics.sorted())
    }

    @Test func kindComesFromTheHeaderNeverTheName() throws {
        let result = try #require(readCSV("patient_id,date\nP1,2026-10-01\n", file: "labs.csv").result)
        #expect(result.kind == .journalCSV)
    }

    @Test func byteOrderMarkAndTabs() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("patient_id\tdate\tweakness\nP1\t2026-10-01\t4\n".utf8)
        let outcome = readCSV(bytes: bytes)
        #expect(outcome.messages == ["in.csv:2:15: weakness must be 0-3; row skipped"])
        #expect(outcome.result?.kind == .journalCSV)
    }

    @Test(arguments: [
        (["patient_id", "collected_at", "test", "value", "unit"], FileKind?.some(.labCSV)),
        (["patient_id", "date", "loinc", "value", "unit"], .labCSV),
        (["patient_id", "date", "value", "unit"], .labCSV),
        (["patient_id", "date"], .journalCSV),
        (["patient_id", "date", "value"], .labCSV),
        (["patient_id", "date", "location", "value"], .journalCSV),
        (["patient", "timestamp", "count"], .journalCSV),
        (["patient_id", "birth_date", "sex"], .patientCSV),
        (["patient_id", "age"], .patientCSV),
        (["patient_id", "age", "date"], .journalCSV),
        (["patient_id", "sex", "notes"], .patientCSV),
        (["patient_id", "notes"], nil),
        (["patient_id", "display_name"], nil),
        (["name", "colour"], nil),
    ])
    func detectsTheKind(names: [String], expected: FileKind?) {
        #expect(CSVKindDetector.kind(ofNormalizedNames: Set(names.map(CSVColumn.normalize))) == expected)
    }

    @Test(arguments: [
        ("Patient ID", "patient_id"), (" patient-id ", "patient_id"), ("PATIENT__ID", "patient_id"),
        ("Water L", "water_l"), ("PatientID", "patientid"), ("Ref-Low", "ref_low"), ("Café", "café"),
    ])
    func normalisesHeaderNames(name: String, expected: String) {
        #expect(CSVColumn.normalize(name) == expected)
    }
}
