import Foundation
import Testing
import TriageModel

/// The exchange-format half of the hostile-input corpus (SPEC §3.9, §3.8): JSON, NDJSON,
/// C-CDA and HL7 v2 files built to hurt, each with its exact message and the records kept.
@Suite struct HostileExchangeCorpusTests {
    @Test func deepJSONNestingStopsAtTheDepthLimit() throws {
        let outcome = HostileCorpus.read("deep-nesting.json")
        let result = try #require(outcome.result)
        #expect(result.labs.map(\.patientID) == ["H1"])
        #expect(
            outcome.messages == [
                "deep-nesting.json:3:179: JSON is malformed (nesting deeper than 128); rest of file skipped, 1 result before it kept"
            ])
    }

    @Test func brokenNDJSONLinesSkipOnlyThemselves() throws {
        let outcome = HostileCorpus.read("broken-lines.ndjson")
        let result = try #require(outcome.result)
        #expect(result.labs.map(\.value) == [LabValue(139), LabValue(141)])
        #expect(
            outcome.messages == [
                "broken-lines.ndjson:2:133: NDJSON line is malformed (unexpected end of input inside an object); line skipped",
                "broken-lines.ndjson:3:641: NDJSON line is malformed (nesting deeper than 128); line skipped",
            ])
    }

    @Test func hugeJSONStringIsRefusedPastEightMebibytes() throws {
        let text = #"{"resourceType":"Observation","valueString":""# + String(repeating: "x", count: 20 * 1024 * 1024) + "\"}"
        let outcome = HostileCorpus.read(Array(text.utf8), as: "huge-string.json")
        #expect(outcome.messages == ["huge-string.json:1:45: JSON is malformed (string longer than 8 MiB); file skipped"])
        #expect(outcome.result?.rejected == true)
    }

    @Test func billionLaughsInACCDADocumentStopsAtTheFirstReference() throws {
        let outcome = HostileCorpus.read("billion-laughs-ccda.xml")
        #expect(!String(describing: outcome).contains("lollol"))
        let result = try #require(outcome.result)
        #expect(result.kind == .ccda)
        #expect(result.labs.map(\.value) == [LabValue(4.4)])
        #expect(
            outcome.messages == [
                "billion-laughs-ccda.xml:19:108: XML uses an entity reference, which is never expanded in untrusted input; rest of file skipped, 1 result before it kept"
            ])
    }

    @Test func garbageInAnHL7FileSkipsOnlyItsLines() throws {
        let outcome = HostileCorpus.read("hl7-garbage.hl7")
        let result = try #require(outcome.result)
        #expect(result.labs.map(\.value) == [LabValue(4.0)])
        #expect(
            outcome.messages == [
                "hl7-garbage.hl7:4: line is not an HL7 segment; line skipped",
                "hl7-garbage.hl7:6:23: OBX-5 value is not a number (or a censored one such as <5); result skipped",
            ])
    }

    @Test func tenMegabyteHL7SegmentIsSkipped() throws {
        let text =
            "MSH|^~\\&|LAB||EHR||20261002||ORU^R01|1|P|2.5\rPID|1||H5^^^^MR\rOBR|1||||||20261002\r"
            + "OBX|1|ED|PDF^Report^L||" + String(repeating: "A", count: 10 * 1024 * 1024) + "\r"
            + "OBX|2|NM|2823-3^K^LN||4.2|mmol/L|||||F\r"
        let outcome = HostileCorpus.read(Array(text.utf8), as: "big-segment.hl7")
        let result = try #require(outcome.result)
        #expect(result.labs.map(\.value) == [LabValue(4.2)])
        #expect(outcome.messages == ["big-segment.hl7:4: HL7 segment longer than 1 MiB; segment skipped"])
    }
}
