import Foundation
import Testing
import TriageIngest
import TriageModel

/// FHIR R4 written the ways real servers and exports write it, beyond the samples the reader
/// was built on (issue 12 review).
@Suite struct FHIRRealWorldTests {
    /// A `searchset` Bundle: `search.mode`, an OperationOutcome entry, the subject as an
    /// absolute URL with `_history`, or relative with `_history`, resolved through the Bundle
    /// to the Patient's MR identifier (not to its resource id).
    @Test func searchsetBundleResolvesVersionedReferences() throws {
        let json = """
            {"resourceType":"Bundle","type":"searchset","total":2,"entry":[
             {"fullUrl":"https://ehr.example.org/fhir/Patient/123","search":{"mode":"include"},
              "resource":{"resourceType":"Patient","id":"123","identifier":[{"value":"OTHER"},
                {"type":{"coding":[{"code":"MR"}]},"value":"MRN100"}],"gender":"female"}},
             {"fullUrl":"https://ehr.example.org/fhir/Observation/k1","search":{"mode":"match","score":1},
              "resource":{"resourceType":"Observation","status":"final",
                "code":{"coding":[{"system":"http://acme.example/codes","code":"K"},{"system":"http://loinc.org","code":"2823-3"}]},
                "subject":{"reference":"https://ehr.example.org/fhir/Patient/123/_history/2"},
                "effectiveDateTime":"2026-10-01T08:30:00-05:00","valueQuantity":{"value":4.1,"code":"mmol/L"}}},
             {"search":{"mode":"match"},"resource":{"resourceType":"Observation","status":"final",
                "code":{"coding":[{"system":"http://loinc.org","code":"19123-9"}]},"subject":{"reference":"Patient/123/_history/2"},
                "effectiveDateTime":"2026-10-02","valueQuantity":{"value":1.50,"code":"mg/dL"}}},
             {"search":{"mode":"outcome"},"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"information"}]}}]}
            """
        let result = try #require(ExchangeTest.result(ExchangeTest.read(json, file: "s.json")))
        #expect(
            result.labs.map(ExchangeTest.summary) == [
                "MRN100 2823-3 4.1 mmol/L - - 2026-10-01T08:30:00-05:00",
                "MRN100 19123-9 1.5 mg/dL - - 2026-10-02",
            ])
        #expect(result.labs.last?.value.reportedText == "1.50")
        #expect(result.diagnostics == [])
    }

    /// A Patient contained in the Observation, referenced as `#p1`: its identifier is the
    /// patient id; without one, its local id is never taken for a patient id.
    @Test func containedPatientResolvesOnlyThroughItsIdentifier() throws {
        func read(_ patient: String) -> ReadResult? {
            let json =
                ##"{"resourceType":"Observation","status":"final","contained":[{"resourceType":"Patient","id":"p1",\##(patient)"gender":"male"}],"code":{"coding":[{"system":"http://loinc.org","code":"2823-3"}]},"subject":{"reference":"#p1"},"effectiveDateTime":"2026-10-01","valueQuantity":{"value":4.2,"code":"mmol/L"}}"##
            return ExchangeTest.result(ExchangeTest.read(json, file: "c.json"))
        }
        let identified = try #require(read(#""identifier":[{"value":"MRN200"}],"#))
        #expect(identified.labs.map(ExchangeTest.summary) == ["MRN200 2823-3 4.2 mmol/L - - 2026-10-01"])
        #expect(identified.demographics.map(\.patientID) == ["MRN200"])
        #expect(identified.diagnostics == [])
        let anonymous = try #require(read(""))
        #expect(anonymous.labs.isEmpty)
        #expect(
            ExchangeTest.messages(anonymous) == [
                "c.json:1:61: contained Patient has no identifier (its id names it only inside the resource that contains it, never a patient); patient skipped",
                "c.json:1:1: Observation subject does not name a patient (no Patient reference or identifier that resolves); result skipped",
            ])
    }

    /// `#p1` names the Patient contained in the same resource, not one of another NDJSON line.
    @Test func containedReferenceDoesNotReachAnotherResource() throws {
        let lines = [
            #"{"resourceType":"Patient","id":"x","contained":[{"resourceType":"Patient","id":"p1","identifier":[{"value":"A1"}]}],"identifier":[{"value":"A0"}]}"#,
            ##"{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2823-3"}]},"subject":{"reference":"#p1"},"effectiveDateTime":"2026-10-01","valueQuantity":{"value":4.2,"code":"mmol/L"}}"##,
        ]
        let result = try #require(ExchangeTest.result(ExchangeTest.read(lines.joined(separator: "\n"), file: "c.ndjson")))
        #expect(result.labs.isEmpty)
        #expect(
            ExchangeTest.messages(result) == [
                "c.ndjson:2:1: Observation subject does not name a patient (no Patient reference or identifier that resolves); result skipped"
            ])
    }

    /// Values and times as FHIR allows them: an exponent, many digits, `valueInteger`,
    /// `effectiveInstant`, partial dates (reported, never placed on a guessed day).
    @Test func valuesAndTimesFHIRAllows() throws {
        func line(_ rest: String) -> String {
            #"{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2823-3"}]},"subject":{"reference":"Patient/M3"},\#(rest)}"#
        }
        let lines = [
            line(#""effectiveDateTime":"2026-10-01T08:00:00Z","valueQuantity":{"value":4.15e0,"code":"mmol/L"}"#),
            line(#""effectiveDateTime":"2026-10-02","valueQuantity":{"value":4.10000000000000000000001,"code":"mmol/L"}"#),
            line(#""effectiveDateTime":"2026","valueQuantity":{"value":4.1,"code":"mmol/L"}"#),
            line(#""effectiveDateTime":"2026-10","valueQuantity":{"value":4.1,"code":"mmol/L"}"#),
            line(#""effectiveInstant":"2026-10-03T08:00:00.123Z","valueQuantity":{"value":4.1,"code":"mmol/L"}"#),
            line(#""effectiveDateTime":"2026-10-04","valueInteger":4"#),
            line(#""effectiveDateTime":"2026-10-05","valueQuantity":{"value":1e400,"code":"mmol/L"}"#),
        ]
        let result = try #require(ExchangeTest.result(ExchangeTest.read(lines.joined(separator: "\n"), file: "v.ndjson")))
        #expect(
            result.labs.map(ExchangeTest.summary) == [
                "M3 2823-3 4.15 mmol/L - - 2026-10-01T08:00:00Z",
                "M3 2823-3 4.1 mmol/L - - 2026-10-02",
                "M3 2823-3 4.1 mmol/L - - 2026-10-03T08:00:00Z",
                "M3 2823-3 4  - - 2026-10-04",
            ])
        #expect(
            ExchangeTest.messages(result) == [
                "v.ndjson:3:1: Observation effective time gives only a year or a year and month, so the result cannot be placed on a day; result skipped",
                "v.ndjson:4:1: Observation effective time gives only a year or a year and month, so the result cannot be placed on a day; result skipped",
                "v.ndjson:7:1: Observation value is not a number (or a censored one such as <5); result skipped",
            ])
    }

    /// LOINC written as `http://loinc.org/` or as its OID `urn:oid:2.16.840.1.113883.6.1`.
    @Test func loincSystemVariants() throws {
        for system in ["http://loinc.org/", "urn:oid:2.16.840.1.113883.6.1", " http://loinc.org "] {
            let json =
                #"{"resourceType":"Observation","code":{"coding":[{"system":"\#(system)","code":"2823-3"}]},"subject":{"reference":"Patient/M4"},"effectiveDateTime":"2026-10-01","valueQuantity":{"value":4.1,"code":"mmol/L"}}"#
            let result = try #require(ExchangeTest.result(ExchangeTest.read(json, file: "l.json")))
            #expect(result.labs.map(ExchangeTest.summary) == ["M4 2823-3 4.1 mmol/L - - 2026-10-01"], "\(system)")
        }
        let other =
            #"{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org.example","code":"2823-3"}]},"subject":{"reference":"Patient/M4"},"effectiveDateTime":"2026-10-01","valueQuantity":{"value":4.1,"code":"mmol/L"}}"#
        #expect(
            ExchangeTest.messages(ExchangeTest.result(ExchangeTest.read(other, file: "l.json"))) == [
                "l.json: 1 Observation has no LOINC coding; skipped"
            ])
    }

    /// Interpretations: v3 codes as flags; `<` and `>` (off scale) make a plain value censored
    /// and are not kept as flags; a range in another unit than the value is not used; a range
    /// with `text` only gives none.
    @Test func interpretationAndRangeUnits() throws {
        func line(_ rest: String) -> String {
            #"{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2823-3"}]},"subject":{"reference":"Patient/M5"},"effectiveDateTime":"2026-10-01",\#(rest)}"#
        }
        let lines = [
            line(
                #""valueQuantity":{"value":2.1,"code":"mmol/L"},"interpretation":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation","code":"LL"}]}]"#
            ),
            line(#""valueQuantity":{"value":1.5,"code":"mmol/L"},"interpretation":[{"coding":[{"code":"<"}]}]"#),
            line(#""valueQuantity":{"value":9,"comparator":">=","code":"mmol/L"},"interpretation":[{"coding":[{"code":">"}]}]"#),
            line(#""valueQuantity":{"value":4.1,"code":"mmol/L"},"referenceRange":[{"text":"3.5-5.1 mmol/L"}]"#),
            line(
                #""valueQuantity":{"value":4.1,"code":"mmol/L"},"referenceRange":[{"low":{"value":13.7,"code":"mg/dL"},"high":{"value":19.9,"code":"mg/dL"}}]"#
            ),
            line(
                #""valueQuantity":{"value":4.1,"code":"mmol/L"},"referenceRange":[{"low":{"value":3.5,"unit":"mmol/l"},"high":{"value":5.1}}]"#
            ),
        ]
        let result = try #require(ExchangeTest.result(ExchangeTest.read(lines.joined(separator: "\n"), file: "i.ndjson")))
        #expect(
            result.labs.map(ExchangeTest.summary) == [
                "M5 2823-3 2.1 mmol/L - LL 2026-10-01",
                "M5 2823-3 <1.5 mmol/L - - 2026-10-01",
                "M5 2823-3 >=9 mmol/L - - 2026-10-01",
                "M5 2823-3 4.1 mmol/L - - 2026-10-01",
                "M5 2823-3 4.1 mmol/L - - 2026-10-01",
                "M5 2823-3 4.1 mmol/L 3.5-5.1 - 2026-10-01",
            ])
        #expect(
            ExchangeTest.messages(result) == [
                "i.ndjson:2:1: Observation interpretation is off scale (< or >); value used as censored at the reported number",
                "i.ndjson:5:1: Observation referenceRange is in another unit than the value; range not used (the default range applies)",
            ])
    }

    /// A byte-order mark, CRLF, NDJSON starting with blank lines and ending without a newline.
    @Test func byteOrderMarkBlankLinesAndCRLF() throws {
        let line =
            #"{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"2823-3"}]},"subject":{"reference":"Patient/M6"},"effectiveDateTime":"2026-10-01","valueQuantity":{"value":4.1,"code":"mmol/L"}}"#
        let text = "\u{FEFF}\r\n\n" + line + "\r\n\r\n" + line.replacingOccurrences(of: "4.1", with: "4.2")
        let result = try #require(ExchangeTest.result(ExchangeTest.read(text, file: "b.ndjson")))
        #expect(result.kind == .fhirNDJSON)
        #expect(
            result.labs.map(ExchangeTest.summary) == [
                "M6 2823-3 4.1 mmol/L - - 2026-10-01",
                "M6 2823-3 4.2 mmol/L - - 2026-10-01",
            ])
        #expect(result.labs.map(\.source.line) == [3, 5])
        #expect(result.diagnostics == [])
    }

    /// A Patient's social security number (by system or by type SS) is never its patient id,
    /// even when it is the first identifier.
    @Test func socialSecurityNumberIsNeverThePatientID() {
        func id(_ identifiers: String) -> PatientID? {
            let json = #"{"resourceType":"Patient","id":"r1","identifier":[\#(identifiers)],"gender":"male"}"#
            return ExchangeTest.result(ExchangeTest.read(json, file: "p.json"))?.demographics.first?.patientID
        }
        #expect(id(#"{"system":"http://hl7.org/fhir/sid/us-ssn","value":"999-99-9999"},{"value":"A"}"#) == "A")
        #expect(id(#"{"type":{"coding":[{"code":"SS"}]},"value":"999-99-9999"},{"value":"B"}"#) == "B")
        #expect(id(#"{"system":"urn:oid:2.16.840.1.113883.4.1","value":"999-99-9999"}"#) == "r1")
    }

    /// A DiagnosticReport's `result` naming a version of an Observation still gives it the
    /// report's subject and time.
    @Test func reportResultWithHistoryGivesSubjectAndTime() throws {
        let json = """
            {"resourceType":"Bundle","type":"collection","entry":[
             {"fullUrl":"https://ehr.example.org/fhir/DiagnosticReport/d1","resource":{"resourceType":"DiagnosticReport","status":"final",
              "subject":{"reference":"Patient/M7"},"effectiveDateTime":"2026-09-30",
              "result":[{"reference":"https://ehr.example.org/fhir/Observation/k/_history/4"}]}},
             {"fullUrl":"https://ehr.example.org/fhir/Observation/k","resource":{"resourceType":"Observation","id":"k","status":"final",
              "code":{"coding":[{"system":"http://loinc.org","code":"6298-4"}]},"valueQuantity":{"value":3.1,"code":"mmol/L"}}}]}
            """
        let result = try #require(ExchangeTest.result(ExchangeTest.read(json, file: "r.json")))
        #expect(result.labs.map(ExchangeTest.summary) == ["M7 6298-4 3.1 mmol/L - - 2026-09-30"])
        #expect(result.diagnostics == [])
    }

    /// FHIR XML as real servers write it: a namespace prefix, `xml:` attributes, comments and
    /// processing instructions, `<extension>` with a nested `value[x]` (also inside `<value>`),
    /// XHTML narrative with entities and a `value` element of its own (never read).
    @Test func prefixedXMLWithExtensionsAndNarrative() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <?xml-stylesheet type="text/xsl" href="x.xsl"?>
            <!-- a comment before the root -->
            <f:Bundle xmlns:f="http://hl7.org/fhir" xmlns:h="http://www.w3.org/1999/xhtml" xml:lang="en">
              <f:id value="b1"/>
              <f:type value="collection"/>
              <f:entry>
                <f:fullUrl value="urn:uuid:p"/>
                <f:resource>
                  <!-- the patient -->
                  <f:Patient>
                    <f:id value="pp"/>
                    <f:text><f:status value="generated"/><h:div>Jane &amp; &lt;Doe&gt; &#169;</h:div></f:text>
                    <f:identifier>
                      <f:type><f:coding><f:system value="http://terminology.hl7.org/CodeSystem/v2-0203"/><f:code value="MR"/></f:coding></f:type>
                      <f:value value="MRN700"/>
                    </f:identifier>
                    <f:gender value="female"/>
                    <f:birthDate value="1970-01-02"><f:extension url="http://hl7.org/fhir/StructureDefinition/patient-birthTime"><f:valueDateTime value="1970-01-02T10:00:00Z"/></f:extension></f:birthDate>
                  </f:Patient>
                </f:resource>
              </f:entry>
              <f:entry>
                <f:fullUrl value="urn:uuid:o"/>
                <f:resource>
                  <?pi something?>
                  <f:Observation xml:id="x1">
                    <f:id value="o1"/>
                    <f:meta><f:versionId value="1"/></f:meta>
                    <f:text><f:status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml"><p>K &gt; 4 &amp;c &#x2014;</p><value value="9.9"/></div></f:text>
                    <f:extension url="http://example.org/ext"><f:valueQuantity><f:value value="99"/></f:valueQuantity></f:extension>
                    <f:status value="final"/>
                    <f:code><f:coding><f:system value="http://loinc.org"/><f:code value="2823-3"/></f:coding></f:code>
                    <f:subject><f:reference value="urn:uuid:p"/></f:subject>
                    <f:effectiveDateTime value="2026-10-01T08:30:00+01:00"/>
                    <f:valueQuantity>
                      <f:value value="4.1"><f:extension url="http://example.org/precision"><f:valueInteger value="3"/></f:extension></f:value>
                      <f:unit value="mmol/L"/>
                      <f:system value="http://unitsofmeasure.org"/>
                      <f:code value="mmol/L"/>
                    </f:valueQuantity>
                    <f:referenceRange><f:low><f:value value="3.5"/></f:low><f:high><f:value value="5.1"/></f:high></f:referenceRange>
                  </f:Observation>
                </f:resource>
              </f:entry>
            </f:Bundle>
            """
        let result = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "f.xml")))
        #expect(result.kind == .fhirXML)
        #expect(result.labs.map(ExchangeTest.summary) == ["MRN700 2823-3 4.1 mmol/L 3.5-5.1 - 2026-10-01T08:30:00+01:00"])
        #expect(result.demographics.map { "\($0.patientID) \($0.birthDate!) \($0.sex!)" } == ["MRN700 1970-01-02 female"])
        #expect(result.diagnostics == [])
    }

    /// A Patient entry without an id, named by its absolute fullUrl, is what a relative
    /// `Patient/123` in the same Bundle names.
    @Test func relativeReferenceResolvesThroughAnAbsoluteFullUrl() throws {
        let json = """
            {"resourceType":"Bundle","type":"collection","entry":[
             {"fullUrl":"https://ehr.example.org/fhir/Patient/123","resource":{"resourceType":"Patient","identifier":[{"value":"MRN130"}]}},
             {"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2823-3"}]},
              "subject":{"reference":"Patient/123"},"effectiveDateTime":"2026-10-01","valueQuantity":{"value":4.1,"code":"mmol/L"}}}]}
            """
        let result = try #require(ExchangeTest.result(ExchangeTest.read(json, file: "u.json")))
        #expect(result.labs.map(\.patientID) == ["MRN130"])
    }
}
