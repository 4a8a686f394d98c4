import Testing
import TriageModel

/// HL7 v2.5.1 ORU^R01 written the ways real lab systems write it (issue 12 review).
@Suite struct HL7v2RealWorldTests {
    /// Assigning-authority subcomponents in PID-3, NTE and Z-segments between OBX, times with
    /// offsets and fractions, OBX-6 `^^ISO+`, a value with `\X0D\`, repeated OBX-5, OBR-7
    /// empty with OBR-8 given (OBX-19 never used), LF line ends.
    @Test func realMessage() throws {
        let segments = [
            #"MSH|^~\&|LAB|HOSP|EHR|CLINIC|20261001090000||ORU^R01^ORU_R01|MSG1|P|2.5.1|||||||UNICODE UTF-8"#,
            #"PID|1||MRN900^^^HOSP&2.16.840.1.113883.19.5&ISO^MR~99999^^^SSA&2.16.840.1.113883.4.1&ISO^SS||DOE^JANE||19800101|F"#,
            #"OBR|1|||24323-8^Panel^LN|||20261001080000-0500"#,
            #"OBX|1|NM|2823-3^Potassium^LN||4.1|mmol/L^^UCUM|3.5-5.1|N|||F|||20261001083000+0100"#,
            #"NTE|1||hemolysed\X0D\sample"#,
            #"OBX|2|NM|2823-3^Potassium^LN||4.2~4.3|mmol/L|3.5-5.1|N|||F"#,
            #"OBX|3|NM|19123-9^Magnesium^LN||0.8|^^ISO+|0.7-1.0|N|||F|||20261001083000.1234-0500"#,
            #"ZXT|1|custom"#,
            #"OBX|4|NM|19123-9^Magnesium^LN||0.9\X0D\|mmol/L|0.7-1.0|N|||F"#,
            #"OBR|2|||24323-8^Panel^LN||||20261002080000"#,
            #"OBX|5|NM|2823-3^Potassium^LN||4.4|mmol/L|3.5-5.1|N|||F||||||||20261003120000"#,
            #"OBR|3|||24323-8^Panel^LN"#,
            #"OBX|6|NM|2823-3^Potassium^LN||4.5|mmol/L|3.5-5.1|N|||F||||||||20261003120000"#,
            #"OBX|7|NM|2823-3^Potassium^LN||1.9|mmol/L|3.5-5.1|<|||F|||20261004"#,
        ]
        let result = try #require(ExchangeTest.result(ExchangeTest.read(segments.joined(separator: "\n"), file: "m.hl7")))
        #expect(
            result.labs.map(ExchangeTest.summary) == [
                "MRN900 2823-3 4.1 mmol/L 3.5-5.1 N 2026-10-01T08:30:00+01:00",
                "MRN900 19123-9 0.8  0.7-1 N 2026-10-01T08:30:00-05:00",
                "MRN900 19123-9 0.9 mmol/L 0.7-1 N 2026-10-01T08:00:00-05:00",
                "MRN900 2823-3 4.4 mmol/L 3.5-5.1 N 2026-10-02T08:00:00",
                "MRN900 2823-3 <1.9 mmol/L 3.5-5.1 - 2026-10-04",
            ])
        #expect(
            ExchangeTest.messages(result) == [
                "m.hl7:6:31: OBX-5 holds several repetitions (~), so which is the result is not known; result skipped",
                "m.hl7:13:58: OBX has no time (OBX-14) and its OBR has none (OBR-7, OBR-8); result skipped",
                "m.hl7:14:50: OBX-8 abnormal flag is off scale (< or >); value used as censored at the reported number",
            ])
    }

    /// MSH-18 `8859/1`: a Latin-1 µ in OBX-6 is read as µ; an MSH with nothing after its
    /// encoding characters skips its message; a batch without BTS/FTS is read.
    @Test func characterSetBareHeaderAndOpenBatch() throws {
        let latin1: [UInt8] =
            Array(#"MSH|^~\&|LAB|HOSP|EHR|CLINIC|20261001090000||ORU^R01|M4|P|2.5||||||8859/1"#.utf8) + [0x0D]
            + Array("PID|1||MRN903\rOBR|1||||||20261001\rOBX|1|NM|3016-3^TSH^LN||2.0|".utf8) + [0xB5]
            + Array("IU/mL|0.4-4.0|N|||F\r".utf8)
        let read = try #require(ExchangeTest.result(ExchangeTest.read(bytes: latin1, file: "l.hl7")))
        #expect(read.labs.map(\.unit.text) == ["\u{B5}IU/mL"])
        #expect(read.diagnostics == [])

        let bare = ExchangeTest.result(
            ExchangeTest.read(#"MSH|^~\&"# + "\rPID|1||X1\rOBX|1|NM|2823-3^K^LN||4.0|mmol/L|||||F|||20261001\r", file: "b.hl7"))
        #expect(bare?.labs.isEmpty == true)
        #expect(ExchangeTest.messages(bare) == ["b.hl7:1: MSH has no MSH-9 message type; message skipped"])

        let batch = [
            #"FHS|^~\&|LAB"#, #"BHS|^~\&|LAB"#, #"MSH|^~\&|LAB|HOSP|EHR|CLINIC|20261001090000||ORU^R01|M3|P|2.5"#,
            "PID|1||MRN902^^^^MR", "OBR|1||||||20261001", "OBX|1|NM|2823-3^K^LN||4.0|mmol/L|3.5-5.1|N|||F",
        ]
        let open = try #require(ExchangeTest.result(ExchangeTest.read(batch.joined(separator: "\r"), file: "o.hl7")))
        #expect(open.labs.map(ExchangeTest.summary) == ["MRN902 2823-3 4 mmol/L 3.5-5.1 N 2026-10-01"])
        #expect(open.diagnostics == [])
    }

    /// A PID-3 repetition typed SS (a social security number) is never the patient id, even first.
    @Test func socialSecurityNumberIsNeverThePatientID() throws {
        let text = [
            #"MSH|^~\&|LAB|HOSP|EHR|CLINIC|20261001090000||ORU^R01|M5|P|2.5"#, "PID|1||123456789^^^SSA^SS~H77^^^HOSP^PI",
            "OBX|1|NM|2823-3^K^LN||4.0|mmol/L|||||F|||20261001",
        ].joined(separator: "\r")
        let result = try #require(ExchangeTest.result(ExchangeTest.read(text, file: "s.hl7")))
        #expect(result.labs.map(\.patientID) == ["H77"])
    }
}
