import Testing
import TriageModel

@Suite struct JournalCSVReaderTests {
    static let fullHeader =
        "patient_id,date,location,side,twitch_count,duration_min,at_rest,triggers,symptoms,weakness,"
        + "caffeine_mg,sleep_hours,stress,alcohol_units,water_l,exercise,medications,notes"

    @Test func readsEveryColumn() throws {
        let text =
            Self.fullHeader + "\n"
            + "P001,2026-10-01T07:30,\"right forearm; left calf\",right,5,2.5,yes,caffeine;stress,pins and needles,1,"
            + "300,5.5,7,2,1.5,intense,prednisone;salbutamol,\"after yard work, \"\"tired\"\"\"\n"
        let outcome = readCSV(text, file: "journal/p1.csv")
        let result = try #require(outcome.result)
        #expect(result.kind == .journalCSV)
        #expect(result.diagnostics.isEmpty)
        let entry = try #require(result.journal.first)
        #expect(entry.source == SourceLocation(file: "journal/p1.csv", line: 2))
        #expect(entry.patientID == "P001")
        #expect(entry.timestamp.description == "2026-10-01T07:30")
        #expect(
            entry.locations == [
                Term("right forearm", at: SourceLocation(file: "journal/p1.csv", line: 2, column: 24)),
                Term("left calf", at: SourceLocation(file: "journal/p1.csv", line: 2, column: 39)),
            ])
        #expect(entry.side?.text == "right")
        #expect(entry.side?.location.column == 50)
        #expect(entry.twitchCount == 5)
        #expect(entry.durationMinutes == 2.5)
        #expect(entry.atRest == true)
        #expect(entry.triggers.map(\.text) == ["caffeine", "stress"])
        #expect(entry.triggers.map { $0.location.column! } == [66, 75])
        #expect(
            entry.symptoms == [
                SymptomMention(name: Term("pins and needles", at: SourceLocation(file: "journal/p1.csv", line: 2, column: 82)))
            ])
        #expect(entry.weakness == 1)
        #expect(entry.lifestyle.caffeineMilligrams == 300)
        #expect(entry.lifestyle.sleepHours == 5.5)
        #expect(entry.lifestyle.stress == 7)
        #expect(entry.lifestyle.alcoholUnits == 2)
        #expect(entry.lifestyle.waterLitres == 1.5)
        #expect(entry.exercise?.text == "intense")
        #expect(entry.medications.map(\.text) == ["prednisone", "salbutamol"])
        #expect(entry.notes == ["after yard work, \"tired\""])
    }

    @Test func aliasesFreeOrderAndEmptyOptionalFields() throws {
        let text = "Notes;Episodes;Recorded-At;MRN;Weakness\n;;2026-10-02;P2;\n  keep  spaces ;0;2026-10-03 08:00;P2;0\n"
        let result = try #require(readCSV(text).result)
        #expect(result.diagnostics.isEmpty)
        #expect(result.journal.count == 2)
        let first = result.journal[0]
        #expect(first.twitchCount == nil && first.weakness == nil && first.notes.isEmpty && first.locations.isEmpty)
        #expect(result.journal[1].twitchCount == 0)
        #expect(result.journal[1].weakness == 0)
        #expect(result.journal[1].notes == ["  keep  spaces "])
        #expect(result.journal[1].timestamp.description == "2026-10-03T08:00")
    }

    @Test(arguments: [
        ("yes", true), ("No", false), ("TRUE", true), ("false", false), ("1", true), ("0", false),
        ("y", true), ("N", false),
    ])
    func atRestWords(word: String, expected: Bool) throws {
        let result = try #require(readCSV("patient_id,date,at_rest\nP1,2026-10-01,\(word)\n").result)
        #expect(result.journal.first?.atRest == expected)
    }

    @Test func decimalCommaInASemicolonFile() throws {
        let result = try #require(readCSV("patient_id;date;sleep_hours;water_l\nP1;2026-10-01;6,5;\"1,25\"\n").result)
        #expect(result.diagnostics.isEmpty)
        #expect(result.journal.first?.lifestyle.sleepHours == 6.5)
        #expect(result.journal.first?.lifestyle.waterLitres == 1.25)
    }

    @Test func listsInASemicolonFileAreQuoted() throws {
        let result = try #require(readCSV("patient_id;date;triggers\nP1;2026-10-01;\"caffeine; stress;;\"\n").result)
        #expect(result.journal.first?.triggers.map(\.text) == ["caffeine", "stress"])
        #expect(result.journal.first?.triggers.map { $0.location.column! } == [16, 26])
    }

    @Test func termsInAFieldThatSpansLinesHaveTheirOwnLine() throws {
        let result = try #require(readCSV("patient_id,date,location\nP1,2026-10-01,\"forearm;\n  calf\"\nP1,2026-10-02,hand\n").result)
        #expect(
            result.journal[0].locations.map(\.location) == [
                SourceLocation(file: "in.csv", line: 2, column: 16),
                SourceLocation(file: "in.csv", line: 3, column: 3),
            ])
        #expect(result.journal[1].source.line == 4)
    }

    @Test func slashDates() throws {
        let refused = readCSV("patient_id,date\nP1,10/01/2026\nP1,2026-10-02\n")
        #expect(refused.messages == ["in.csv:2:4: date is a slash date, ambiguous without --date-order mdy|dmy; row skipped"])
        #expect(refused.result?.journal.count == 1)
        #expect(refused.result?.diagnostics.first?.patientID == "P1")
        let mdy = try #require(readCSV("patient_id,date\nP1,10/01/2026\n", order: .mdy).result)
        #expect(mdy.journal.first?.timestamp.date.description == "2026-10-01")
        let dmy = try #require(readCSV("patient_id,date\nP1,10/01/2026\n", order: .dmy).result)
        #expect(dmy.journal.first?.timestamp.date.description == "2026-01-10")
    }

    /// Each bad-row rule of SPEC §3.2 and §3.8: the row is skipped, the rest is read, and the
    /// message names file, line, column and why, never the value.
    @Test(arguments: [
        ("P1,2026-13-01,1,,,", "in.csv:2:4: date is not a valid date or date-time; row skipped"),
        ("P1,,1,,,", "in.csv:2:4: date is empty; row skipped"),
        (",2026-10-01,1,,,", "in.csv:2:1: patient_id is empty; row skipped"),
        ("  ,2026-10-01,1,,,", "in.csv:2:1: patient_id is empty; row skipped"),
        ("P1,2026-10-01,many,,,", "in.csv:2:15: twitch_count is not a number; row skipped"),
        ("P1,2026-10-01,-1,,,", "in.csv:2:15: twitch_count must be 0 or more; row skipped"),
        ("P1,2026-10-01,2.5,,,", "in.csv:2:15: twitch_count must be a whole number; row skipped"),
        ("P1,2026-10-01,1,7,,", "in.csv:2:17: weakness must be 0-3; row skipped"),
        ("P1,2026-10-01,1,1.5,,", "in.csv:2:17: weakness must be a whole number; row skipped"),
        ("P1,2026-10-01,1,,11,", "in.csv:2:18: stress must be 0-10; row skipped"),
        ("P1,2026-10-01,1,,-0.5,", "in.csv:2:18: stress must be 0-10; row skipped"),
        ("P1,2026-10-01,1,,,sometimes", "in.csv:2:19: at_rest must be yes or no; row skipped"),
        (
            "P1,2026-10-01,\"1,5\",,,",
            "in.csv:2:15: twitch_count is not a number (a decimal comma is accepted only in ;-delimited files); row skipped"
        ),
        ("P1,2026-10-01,1,,,,", "in.csv:2:20: row has 7 fields, header has 6; row skipped"),
        ("P1,2026-10-01,1,,", "in.csv:2:18: row has 5 fields, header has 6; row skipped"),
        ("P1", "in.csv:2:3: row has 1 field, header has 6; row skipped"),
        ("P1,2026-10-01,\"1\"x,,,", "in.csv:2:18: text after a closing quote; row skipped"),
    ])
    func badRowIsSkipped(row: String, expected: String) throws {
        let text = "patient_id,date,twitch_count,weakness,stress,at_rest\n" + row + "\nP9,2026-10-05,3,0,2,no\n"
        let outcome = readCSV(text)
        let result = try #require(outcome.result)
        #expect(outcome.messages == [expected])
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.journal.map(\.patientID) == ["P9"])
        #expect(result.journal.first?.source.line == 3)
    }

    @Test(arguments: [
        ("sleep_hours", "25", "sleep_hours must be 0-24"), ("caffeine_mg", "-5", "caffeine_mg must be 0 or more"),
        ("duration_min", "-1", "duration_min must be 0 or more"), ("alcohol_units", "x", "alcohol_units is not a number"),
        ("water_l", "-0.1", "water_l must be 0 or more"),
    ])
    func lifestyleRanges(column: String, value: String, expected: String) {
        let outcome = readCSV("patient_id,date,\(column)\nP1,2026-10-01,\(value)\n")
        #expect(outcome.messages == ["in.csv:2:15: \(expected); row skipped"])
        #expect(outcome.result?.journal.isEmpty == true)
    }

    @Test func rowErrorsCarryThePatientButNeverItsValues() throws {
        let outcome = readCSV("MRN,date,weakness\nSECRET-77,2026-10-01,9\n")
        let diagnostic = try #require(outcome.result?.diagnostics.first)
        #expect(diagnostic.description == "in.csv:2:22: weakness must be 0-3; row skipped")
        #expect(diagnostic.patientID == "SECRET-77")
        #expect(!diagnostic.message.contains("SECRET") && !diagnostic.message.contains("9"))
    }

    @Test func columnNamesInMessagesAreTheHeadersOwn() {
        let outcome = readCSV("Patient ID,Recorded At,Twitch-Count\nP1,2026-10-01,x\n")
        #expect(outcome.messages == ["in.csv:2:15: Twitch-Count is not a number; row skipped"])
    }

    @Test func aMultiLineRowThatIsSkippedNamesItsLines() {
        let outcome = readCSV("patient_id,date,notes\nP1,2026-10-01,\"line one\nline two\",extra\nP1,2026-10-02,ok\n")
        #expect(outcome.messages == ["in.csv:3:11: row has 4 fields, header has 3; row skipped (lines 2-3)"])
        #expect(outcome.result?.journal.map(\.source.line) == [4])
    }

    @Test func unclosedQuoteSkipsItsRowAndReadsOn() {
        let outcome = readCSV("patient_id,date,notes\nP1,2026-10-01,\"never closed\nP1,2026-10-02,ok\n")
        #expect(outcome.messages == ["in.csv:2:15: quoted field is never closed; row skipped"])
        #expect(outcome.result?.journal.map(\.source.line) == [3])
    }

    @Test func strayQuoteIsKeptWithAWarning() throws {
        let outcome = readCSV("patient_id,date,notes\nP1,2026-10-01,scar 5\" long\n")
        #expect(outcome.messages == ["in.csv:2:21: quote inside an unquoted field; kept as a literal quote"])
        #expect(outcome.result?.diagnostics.first?.severity == .warning)
        #expect(outcome.result?.journal.first?.notes == ["scar 5\" long"])
    }

    @Test func blankRowsAreSkippedSilently() {
        let outcome = readCSV("patient_id,date,notes\n,,\n  \nP1,2026-10-01,\n , ,\n")
        #expect(outcome.messages.isEmpty)
        #expect(outcome.result?.journal.count == 1)
    }

    @Test func invalidTextIsARowError() {
        let bytes =
            Array("patient_id,date,notes\nP1,2026-10-01,caf".utf8) + [0xE9] + Array("\nP2,2026-10-01,a".utf8) + [0]
            + Array("b\n".utf8)
        let outcome = readCSV(bytes: bytes)
        #expect(
            outcome.messages == [
                "in.csv:2:15: notes is not valid UTF-8; row skipped",
                "in.csv:3:15: notes contains a NUL byte; row skipped",
            ])
        #expect(outcome.result?.diagnostics.map(\.patientID) == ["P1", "P2"])
    }
}
