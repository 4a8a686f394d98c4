import Testing
import TriageModel

/// SPEC §3.10 patient ids: a refusal says why (only a social security number; no id at all),
/// and an id given only as a `root` is the id, with a warning (issue 19).
@Suite struct PatientIDReasonTests {
    private let value = #"<value xsi:type="PQ" value="4.2" unit="mmol/L"/>"#
    private let code = #"<code code="2823-3" codeSystem="2.16.840.1.113883.6.1"/>"#

    @Test func ccdaRootOnlyIDIsTheIDWithAWarning() throws {
        let xml = LocalCodeTests.ccda(code: code, value: value, id: #"<id root="a6c5f0a2-3c1e-4b8e-9d7f-2f0e1c9b8a77"/>"#)
        let result = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "d.xml")))
        #expect(result.labs.map(\.patientID) == ["a6c5f0a2-3c1e-4b8e-9d7f-2f0e1c9b8a77"])
        #expect(
            ExchangeTest.messages(result) == [
                "d.xml:2:28: recordTarget/patientRole/id has only a root (no extension): the root is used as the patient id; it must be the id the journal uses"
            ])
    }

    @Test func ccdaExtensionWinsOverARootOnlyID() throws {
        let xml = LocalCodeTests.ccda(code: code, value: value, id: #"<id root="1.2.3.4.5"/><id root="1.2.3" extension="P001"/>"#)
        let result = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "d.xml")))
        #expect(result.labs.map(\.patientID) == ["P001"])
        #expect(ExchangeTest.messages(result) == [])
    }

    @Test func ccdaOnlyASocialSecurityNumberIsRefusedWithThatReason() throws {
        let xml = LocalCodeTests.ccda(code: code, value: value, id: #"<id root="2.16.840.1.113883.4.1" extension="123-45-6789"/>"#)
        let result = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "d.xml")))
        #expect(result.labs.isEmpty)
        #expect(
            ExchangeTest.messages(result) == [
                "d.xml: ClinicalDocument's only patient id is a social security number (root 2.16.840.1.113883.4.1), which is never used as a patient id; 1 result skipped"
            ])
    }

    @Test func ccdaNoIDAtAllIsRefusedWithThatReason() throws {
        let xml = LocalCodeTests.ccda(code: code, value: value, id: #"<id nullFlavor="NI"/>"#)
        let result = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "d.xml")))
        #expect(result.labs.isEmpty)
        #expect(
            ExchangeTest.messages(result) == [
                "d.xml: ClinicalDocument has no patient id (no recordTarget/patientRole/id with an extension or a root); 1 result skipped"
            ])
    }

    @Test func fhirPatientWithOnlyASocialSecurityNumberIsRefusedWithThatReason() throws {
        let patient =
            #"{"resourceType":"Patient","identifier":[{"system":"http://hl7.org/fhir/sid/us-ssn","value":"123-45-6789"}],"gender":"female"}"#
        let result = try #require(ExchangeTest.result(ExchangeTest.read(patient, file: "p.json")))
        #expect(result.demographics.isEmpty)
        #expect(
            ExchangeTest.messages(result) == [
                "p.json:1:1: Patient's only identifier is a social security number, which is never used as a patient id, and it has no id; patient skipped"
            ])
    }

    @Test func hl7OnlyASocialSecurityNumberIsRefusedWithThatReason() throws {
        let text = [
            #"MSH|^~\&|LAB|HOSP|EHR|CLINIC|20261002091500||ORU^R01|1|P|2.3"#,
            "PID|1||123-45-6789^^^SSA^SS",
            "OBR|1|||CHEM|||20261002081000",
            "OBX|1|NM|2823-3^Potassium^LN||3.1|mmol/L|3.5-5.1|L|||F",
        ].joined(separator: "\r")
        let result = try #require(ExchangeTest.result(ExchangeTest.read(text, file: "m.hl7")))
        #expect(result.labs.isEmpty)
        #expect(
            ExchangeTest.messages(result) == [
                "m.hl7:2:8: PID-3's only identifier is a social security number (type SS), which is never used as a patient id; the message's results skipped"
            ])
    }
}
