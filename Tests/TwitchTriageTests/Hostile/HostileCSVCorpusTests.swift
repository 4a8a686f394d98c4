import Foundation
import Testing
import TriageModel

/// The CSV half of the hostile-input corpus (SPEC §3.2, §3.8): each file is refused whole
/// with one clear diagnostic, or read with a clear `file:line:column:` error for each bad row
/// and every good row kept; the records counted show that the scan got to the end.
@Suite struct HostileCSVCorpusTests {
    @Test func binaryDataIsRefused() {
        #expect(
            HostileCorpus.read("binary.csv").refusal == "binary.csv:1:1: not a CSV file (invalid UTF-8 in the header line); file skipped")
    }

    @Test func nulByteSkipsItsRowOnly() throws {
        let outcome = HostileCorpus.read("nul-bytes.csv")
        let result = try #require(outcome.result)
        #expect(result.journal.map(\.notes) == [["fine"], ["fine again"]])
        #expect(outcome.messages == ["nul-bytes.csv:3:27: notes contains a NUL byte; row skipped"])
    }

    /// Made at run time: a 1 MB quoted note with line breaks and doubled quotes, which is
    /// kept whole, and a 1 MB number, which is refused.
    @Test func megabyteFieldsAreReadOrRefusedByTheirColumn() throws {
        let line = String(repeating: "x", count: 1_000) + "\"\"\n"
        let note = String(repeating: line, count: 1_000)
        let digits = String(repeating: "9", count: 1_000_000)
        let csv =
            "patient_id,date,caffeine_mg,notes\nP001,2026-10-01,100,\"\(note)\"\nP001,2026-10-02,\(digits),short\nP001,2026-10-03,50,last\n"
        let outcome = HostileCorpus.read(Array(csv.utf8), as: "megabyte-field.csv")
        let result = try #require(outcome.result)
        #expect(result.journal.map(\.lifestyle.caffeineMilligrams) == [100, 50])
        #expect(result.journal.first?.notes.first?.utf8.count == 1_002_000)
        #expect(result.journal.first?.notes.first?.hasSuffix("x\"\n") == true)
        #expect(outcome.messages == ["megabyte-field.csv:1003:17: caffeine_mg is not a number; row skipped"])
    }

    @Test func unbalancedQuoteAtTheEndSkipsTheLastRow() throws {
        let outcome = HostileCorpus.read("unbalanced-quote-at-end.csv")
        let result = try #require(outcome.result)
        #expect(result.journal.map(\.notes) == [["fine"]])
        #expect(outcome.messages == ["unbalanced-quote-at-end.csv:3:27: quoted field is never closed; row skipped"])
    }

    /// Made at run time: 10,000 columns (9,998 unknown) and three rows of 10,000 fields.
    @Test func tenThousandColumnsMakeOneBoundedWarning() throws {
        let extra = (1...9_998).map { "extra\($0)" }
        var csv = (["patient_id", "date"] + extra).joined(separator: ",") + "\n"
        for day in 1...3 { csv += (["P001", "2026-10-0\(day)"] + extra.map { _ in "1" }).joined(separator: ",") + "\n" }
        let outcome = HostileCorpus.read(Array(csv.utf8), as: "wide.csv")
        let result = try #require(outcome.result)
        #expect(result.journal.count == 3)
        let listed = (1...10).map { "extra\($0)" }.joined(separator: ", ")
        #expect(outcome.messages == ["wide.csv:1:17: unknown columns ignored: \(listed) and 9988 more; columns ignored"])
    }

    @Test func rowsWithAnotherDelimiterAreSkipped() throws {
        let outcome = HostileCorpus.read("mixed-delimiters.csv")
        let result = try #require(outcome.result)
        #expect(result.journal.map(\.timestamp.date.description) == ["2026-10-01", "2026-10-04"])
        #expect(
            outcome.messages == [
                "mixed-delimiters.csv:3:40: row has 1 field, header has 4; row skipped",
                "mixed-delimiters.csv:4:34: row has 1 field, header has 4; row skipped",
            ])
    }

    @Test func byteOrderMarkAloneIsAnEmptyFile() {
        #expect(HostileCorpus.read("bom-only.csv").refusal == "bom-only.csv: file is empty; file skipped")
    }

    @Test func emptyFileIsRefused() {
        #expect(HostileCorpus.read("empty.csv").refusal == "empty.csv: file is empty; file skipped")
    }

    @Test func headerOnlyReadsNothingWithAWarning() throws {
        let outcome = HostileCorpus.read("header-only.csv")
        let result = try #require(outcome.result)
        #expect(result.kind == .labCSV)
        #expect(result.labs.isEmpty && !result.rejected)
        #expect(outcome.messages == ["header-only.csv:1: file has a header but no rows; nothing read"])
    }

    @Test func rowWithTooManyFieldsIsSkippedAtTheFirstExtraField() throws {
        let outcome = HostileCorpus.read("too-many-fields.csv")
        let result = try #require(outcome.result)
        #expect(result.labs.map(\.value) == [LabValue(1.9)])
        #expect(outcome.messages == ["too-many-fields.csv:3:31: row has 6 fields, header has 5; row skipped"])
    }
}

/// Every committed corpus file has a test that reads it.
@Suite struct HostileCorpusCoverageTests {
    @Test func everyCommittedFileIsReadByATest() throws {
        let folder = String("\(#filePath)".prefix(upTo: "\(#filePath)".lastIndex(of: "/")!))
        var sources = ""
        for name in [
            "HostileXMLCorpusTests.swift", "HostileCSVCorpusTests.swift", "HostileExchangeCorpusTests.swift",
            "HostileRealSystemsCorpusTests.swift",
        ] {
            sources += String(decoding: try #require(FileManager.default.contents(atPath: "\(folder)/\(name)")), as: UTF8.self)
        }
        let files = try HostileCorpus.committedFiles()
        #expect(files.count == 28)
        for file in files {
            #expect(sources.contains("HostileCorpus.read(\"\(file)\""), "no test reads \(file)")
        }
    }
}
