import Testing
import TriageIngest
import TriageKnowledge
import TriageModel
import TriageNormalise

/// SPEC §3.10 and §6.2: a lab's comment travels with its result (HL7 v2 NTE, FHIR `note` and
/// `conclusion`, C-CDA comments), and a specimen word makes only the analytes the knowledge
/// links to it unreliable (issue 19).
@Suite struct LabCommentTests {
    private static let head = [
        #"MSH|^~\&|LAB|HOSP|EHR|CLINIC|20261002091500||ORU^R01|1|P|2.5.1"#,
        "PID|1||P001^^^HOSP^MR",
    ]

    private func hl7(_ segments: [String]) throws -> ReadResult {
        try #require(ExchangeTest.result(ExchangeTest.read((Self.head + segments).joined(separator: "\r"), file: "m.hl7")))
    }

    /// Normalises the file's results as the batch does.
    private func normalised(_ result: ReadResult) throws -> [LabResult] {
        let normaliser = Normaliser(knowledge: try Knowledge.bundled, asOf: LocalDate(iso: "2026-11-20")!)
        var diagnostics: [Diagnostic] = []
        return result.labs.compactMap { normaliser.labResult(from: $0, diagnostics: &diagnostics) }
    }

    @Test func nteAfterOBXIsThatResultsCommentWithEscapesDecoded() throws {
        let result = try hl7([
            "OBR|1|||CHEM|||20261002081000",
            "OBX|1|NM|2823-3^Potassium^LN||3.1|mmol/L|3.5-5.1|L|||F",
            #"NTE|1||Result checked \T\ confirmed\.br\on a second analyser"#,
            "OBX|2|NM|2951-2^Sodium^LN||139|mmol/L|136-145|N|||F",
        ])
        #expect(result.labs.map(\.comment) == ["Result checked & confirmed on a second analyser", nil])
        #expect(try normalised(result).map(\.status) == [.low, .normal])
    }

