import Testing
import TriageIngest

/// SPEC §3.10: a UTF-8 byte order mark at the start of every text format, and CR, LF and CRLF
/// line ends, read the same as without (issue 19).
@Suite struct ByteOrderMarkTests {
    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Reads `text` with and without a byte order mark and returns both results.
    private func both(_ text: String, file: String) throws -> (plain: ReadResult, marked: ReadResult) {
        let plain = try #require(ExchangeTest.result(ExchangeTest.read(bytes: Array(text.utf8), file: file)))
        let marked = try #require(ExchangeTest.result(ExchangeTest.read(bytes: Self.bom + Array(text.utf8), file: file)))
        return (plain, marked)
    }

    @Test func hl7v2WithAndWithoutMarkAndEveryLineEnd() throws {
        let segments = [
            #"MSH|^~\&|LAB|HOSP|EHR|CLINIC|20261002091500||ORU^R01|1|P|2.3"#,
            "PID|1||P001^^^HOSP^MR",
            "OBR|1|||CHEM|||20261002081000",
            "OBX|1|NM|2823-3^Potassium^LN||3.1|mmol/L|3.5-5.1|L|||F",
        ]
        for end in ["\r", "\n", "\r\n"] {
            let (plain, marked) = try both(segments.joined(separator: end) + end, file: "m.hl7")
            #expect(plain.labs.map(ExchangeTest.summary) == ["P001 2823-3 3.1 mmol/L 3.5-5.1 L 2026-10-02T08:10:00"])
            #expect(marked.labs == plain.labs)
            #expect(ExchangeTest.messages(marked) == [])
            #expect(!marked.rejected)
        }
    }

    @Test func hl7v2MarkKeepsColumnsOfTheFirstLine() throws {
        let text = "MSH|^~\\&|LAB|HOSP|EHR|CLINIC|20261002||ADT^A01|1|P|2.3\r"
        let marked = try #require(ExchangeTest.result(ExchangeTest.read(bytes: Self.bom + Array(text.utf8), file: "m.hl7")))
        let plain = try #require(ExchangeTest.result(ExchangeTest.read(text, file: "m.hl7")))
        #expect(ExchangeTest.messages(marked) == ["m.hl7:1:40: MSH-9 message type is not ORU^R01; message skipped"])
        #expect(ExchangeTest.messages(marked) == ExchangeTest.messages(plain))
    }

    @Test func labCSVWithAndWithoutMark() throws {
        for end in ["\n", "\r\n", "\r"] {
            let text = ["patient_id,collected_at,test,value,unit", "P001,2026-10-02,potassium,3.1,mmol/L"].joined(separator: end) + end
            let (plain, marked) = try both(text, file: "labs.csv")
            #expect(plain.labs.count == 1)
            #expect(marked.labs == plain.labs)
            #expect(ExchangeTest.messages(marked) == [])
        }
    }

    @Test func journalTSVWithAndWithoutMark() throws {
        let text = "patient_id\tdate\tweakness\r\nP1\t2026-10-01\t1\r\n"
        let (plain, marked) = try both(text, file: "journal.tsv")
        #expect(plain.journal.count == 1)
        #expect(marked.journal == plain.journal)
    }

    @Test func fhirJSONAndNDJSONWithAndWithoutMark() throws {
        let observation =
            #"{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2823-3"}]},"subject":{"reference":"Patient/P001"},"effectiveDateTime":"2026-10-02","valueQuantity":{"value":3.1,"code":"mmol/L"}}"#
        let (plain, marked) = try both(observation, file: "o.json")
        #expect(plain.labs.count == 1)
        #expect(marked.labs == plain.labs)
        let lines = try both(observation + "\r\n" + observation.replacing("3.1", with: "4.0") + "\r\n", file: "o.ndjson")
        #expect(lines.plain.labs.count == 2)
        #expect(lines.marked.labs == lines.plain.labs)
    }

    @Test func labXMLAndCCDAWithAndWithoutMark() throws {
        let lab =
            "<labResults version=\"1\">\r\n<result patient=\"P001\" collected=\"2026-10-02\" test=\"potassium\" unit=\"mmol/L\">3.1</result>\r\n</labResults>\r\n"
        let (plain, marked) = try both(lab, file: "labs.xml")
        #expect(plain.labs.count == 1)
        #expect(marked.labs == plain.labs)
        let ccda = LocalCodeTests.ccda(
            code: #"<code code="2823-3" codeSystem="2.16.840.1.113883.6.1"/>"#, value: #"<value xsi:type="PQ" value="3.1" unit="mmol/L"/>"#)
        let documents = try both(ccda, file: "d.xml")
        #expect(documents.plain.labs.count == 1)
        #expect(documents.marked.labs == documents.plain.labs)
    }
}
