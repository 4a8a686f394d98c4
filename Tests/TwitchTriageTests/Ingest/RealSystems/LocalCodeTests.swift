import Foundation
import Testing
import TriageKnowledge

@testable import TriageIngest

/// SPEC §3.10 local lab codes: the site's code map (`--code-map`), and without it a code whose
/// text is an analyte's name, read when the unit fits that analyte (issue 19).
@Suite struct LocalCodeTests {
    /// A C-CDA document with one Results-section observation.
    static func ccda(
        code: String, value: String, id: String = #"<id root="2.16.840.1.113883.19" extension="P001"/>"#,
        observationExtra: String = "", organizerExtra: String = ""
    ) -> String {
        """
        <ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <recordTarget><patientRole>\(id)</patientRole></recordTarget>
        <component><structuredBody><component><section><code code="30954-2" codeSystem="2.16.840.1.113883.6.1"/>
        <entry><organizer classCode="BATTERY" moodCode="EVN"><effectiveTime value="20261002081000"/>
        <component><observation classCode="OBS" moodCode="EVN">\(code)<statusCode code="completed"/>\(value)\(observationExtra)</observation></component>\(organizerExtra)
        </organizer></entry></section></component></structuredBody></component>
        </ClinicalDocument>
        """
    }

    /// The bundled analytes' index.
    private static var analytes: AnalyteIndex { Knowledge.forTests.analyteIndex }

    private func map(_ text: String, file: String = "map.csv") throws -> LabCodeMap {
        try Self.parse(Array(text.utf8), file: file)
    }

    private static func parse(_ bytes: [UInt8], file: String) throws -> LabCodeMap {
        var parsed: Result<LabCodeMap, LabCodeMap.Refusal> = .failure(LabCodeMap.Refusal(problems: []))
        bytes.withUnsafeBytes { raw in
            do {
                parsed = .success(try LabCodeMap.parse(raw, file: file, analytes: analytes))
            } catch let refusal as LabCodeMap.Refusal {
                parsed = .failure(refusal)
            } catch {
                parsed = .failure(LabCodeMap.Refusal(problems: []))
            }
        }
        return try parsed.get()
    }

