import Testing
import TriageModel

@Suite struct FHIRXMLReaderTests {
    @Test func bundleInXMLResolvesFullUrlSkipsNarrativeAndOtherNamespaces() throws {
        let xml = """
            <Bundle xmlns="http://hl7.org/fhir" xmlns:x="urn:other">
              <type value="searchset"/>
              <entry>
                <fullUrl value="https://ehr.example/fhir/Patient/9?a=1&amp;b=2"/>
                <resource><Patient>
                  <id value="9"/>
                  <text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml"><p><code value="X"/>Jane Doe</p></div></text>
                  <identifier><type><coding><code value="MR"/></coding></type><value value="MRN-55"/></identifier>
                  <name><family value="Doe"/></name>
                  <gender value="male"/><birthDate value="1970-01-31"/>
                </Patient></resource>
              </entry>
              <entry><resource><Observation>
                <status value="corrected"/>
                <code><coding><system value="http://loinc.org"/><code value="1989-3"/></coding></code>
                <subject><reference value="https://ehr.example/fhir/Patient/9?a=1&amp;b=2"/></subject>
                <effectiveDateTime value="2026-09-01T07:00:00-05:00"/>
                <x:valueQuantity><value value="99"/></x:valueQuantity>
                <valueQuantity><value value="18"/><comparator value="&lt;"/><unit value="ng/mL"/></valueQuantity>
              </Observation></resource></entry>
            </Bundle>
            """
        let result = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "b.xml")))
        #expect(result.kind == .fhirXML)
        #expect(result.labs.map(ExchangeTest.summary) == ["MRN-55 1989-3 <18 ng/mL - - 2026-09-01T07:00:00-05:00"])
        #expect(result.demographics.map { "\($0.patientID) \($0.birthDate!) \($0.sex!)" } == ["MRN-55 1970-01-31 male"])
        #expect(result.diagnostics == [])
    }

    @Test func truncatedBundleKeepsWhatCameBefore() throws {
        let xml = """
            <Bundle xmlns="http://hl7.org/fhir"><entry><resource><Observation>
            <code><coding><system value="http://loinc.org"/><code value="3016-3"/></coding></code>
            <subject><reference value="Patient/T1"/></subject><issued value="2026-09-01"/>
            <valueQuantity><value value="2.1"/><code value="mIU/L"/></valueQuantity>
            </Observation></resource></entry>
            <entry><resource><Observation><code>
            """
        let result = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "t.xml")))
        #expect(result.labs.map(ExchangeTest.summary) == ["T1 3016-3 2.1 mIU/L - - 2026-09-01"])
        #expect(
            ExchangeTest.messages(result) == [
                "t.xml:6:37: XML is not well-formed (Premature end of data); rest of file skipped, 1 result before it kept"
            ])
    }
}
