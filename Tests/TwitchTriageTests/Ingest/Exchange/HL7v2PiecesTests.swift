import Testing
import TriageIngest

@Suite struct HL7v2PiecesTests {
    @Test func dateTimesWithSecondsFractionsAndOffsets() {
        #expect(HL7v2DateTime.parse("20261002")?.description == "2026-10-02")
        #expect(HL7v2DateTime.parse("202610020810")?.description == "2026-10-02T08:10")
        #expect(HL7v2DateTime.parse("20261002081005.1234-0500")?.description == "2026-10-02T08:10:05-05:00")
        #expect(HL7v2DateTime.parse("2026100208+0100")?.description == "2026-10-02T08:00+01:00")
        #expect(HL7v2DateTime.parse("202610") == nil)
        #expect(HL7v2DateTime.parse("20261302") == nil)
        #expect(HL7v2DateTime.parse("20261002 0810") == nil)
    }

    @Test func escapeSequencesDecodeWithTheMessagesOwnCharacters() {
        let standard = HL7v2Delimiters()
        func text(_ raw: String, _ delimiters: HL7v2Delimiters = HL7v2Delimiters()) -> String {
            var copy = raw
            return copy.withUTF8 { delimiters.text($0) }
        }
        #expect(text(#"a\F\b\S\c\T\d\R\e\E\f"#) == #"a|b^c&d~e\f"#)
        #expect(text(#"mmol\X2F\L"#) == "mmol/L")
        #expect(text(#"line\.br\next \H\bold\N\"#) == "line next bold")
        #expect(text(#"unterminated \F"#) == #"unterminated \F"#)
        let other = Array("MSH#$%!@#".utf8).withUnsafeBufferPointer { HL7v2Delimiters(header: $0) }
        #expect(other != standard)
        #expect(text("a!S!b!E!c", other) == "a$b!c")
    }

    @Test func referenceRangeForms() {
        #expect(HL7v2ReferenceRange.parse("3.5-5.1")! == (3.5, 5.1))
        #expect(HL7v2ReferenceRange.parse(" 3.5 - 5.1 ")! == (3.5, 5.1))
        #expect(HL7v2ReferenceRange.parse("<5")! == (nil, 5))
        #expect(HL7v2ReferenceRange.parse("<=5")! == (nil, 5))
        #expect(HL7v2ReferenceRange.parse(">10")! == (10, nil))
        #expect(HL7v2ReferenceRange.parse("negative") == nil)
    }

    @Test func prettyPrintedJSONIsNotNDJSON() {
        let pretty = Array("{\n  \"resourceType\": \"Observation\"\n}\n".utf8)
        let ndjson = Array("{\"resourceType\":\"Patient\"}\n{\"resourceType\":\"Patient\"}\n".utf8)
        let single = Array("{\"resourceType\":\"Patient\"}\n\n".utf8)
        #expect(!pretty.withUnsafeBufferPointer(FHIRJSONReader.isNDJSON))
        #expect(ndjson.withUnsafeBufferPointer(FHIRJSONReader.isNDJSON))
        #expect(!single.withUnsafeBufferPointer(FHIRJSONReader.isNDJSON))
    }
}