    private func refusal(_ text: String) -> [String] {
        do {
            _ = try map(text)
            return []
        } catch let refusal as LabCodeMap.Refusal {
            return refusal.problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    private static let hl7Head = [
        #"MSH|^~\&|LAB|HOSP|EHR|CLINIC|20261002091500||ORU^R01|1|P|2.3"#,
        "PID|1||P001^^^HOSP^MR",
        "OBR|1|||CHEM^Chemistry^L|||20261002081000",
    ]

    private func hl7(_ observations: [String], options: ReadOptions = ReadOptions.forTests()) throws -> ReadResult {
        try #require(
            ExchangeTest.result(ExchangeTest.read((Self.hl7Head + observations).joined(separator: "\r"), file: "m.hl7", options: options)))
    }

    // MARK: The code map file

    @Test func codeMapIsReadWithABOMAndCRLF() throws {
        let codes = try Self.parse(
            [0xEF, 0xBB, 0xBF] + Array("system,code,analyte,unit\r\nL,K,potassium,mmol/L\r\n99LAB,\"CA,T\",calcium,mg/dL\r\n".utf8),
            file: "map.csv")
        #expect(codes.count == 2)
        #expect(codes.entry(system: "L", code: "K")?.analyte == "potassium")
        #expect(codes.entry(system: " 99LAB ", code: "CA,T")?.unit == "mg/dL")
        #expect(codes.entry(system: "", code: "K") == nil)
    }

    @Test func codeMapProblemsAreAllReportedWithFileAndLine() {
        #expect(
            refusal("code,system,analyte,unit\nL,K,potassium,mmol/L\n") == [
                "map.csv:1:1: code map header must be exactly system,code,analyte,unit; code map not used"
            ])
        #expect(
            refusal(
                "system,code,analyte,unit\nL,K,potasium,mmol/L\nL,CA,calcium,mmol/mol\nL,K2,potassium\nL,,sodium,mmol/L\nL,NA,sodium,mmol/L\nL,NA,sodium,mEq/L\n"
            ) == [
                "map.csv:2:5: analyte 'potasium' is not an analyte id of the knowledge (twitch-triage knowledge lists them); code map not used",
                "map.csv:3:14: unit 'mmol/mol' does not fit calcium (mmol/L or mg/dL); code map not used",
                "map.csv:4: row has 3 fields, not 4 (system,code,analyte,unit); code map not used",
                "map.csv:5:3: code is empty; code map not used",
                "map.csv:7: system and code repeat line 6; code map not used",
            ])
        #expect(refusal("") == ["map.csv:1: code map has no header and no rows; code map not used"])
        #expect(
            refusal("system,code,analyte,unit\nL,\"K,potassium,mmol/L\n") == [
                "map.csv:2: row is not valid CSV (an unclosed or misplaced quote); code map not used"
            ])
    }

    // MARK: HL7 v2

    @Test func hl7CodeMapReadsLocalCodesSilently() throws {
        var options = ReadOptions.forTests()
        options.codeMap = try map("system,code,analyte,unit\nL,K,potassium,mmol/L\nL,CA,calcium,mg/dL\n")
        let result = try hl7(["OBX|1|NM|K^POT^L||4.2|mmol/L|3.5-5.1|N|||F", "OBX|2|NM|CA^CAL^L||8.6||8.5-10.5|N|||F"], options: options)
        #expect(
            result.labs.map { "\($0.analyte ?? "-") \($0.loinc?.text ?? "-") \($0.value) \($0.unit.text)" } == [
                "potassium - 4.2 mmol/L", "calcium - 8.6 mg/dL",
            ])
        #expect(ExchangeTest.messages(result) == [])
    }

    @Test func hl7NameFallbackWhenTheUnitFits() throws {
        let result = try hl7(["OBX|1|NM|K^POTASSIUM^L||4.2|mmol/L|3.5-5.1|N|||F", "OBX|2|NM|K^POTASSIUM^L||4.4|mmol/L|3.5-5.1|N|||F"])
        #expect(result.labs.map { $0.analyte ?? "-" } == ["potassium", "potassium"])
        #expect(
            ExchangeTest.messages(result) == ["m.hl7:4: local code K (POTASSIUM) read as potassium by its name; add it to the code map"])
    }

    /// The file's code, text and unit are shown on one line: a NUL byte or a control character in
    /// them (found by fuzzing the HL7 v2 reader) never reaches a problem line.
    @Test func localCodeWordsAreShownOnOneLine() throws {
        let result = try hl7(["OBX|1|NM|K^POTASSIUM^L||16.4|mg\u{0}d\u{7}L|||N|||F"])
        #expect(result.labs.isEmpty)
        #expect(
            ExchangeTest.messages(result) == [
                "m.hl7:4: local code K (POTASSIUM) names potassium, but its results' unit 'mg d L' does not fit potassium (mmol/L or mEq/L); not read by its name: add it to the code map",
                "m.hl7: 1 OBX has no LOINC identifier (LN); skipped",
            ])
    }

    @Test func hl7NeverByNameWhenTheUnitDoesNotFit() throws {
        let result = try hl7(["OBX|1|NM|K^POTASSIUM^L||16.4|mg/dL|||N|||F", "OBX|2|NM|CA^CALCIUM^L||8.6||||||F"])
        #expect(result.labs.isEmpty)
        #expect(
            ExchangeTest.messages(result) == [
                "m.hl7:4: local code K (POTASSIUM) names potassium, but its results' unit 'mg/dL' does not fit potassium (mmol/L or mEq/L); not read by its name: add it to the code map",
                "m.hl7:5: local code CA (CALCIUM) names calcium, but its results' no unit does not fit calcium (mmol/L or mg/dL); not read by its name: add it to the code map",
                "m.hl7: 2 OBX segments have no LOINC identifier (LN); skipped",
            ])
    }

    @Test func hl7TwoAnalytesWithOneNameAreNotMatched() throws {
        var knowledge = try Knowledge.bundled
        var twin = try #require(knowledge.analytes.first { $0.id == "sodium" })
        twin.id = "sodiumTwin"
        twin.loinc = []
        twin.names = ["natrium"]
        knowledge.analytes.append(twin)
        if let index = knowledge.analytes.firstIndex(where: { $0.id == "sodium" }) { knowledge.analytes[index].names.append("natrium") }
        let options = ReadOptions(knowledge: knowledge)
        let result = try hl7(["OBX|1|NM|NA^NATRIUM^L||139|mmol/L|||N|||F"], options: options)
        #expect(result.labs.isEmpty)
        #expect(
            ExchangeTest.messages(result) == [
                "m.hl7:4: local code NA (NATRIUM) names more than one analyte (sodium, sodiumTwin); not read by its name: add it to the code map",
                "m.hl7: 1 OBX has no LOINC identifier (LN); skipped",
            ])
    }

    @Test func aLOINCCodeOfNoAnalyteIsNeverReadByName() throws {
        let result = try hl7(["OBX|1|NM|1994-3^Calcium^LN||1.2|mmol/L|||||F"])
        #expect(result.labs.isEmpty)
        #expect(ExchangeTest.messages(result) == ["m.hl7: 1 OBX has a LOINC code of no analyte twitch-triage reads; skipped"])
    }

    // MARK: FHIR, C-CDA, lab CSV

    @Test func fhirLocalCodeByMapAndByName() throws {
        func observation(_ code: String, _ display: String, unit: String) -> String {
            #"{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"urn:oid:1.2.3.4","code":"\#(code)","display":"\#(display)"}]},"subject":{"reference":"Patient/P001"},"effectiveDateTime":"2026-10-02","valueQuantity":{"value":4.2,"code":"\#(unit)"}}"#
        }
        let byName = try #require(ExchangeTest.result(ExchangeTest.read(observation("K", "Potassium", unit: "mmol/L"), file: "o.json")))
        #expect(byName.labs.map { $0.analyte ?? "-" } == ["potassium"])
        #expect(
            ExchangeTest.messages(byName) == ["o.json:1:1: local code K (Potassium) read as potassium by its name; add it to the code map"])
        var options = ReadOptions.forTests()
        options.codeMap = try map("system,code,analyte,unit\nurn:oid:1.2.3.4,X1,magnesium,mmol/L\n")
        let mapped = try #require(
            ExchangeTest.result(ExchangeTest.read(observation("X1", "Mg", unit: "mmol/L"), file: "o.json", options: options)))
        #expect(mapped.labs.map { $0.analyte ?? "-" } == ["magnesium"])
        #expect(ExchangeTest.messages(mapped) == [])
    }

    @Test func ccdaLocalCodeByName() throws {
        let xml = Self.ccda(
            code: #"<code code="K" codeSystem="2.16.840.1.113883.19.5" displayName="POTASSIUM"/>"#,
            value: #"<value xsi:type="PQ" value="4.2" unit="mmol/L"/>"#)
        let result = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "d.xml")))
        #expect(result.labs.map { $0.analyte ?? "-" } == ["potassium"])
        #expect(
            ExchangeTest.messages(result) == ["d.xml:5:12: local code K (POTASSIUM) read as potassium by its name; add it to the code map"])
    }

    @Test func labCSVCodeColumnThroughTheMap() throws {
        var options = ReadOptions.forTests()
        options.codeMap = try map("system,code,analyte,unit\nNS,0042,vitaminB12,pg/mL\n")
        let text = "patient_id,collected_at,code,code_system,value,unit\nP001,2026-10-02,0042,NS,455,\nP001,2026-10-02,0099,NS,1,mmol/L\n"
        let result = try #require(ExchangeTest.result(ExchangeTest.read(text, file: "labs.csv", options: options)))
        #expect(
            result.labs.map { "\($0.analyte ?? "-") \($0.testName?.text ?? "-") \($0.unit.text)" } == [
                "vitaminB12 - pg/mL", "- 0099 mmol/L",
            ])
    }
}
