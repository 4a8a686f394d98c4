import Testing
import TriageRender

/// The byte-level paths of the renderers write what the character-level ones did.
@Suite struct RenderBytesTests {
    @Test func jsonStringsEscapeControlsAndLineSeparatorsAndKeepOtherText() {
        let value = JSONValue.string("a\u{01}b\u{2028}c\u{2029}d\u{2013}\t\r\\\u{1F}é")
        #expect(value.written() == "\"a\\u0001b\\u2028c\\u2029d\u{2013}\\t\\r\\\\\\u001fé\"\n")
    }

    @Test func jsonKeysSortByTheirBytes() {
        let value = JSONValue.object(["é": .number(1), "z": .number(2), "Z": .number(3), "ab": .number(4), "a": .number(5)])
        #expect(value.written() == "{\n  \"Z\": 3,\n  \"a\": 5,\n  \"ab\": 4,\n  \"z\": 2,\n  \"é\": 1\n}\n")
    }

    @Test func fileNamesAreTheLastPartOfThePath() {
        #expect(ReportDocumentBuilder.fileName("drop/sub/journal.csv") == "journal.csv")
        #expect(ReportDocumentBuilder.fileName("journal.csv") == "journal.csv")
        #expect(ReportDocumentBuilder.fileName("drop/sub/") == "sub")
        #expect(ReportDocumentBuilder.fileName("/é.csv") == "é.csv")
        #expect(ReportDocumentBuilder.fileName("") == "")
    }
}
