import Testing
import TriageModel

/// An interpretation or abnormal-flag code that is none SPEC §3.9 reads (`AA`, `HU`, `U`) is
/// never dropped silently: each of the three readers counts such results once per file, and the
/// result is used (its reference range judges it).
@Suite struct InterpretationCodeTests {
    @Test func hl7v2CountsUnreadFlags() throws {
        let segments = [
            #"MSH|^~\&|LAB|HOSP|EHR|CLINIC|20261001090000||ORU^R01|M1|P|2.5.1"#,
            #"PID|1||MRN1^^^HOSP^MR"#,
            #"OBR|1|||24323-8^Panel^LN|||20261001080000"#,
            #"OBX|1|NM|2823-3^Potassium^LN||2.1|mmol/L|3.5-5.1|AA|||F"#,
            #"OBX|2|NM|2823-3^Potassium^LN||5.9|mmol/L|3.5-5.1|HU|||F"#,
            #"OBX|3|NM|2823-3^Potassium^LN||4.0|mmol/L|3.5-5.1|N|||F"#,
        ]
        let result = try #require(ExchangeTest.result(ExchangeTest.read(segments.joined(separator: "\r"), file: "f.hl7")))
        #expect(result.labs.count == 3)
        #expect(result.labs.map { $0.flag?.text } == [nil, nil, "N"])
        #expect(
            ExchangeTest.messages(result) == [
                "f.hl7: 2 OBX segments have an interpretation code twitch-triage does not read (it reads L, H, LL, HH, N, A, < and >); used, and judged by the reference range"
            ])
    }

    @Test func fhirCountsUnreadInterpretations() throws {
        let observation =
            #"{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2823-3"}]},"subject":{"reference":"Patient/P1"},"effectiveDateTime":"2026-11-01","valueQuantity":{"value":2.1,"unit":"mmol/L","code":"mmol/L"},"interpretation":[{"coding":[{"code":"AA"}]}]}"#
        let result = try #require(ExchangeTest.result(ExchangeTest.read(observation, file: "o.json")))
        #expect(result.labs.count == 1)
        #expect(result.labs.first?.flag == nil)
        #expect(
            ExchangeTest.messages(result) == [
                "o.json: 1 Observation has an interpretation code twitch-triage does not read (it reads L, H, LL, HH, N, A, < and >); used, and judged by the reference range"
            ])
    }

    @Test func ccdaCountsUnreadInterpretations() throws {
        let document = """
            <ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <recordTarget><patientRole><id root="1.2.3" extension="MRN7"/></patientRole></recordTarget>
            <component><structuredBody><component><section><code code="30954-2" codeSystem="2.16.840.1.113883.6.1"/>
            <entry><organizer classCode="BATTERY" moodCode="EVN"><statusCode code="completed"/><effectiveTime value="20261101"/>
            <component><observation classCode="OBS" moodCode="EVN"><code code="2823-3" codeSystem="2.16.840.1.113883.6.1"/>
            <statusCode code="completed"/><value xsi:type="PQ" value="2.1" unit="mmol/L"/><interpretationCode code="AA"/></observation></component>
            </organizer></entry></section></component></structuredBody></component></ClinicalDocument>
            """
        let result = try #require(ExchangeTest.result(ExchangeTest.read(document, file: "c.xml")))
        #expect(result.labs.count == 1)
        #expect(
            ExchangeTest.messages(result) == [
                "c.xml: 1 observation has an interpretation code twitch-triage does not read (it reads L, H, LL, HH, N, A, < and >); used, and judged by the reference range"
            ])
    }
}