    @Test func nteAfterOBRIsEveryResultsComment() throws {
        let result = try hl7([
            "OBR|1|||CHEM|||20261002081000",
            "NTE|1||Sample received 6 hours after collection",
            "OBX|1|NM|2823-3^Potassium^LN||3.1|mmol/L|3.5-5.1|L|||F",
            "OBX|2|NM|2951-2^Sodium^LN||139|mmol/L|136-145|N|||F",
            "OBR|2|||B12|||20261002081000",
            "OBX|1|NM|2132-9^B12^LN||455|pg/mL|200-900|N|||F",
        ])
        #expect(
            result.labs.map(\.comment) == ["Sample received 6 hours after collection", "Sample received 6 hours after collection", nil])
    }

    @Test func haemolysedPanelMakesOnlyTheLinkedAnalytesUnreliable() throws {
        let result = try hl7([
            "OBR|1|||CHEM|||20261002081000",
            "OBX|1|NM|2823-3^Potassium^LN||3.1|mmol/L|3.5-5.1|L|||F",
            "OBX|2|NM|2951-2^Sodium^LN||139|mmol/L|136-145|N|||F",
            "OBX|3|NM|19123-9^Magnesium^LN||2.0|mg/dL|1.7-2.2|N|||F",
            #"NTE|1||Specimen slightly haemolysed\.br\repeat if clinically indicated"#,
        ])
        let labs = try normalised(result)
        #expect(
            labs.map { "\($0.analyte) \($0.status.rawValue) \($0.unreliableBecause ?? "-")" } == [
                "potassium unreliable haemolysed", "sodium normal -", "magnesium unreliable haemolysed",
            ])
        #expect(
            labs.map(\.comment) == [
                "Specimen slightly haemolysed repeat if clinically indicated", nil,
                "Specimen slightly haemolysed repeat if clinically indicated",
            ])
    }

    @Test func specimenWordsAreReadInEverySpellingAndNegationIsRespected() throws {
        let table = try Knowledge.bundled.specimenComments
        #expect(table.problems(in: "HEMOLYZED SPECIMEN").map(\.id) == ["haemolysed"])
        #expect(table.problems(in: "Sample clotted; K-EDTA contamination suspected").map(\.id) == ["contaminated", "clotted"])
        #expect(table.problems(in: "No haemolysis detected").isEmpty)
        #expect(table.problems(in: "Result checked").isEmpty)
        let clotted = try hl7([
            "OBR|1|||FBC|||20261002081000",
            "NTE|1||Sample clotted",
            "OBX|1|NM|718-7^Hb^LN||131|g/L|115-165|N|||F",
            "OBX|2|NM|2823-3^Potassium^LN||4.1|mmol/L|3.5-5.1|N|||F",
        ])
        #expect(try normalised(clotted).map(\.status) == [.unreliable, .normal])
    }

    @Test func aCriticalValueStaysCriticalBesideASpecimenWord() throws {
        let result = try hl7([
            "OBR|1|||CHEM|||20261002081000",
            "NTE|1||haemolysed",
            "OBX|1|NM|2823-3^Potassium^LN||2.3|mmol/L|3.5-5.1|LL|||F",
        ])
        let labs = try normalised(result)
        #expect(labs.map(\.status) == [.criticalLow])
        #expect(labs.map(\.unreliableBecause) == ["haemolysed"])
    }

    @Test func fhirNoteAndConclusion() throws {
        let bundle = """
            {"resourceType":"Bundle","type":"collection","entry":[
            {"fullUrl":"urn:uuid:r1","resource":{"resourceType":"DiagnosticReport","status":"final","subject":{"reference":"Patient/P001"},"effectiveDateTime":"2026-10-02","result":[{"reference":"urn:uuid:o1"},{"reference":"urn:uuid:o2"}],"conclusion":"Haemolysed sample"}},
            {"fullUrl":"urn:uuid:o1","resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2823-3"}]},"valueQuantity":{"value":5.9,"code":"mmol/L"},"note":[{"text":"Phoned to the ward"}]}},
            {"fullUrl":"urn:uuid:o2","resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2951-2"}]},"valueQuantity":{"value":139,"code":"mmol/L"}}}
            ]}
            """
        let result = try #require(ExchangeTest.result(ExchangeTest.read(bundle, file: "b.json")))
        #expect(result.labs.map(\.comment) == ["Phoned to the ward", nil])
        #expect(result.labs.map(\.panelComment) == ["Haemolysed sample", "Haemolysed sample"])
        let labs = try normalised(result)
        #expect(
            labs.map { "\($0.analyte) \($0.status.rawValue) \($0.comment ?? "-")" } == [
                "potassium unreliable Phoned to the ward; Haemolysed sample", "sodium normal -",
            ])
    }

    @Test func labCSVAndLabXMLCommentsAreRead() throws {
        let csv = "patient_id,collected_at,test,value,unit,comment\nP001,2026-10-02,potassium,5.9,mmol/L,Haemolysed sample\n"
        let fromCSV = try #require(ExchangeTest.result(ExchangeTest.read(csv, file: "labs.csv")))
        #expect(fromCSV.labs.map(\.comment) == ["Haemolysed sample"])
        let xml =
            #"<labResults version="1"><result patient="P001" collected="2026-10-02" test="magnesium" unit="mmol/L" comment=" Sample clotted, K-EDTA contamination ">0.8</result></labResults>"#
        let fromXML = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "labs.xml")))
        #expect(fromXML.labs.map(\.comment) == ["Sample clotted, K-EDTA contamination"])
        #expect(try normalised(fromXML).map { "\($0.status.rawValue) \($0.unreliableBecause ?? "-")" } == ["unreliable contaminated"])
    }

    @Test func fhirXMLNoteAndLocalCodeText() throws {
        let xml = """
            <Observation xmlns="http://hl7.org/fhir"><text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml"><p>K 4.2</p></div></text>
            <status value="final"/><code><coding><system value="urn:oid:1.2.3"/><code value="K"/></coding><text value="Potassium"/></code>
            <subject><reference value="Patient/P001"/></subject><effectiveDateTime value="2026-10-02"/>
            <valueQuantity><value value="4.2"/><code value="mmol/L"/></valueQuantity><note><text value="Slightly hemolysed"/></note></Observation>
            """
        let result = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "o.xml")))
        #expect(result.labs.map { "\($0.analyte ?? "-") \($0.comment ?? "-")" } == ["potassium Slightly hemolysed"])
        #expect(
            ExchangeTest.messages(result) == ["o.xml:1:1: local code K (Potassium) read as potassium by its name; add it to the code map"])
        #expect(try normalised(result).map(\.status) == [.unreliable])
    }

    @Test func ccdaResultTextIsItsComment() throws {
        let xml = LocalCodeTests.ccda(
            code: #"<code code="2823-3" codeSystem="2.16.840.1.113883.6.1"/><text>  Sample   clotted </text>"#,
            value: #"<value xsi:type="PQ" value="4.2" unit="mmol/L"/>"#)
        let result = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "d.xml")))
        #expect(result.labs.map(\.comment) == ["Sample clotted"])
        // Clotting is linked to haemoglobin and MCV, not to potassium.
        #expect(try normalised(result).map(\.status) == [.normal])
    }

    @Test func ccdaCommentActivityAndOrganizerComment() throws {
        let comment =
            #"<entryRelationship typeCode="SUBJ" inversionInd="true"><act classCode="ACT" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.64"/><code code="48767-8" codeSystem="2.16.840.1.113883.6.1"/><text>Grossly   hemolyzed</text></act></entryRelationship>"#
        let xml = LocalCodeTests.ccda(
            code: #"<code code="2823-3" codeSystem="2.16.840.1.113883.6.1"/>"#,
            value: #"<value xsi:type="PQ" value="5.9" unit="mmol/L"/>"#, observationExtra: comment,
            organizerExtra: #"<component><act classCode="ACT" moodCode="EVN"><text>Received late</text></act></component>"#)
        let result = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "d.xml")))
        #expect(result.labs.map(\.comment) == ["Grossly hemolyzed; Received late"])
        #expect(try normalised(result).map { "\($0.status.rawValue) \($0.unreliableBecause ?? "-")" } == ["unreliable haemolysed, delayed"])
    }
}
