import Testing
import TriageIngest

@Suite struct HL7v2ReaderTests {
    private let message = [
        #"MSH|^~\&|LAB|HOSP|EHR|CLINIC|20261002091500||ORU^R01^ORU_R01|MSG0001|P|2.5.1"#,
        #"PID|1||99999^^^SSA^SS~P001^^^HOSP^MR||Doe^Jane||19800229|F|||1 Main St^^Town"#,
        #"OBR|1||LAB123|24323-8^CMP^LN|||20261002081000"#,
        #"OBX|1|NM|2823-3^Potassium^LN||3.1|mmol/L^^UCUM|3.5-5.1|L|||F"#,
        #"OBX|2|SN|19123-9^Magnesium^LN||<^0.5|mmol/L|0.7-0.91|LL|||C|||20261002075500"#,
        #"OBX|3|ST|14685-2^B12^LN||>1500|pmol/L|>148||||P"#,
        #"OBX|4|NM|2951-2^Sodium^LN||abc|mmol/L|||||F"#,
        #"OBX|5|NM|2345-7^Glucose^LN||5.1|mmol/L|||||X"#,
        #"OBX|6|NM|1994-3^Ionized Ca^LN||1.2|mmol/L|||||F"#,
        #"OBX|7|NM|K^Potassium^L||3.9|mmol/L|||||F"#,
        #"OBX|8|CE|3016-3^TSH^LN||N^Normal|||||F"#,
        #"OBX|9|NM|ABC^Local^99LOCAL||1|mmol/L|||||F"#,
    ]

    @Test func readsOneMessageWithEachRule() throws {
        let text = message.joined(separator: "\r") + "\r"
        let result = try #require(ExchangeTest.result(ExchangeTest.read(text, file: "m.hl7")))
        #expect(result.kind == .hl7v2)
        #expect(
            result.labs.map(ExchangeTest.summary) == [
                "P001 2823-3 3.1 mmol/L 3.5-5.1 L 2026-10-02T08:10:00",
                "P001 19123-9 <0.5 mmol/L 0.7-0.91 LL 2026-10-02T07:55:00",
                "P001 14685-2 >1500 pmol/L 148- - 2026-10-02T08:10:00",
                "P001 - 3.9 mmol/L - - 2026-10-02T08:10:00",  // a local code read by its name (SPEC §3.10)
            ])
        #expect(result.demographics.map { "\($0.patientID) \($0.birthDate!) \($0.sex!)" } == ["P001 1980-02-29 female"])
        #expect(
            ExchangeTest.messages(result) == [
                "m.hl7:6:47: OBX-11 result status is P (preliminary); result used and marked preliminary",
                "m.hl7:7:28: OBX-5 value is not a number (or a censored one such as <5); result skipped",
                "m.hl7:8:44: OBX-11 result status is not F, C, P or R; result skipped",
                "m.hl7:10: local code K (Potassium) read as potassium by its name; add it to the code map",
                "m.hl7:11:7: OBX-2 value type is not NM, SN or ST; result skipped",
                "m.hl7: 1 OBX has a LOINC code of no analyte twitch-triage reads; skipped",
                "m.hl7: 1 OBX has no LOINC identifier (LN); skipped",
            ])
    }

    @Test func alternateIdentifierIsRead() throws {
        let text = [message[0], message[1], message[2], #"OBX|1|NM|K^Potassium^L99^2823-3^Potassium^LN||3.9|mmol/L|||||F"#].joined(
            separator: "\n")
        let result = try #require(ExchangeTest.result(ExchangeTest.read(text, file: "m.hl7")))
        #expect(result.labs.map(ExchangeTest.summary) == ["P001 2823-3 3.9 mmol/L - - 2026-10-02T08:10:00"])
    }

    @Test func batchWithMLLPFramingCRLFAndOtherEncodingCharacters() throws {
        let text =
            "\u{0B}FHS|^~\\&|LAB\r\nBHS|^~\\&|LAB\r\n"
            + "MSH#$%!@#LAB##EHR##20261001##ORU$R01#1#P#2.3\r\nPID#1##A7$$$X$MR\r\nOBR#1######20261001120000\r\n"
            + "OBX#1#NM#2823-3$K$LN##4.4#mmol!E!L#3.5-5.1##F\r\n"
            + "MSH|^~\\&|LAB||EHR||20261003||ADT^A01|2|P|2.5\r\nPID|1||B1^^^^MR\r\n"
            + "MSH|^~\\&|LAB||EHR||20261003||ORU^R01|3|P|2.8\rPID|1||B2^^^^MR\rOBR|1||||||20261003\r"
            + "OBX|1|NM|2823-3^K^LN||5.0|mmol\\S\\L||\\H\\H\\N\\||||F\r\u{1C}\r"
            + "BTS|2\r\nFTS|1\r\n"
        let result = try #require(ExchangeTest.result(ExchangeTest.read(text, file: "batch.hl7")))
        #expect(
            result.labs.map(ExchangeTest.summary) == [
                "A7 2823-3 4.4 mmol!L 3.5-5.1 - 2026-10-01T12:00:00",
                "B2 2823-3 5 mmol^L - H 2026-10-03",
            ])
        #expect(ExchangeTest.messages(result) == ["batch.hl7:7:30: MSH-9 message type is not ORU^R01; message skipped"])
    }

    @Test func oversizedSegmentSkipsOnlyThatSegment() throws {
        let big = "NTE|1||" + String(repeating: "x", count: HL7v2Reader.maximumSegmentLength)
        let text = [message[0], message[1], big, message[2], message[3]].joined(separator: "\r")
        let result = try #require(ExchangeTest.result(ExchangeTest.read(text, file: "m.hl7")))
        #expect(result.labs.count == 1)
        #expect(ExchangeTest.messages(result) == ["m.hl7:3: HL7 segment longer than 1 MiB; segment skipped"])
    }

    @Test func missingPatientIsReportedOncePerMessage() throws {
        let text = [message[0], "PID|1||", message[2], message[3], message[4]].joined(separator: "\r")
        let result = try #require(ExchangeTest.result(ExchangeTest.read(text, file: "m.hl7")))
        #expect(result.labs.isEmpty)
        #expect(
            ExchangeTest.messages(result) == [
                "m.hl7:2:8: PID-3 has no patient identifier; the message's results skipped"
            ])
    }
}
