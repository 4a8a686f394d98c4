import Testing
import TriageModel

@Suite struct XMLKindDetectionTests {
    @Test func ourRootsAreReadAsTheirKind() {
        #expect(XMLTest.result("<symptomJournal version=\"1\"/>")?.kind == .journalXML)
        #expect(XMLTest.result("<labResults version=\"1\"/>")?.kind == .labXML)
        #expect(XMLTest.result("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- export -->\n<labResults/>")?.kind == .labXML)
    }

    @Test func appleHealthRootIsReadAsAnExport() {
        let result = XMLTest.result("<HealthData locale=\"en_GB\"/>")
        #expect(result?.kind == .appleHealth)
        #expect(result?.phone != nil)
    }

    @Test func otherRootsAndWrongNamespacesAreRefused() {
        let cases: [(String, String)] = [
            (
                "<sections/>",
                "in.xml:1:1: XML root element 'sections' is not a known kind (expected symptomJournal or labResults); file skipped"
            ),
            (
                #"<ClinicalDocument xmlns="urn:other"/>"#,
                "in.xml:1:1: XML root element 'ClinicalDocument' (in a namespace) is not a known kind (expected symptomJournal or labResults); file skipped"
            ),
            (
                "<ClinicalDocument/>",
                "in.xml:1:1: XML root element 'ClinicalDocument' is not a known kind (expected symptomJournal or labResults); file skipped"
            ),
            (
                #"<Observation xmlns="http://hl7.org/fhir/other"/>"#,
                "in.xml:1:1: XML root element 'Observation' (in a namespace) is not a known kind (expected symptomJournal or labResults); file skipped"
            ),
            (
                #"<HealthData xmlns="urn:x"/>"#,
                "in.xml:1:1: XML root element 'HealthData' (in a namespace) is not a known kind (expected symptomJournal or labResults); file skipped"
            ),
            (
                #"<symptomJournal xmlns="urn:twitch"/>"#,
                "in.xml:1:1: XML root element 'symptomJournal' is in a namespace, but twitch-triage's formats have none; file skipped"
            ),
            (
                #"<t:labResults xmlns:t="urn:twitch"/>"#,
                "in.xml:1:1: XML root element 't:labResults' is in a namespace, but twitch-triage's formats have none; file skipped"
            ),
        ]
        for (xml, expected) in cases {
            #expect(XMLTest.refusal(XMLTest.read(xml))?.description == expected)
        }
    }

    @Test func notXMLIsRefused() {
        let cases: [([UInt8], String)] = [
            (Array("patient_id,date\nP001,2026-10-01\n".utf8), "in.xml:1:1: not an XML document (no root element); file skipped"),
            ([], "in.xml: file is empty; file skipped"),
            (Array(" \n\t ".utf8), "in.xml: file is empty; file skipped"),
            (
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
                "in.xml:1:1: not an XML document (no root element); file skipped"
            ),
            (
                Array("<?xml version=\"1.0\"?>\n".utf8),
                "in.xml:2:1: not an XML document (Extra content at the end of the document); file skipped"
            ),
        ]
        for (bytes, expected) in cases {
            let refusal = XMLTest.refusal(XMLTest.read(bytes: bytes))
            #expect(refusal?.description == expected)
            #expect(refusal?.severity == .error)
        }
    }

    @Test(arguments: [
        (
            "hl7-c-cda-examples/Basic_Metabolic_Panel_with_Troponin_C-CDA2.1.xml",
            "1:1: HL7 C-CDA section fragment (root section) has no patient (no recordTarget); file skipped"
        ),
        (
            "hl7-c-cda-examples/Results_with_less_than_specific_value_C-CDA2.1.xml",
            "1:1: HL7 C-CDA section fragment (root section) has no patient (no recordTarget); file skipped"
        ),
    ])
    func interopFilesRefusedWithTheirReason(path: String, expected: String) throws {
        let bytes = try #require(XMLTest.contents(of: ExchangeTest.interopFolder + "/" + path))
        let refusal = XMLTest.refusal(XMLTest.read(bytes: bytes, file: path))
        #expect(refusal?.description == "\(path):\(expected)")
    }

    @Test func exchangeRootsAreReadAsTheirKind() {
        #expect(XMLTest.result(#"<ClinicalDocument xmlns="urn:hl7-org:v3"/>"#)?.kind == .ccda)
        #expect(XMLTest.result(#"<Observation xmlns="http://hl7.org/fhir"/>"#)?.kind == .fhirXML)
        #expect(XMLTest.result(#"<f:Bundle xmlns:f="http://hl7.org/fhir"/>"#)?.kind == .fhirXML)
        #expect(XMLTest.result(#"<Patient xmlns="http://hl7.org/fhir"/>"#)?.kind == .fhirXML)
        #expect(
            XMLTest.refusal(XMLTest.read(#"<Medication xmlns="http://hl7.org/fhir"/>"#))?.description
                == "in.xml:1:1: FHIR resource 'Medication' is of a type twitch-triage does not read (only Observation, DiagnosticReport, Bundle, Patient); file skipped"
        )
        #expect(
            XMLTest.refusal(XMLTest.read(#"<section xmlns="urn:hl7-org:v3"/>"#))?.description
                == "in.xml:1:1: HL7 C-CDA section fragment (root section) has no patient (no recordTarget); file skipped")
    }
}
