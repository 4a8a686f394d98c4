import Testing
import TriageModel

@Suite struct FHIRJSONReaderTests {
    private let bundle = """
        {
          "resourceType": "Bundle",
          "type": "transaction",
          "entry": [
            {
              "fullUrl": "urn:uuid:11111111-1111-1111-1111-111111111111",
              "resource": {
                "resourceType": "Patient",
                "id": "pat1",
                "identifier": [
                  {"system": "urn:oid:1.2.3", "value": "SSN-NOT-USED"},
                  {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]}, "value": "P123"}
                ],
                "name": [{"family": "Doe", "given": ["Jane"]}],
                "gender": "female",
                "birthDate": "1980-02-29"
              }
            },
            {
              "fullUrl": "urn:uuid:22222222-2222-2222-2222-222222222222",
              "resource": {
                "resourceType": "Observation",
                "status": "final",
                "code": {"coding": [{"system": "http://loinc.org", "code": "19123-9", "display": "Magnesium"}]},
                "subject": {"reference": "urn:uuid:11111111-1111-1111-1111-111111111111"},
                "effectiveDateTime": "2026-10-02T08:10:00Z",
                "valueQuantity": {"value": 1.5, "unit": "mg/dl", "system": "http://unitsofmeasure.org", "code": "mg/dL"},
                "interpretation": [{"coding": [{"code": "L"}]}],
                "referenceRange": [{"low": {"value": 1.7}, "high": {"value": 2.2}}, {"low": {"value": 9}}]
              }
            },
            {
              "resource": {
                "subject": {"reference": "Patient/pat1"},
                "resourceType": "Observation",
                "status": "preliminary",
                "code": {"coding": [{"system": "http://snomed.info/sct", "code": "1"}, {"system": "http://loinc.org", "code": "14685-2"}]},
                "effectivePeriod": {"start": "2026-10-03"},
                "valueString": "<50",
                "_valueString": {"extension": []}
              }
            }
          ]
        }
        """

    @Test func bundleResolvesSubjectsThroughFullUrlAndPatientID() throws {
        let result = try #require(ExchangeTest.result(ExchangeTest.read(bundle, file: "b.json")))
        #expect(result.kind == .fhirJSON)
        #expect(
            result.labs.map(ExchangeTest.summary) == [
                "P123 19123-9 1.5 mg/dL 1.7-2.2 L 2026-10-02T08:10:00Z",
                "P123 14685-2 <50  - - 2026-10-03",
            ])
        #expect(result.labs[0].source == SourceLocation(file: "b.json", line: 21, column: 19))
        #expect(result.labs[0].valueLocation == SourceLocation(file: "b.json", line: 27, column: 36))
        #expect(result.demographics.map(\.patientID) == ["P123"])
        #expect(result.demographics.first?.sex == .female)
        #expect(result.demographics.first?.birthDate == LocalDate(year: 1980, month: 2, day: 29))
        #expect(
            ExchangeTest.messages(result) == [
                "b.json:33:19: Observation status is preliminary; result used and marked preliminary"
            ])
        #expect(result.diagnostics.first?.patientID == "P123")
    }

    @Test func patientIDRuleMRElseFirstIdentifierElseResourceID() {
        func id(_ identifiers: String) -> PatientID? {
            let json = #"{"resourceType":"Patient","id":"r1",\#(identifiers)"gender":"male"}"#
            return ExchangeTest.result(ExchangeTest.read(json, file: "p.json"))?.demographics.first?.patientID
        }
        #expect(id(#""identifier":[{"value":"A"},{"type":{"coding":[{"code":"MR"}]},"value":"B"}],"#) == "B")
        #expect(id(#""identifier":[{"value":"A"},{"value":"C"}],"#) == "A")
        #expect(id("") == "r1")
    }

    @Test func statusFiltersAndValueRules() throws {
        func observation(_ status: String, _ value: String) -> String {
            #"{"resourceType":"Observation","status":"\#(status)","code":{"coding":[{"system":"http://loinc.org","code":"2823-3"}]},"subject":{"reference":"Patient/X1"},"issued":"2026-10-01T10:00:00+02:00",\#(value)}"#
        }
        let lines = [
            observation("entered-in-error", #""valueQuantity":{"value":4.1,"unit":"mmol/L"}"#),
            observation("cancelled", #""valueQuantity":{"value":4.1,"unit":"mmol/L"}"#),
            observation("registered", #""valueQuantity":{"value":4.1,"unit":"mmol/L"}"#),
            observation("final", #""dataAbsentReason":{"coding":[{"code":"error"}]}"#),
            observation("amended", #""valueQuantity":{"value":6.5,"comparator":">","unit":"mmol/L"}"#),
            observation("corrected", #""valueCodeableConcept":{"text":"high"}"#),
            #"{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"1994-3"}]},"subject":{"reference":"Patient/X1"}}"#,
            #"{"resourceType":"Observation","status":"final","code":{"text":"no coding"}}"#,
            #"{"resourceType":"Observation", broken"#,
            "",
        ]
        let result = try #require(ExchangeTest.result(ExchangeTest.read(lines.joined(separator: "\n"), file: "o.ndjson")))
        #expect(result.kind == .fhirNDJSON)
        #expect(result.labs.map(ExchangeTest.summary) == ["X1 2823-3 >6.5 mmol/L - - 2026-10-01T10:00:00+02:00"])
        #expect(
            ExchangeTest.messages(result) == [
                "o.ndjson:1:1: Observation status is entered-in-error; result never used",
                "o.ndjson:2:1: Observation status is cancelled; result never used",
                "o.ndjson:3:1: Observation status is registered; result never used",
                "o.ndjson:4:1: Observation has no value (dataAbsentReason given); no result recorded",
                "o.ndjson:6:1: Observation value is not a valueQuantity, valueInteger or valueString; result skipped",
                "o.ndjson:9:32: NDJSON line is malformed (expected a string key); line skipped",
                "o.ndjson: 1 Observation has a LOINC code of no analyte twitch-triage reads; skipped",
                "o.ndjson: 1 Observation has no LOINC coding; skipped",
            ])
    }

    @Test func diagnosticReportGivesItsResultsSubjectAndTime() throws {
        let json = """
            {"resourceType":"DiagnosticReport","status":"final","subject":{"identifier":{"value":"M9"}},
             "effectiveDateTime":"2026-09-30","result":[{"reference":"#k"}],
             "contained":[{"resourceType":"Observation","id":"k","status":"final",
               "code":{"coding":[{"system":"http://loinc.org","code":"6298-4"}]},
               "valueQuantity":{"value":3.1,"unit":"mmol/L"}}]}
            """
        let result = try #require(ExchangeTest.result(ExchangeTest.read(json, file: "r.json")))
        #expect(result.labs.map(ExchangeTest.summary) == ["M9 6298-4 3.1 mmol/L - - 2026-09-30"])
        #expect(result.diagnostics == [])
    }

    @Test func resourceTypeNeedNotComeFirst() throws {
        let json =
            #"{"valueQuantity":{"value":2.3,"code":"mmol/L"},"code":{"coding":[{"system":"http://loinc.org","code":"17861-6"}]},"subject":{"reference":"https://ehr.example/fhir/Patient/Q7/_history/3"},"effectiveDateTime":"2026-10-01","resourceType":"Observation"}"#
        let result = try #require(ExchangeTest.result(ExchangeTest.read(json, file: "o.json")))
        #expect(result.labs.map(ExchangeTest.summary) == ["Q7 17861-6 2.3 mmol/L - - 2026-10-01"])
    }

    @Test func unresolvableSubjectAndBadInput() throws {
        let json =
            #"{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"2951-2"}]},"subject":{"reference":"urn:uuid:nowhere"},"valueQuantity":{"value":140,"unit":"mmol/L"}}"#
        let result = try #require(ExchangeTest.result(ExchangeTest.read(json, file: "o.json")))
        #expect(
            ExchangeTest.messages(result) == [
                "o.json:1:1: Observation subject does not name a patient (no Patient reference or identifier that resolves); result skipped"
            ])
        #expect(
            ExchangeTest.refusal(ExchangeTest.read(#"{"a": 1}"#, file: "x.json"))
                == "x.json:1:1: JSON is not a FHIR resource (no resourceType in its top-level object); file skipped")
        #expect(
            ExchangeTest.refusal(ExchangeTest.read(#"{"resourceType":"Medication"}"#, file: "x.json"))
                == "x.json:1:1: FHIR resource of a type twitch-triage does not read (only Observation, DiagnosticReport, Bundle, Patient); file skipped"
        )
    }

    @Test func brokenBundleKeepsResultsBeforeTheBreak() throws {
        let cut = String(bundle[..<bundle.range(of: "\"preliminary\"")!.lowerBound])
        let result = try #require(ExchangeTest.result(ExchangeTest.read(cut, file: "b.json")))
        #expect(result.labs.count == 1)
        #expect(
            ExchangeTest.messages(result) == [
                "b.json:36:19: JSON is malformed (unexpected end of input inside an object); rest of file skipped, 1 result before it kept"
            ])
    }
}

@Suite struct FHIRJSONReaderFuzzFindingsTests {
    /// Found by FuzzJSONTokenizer: a contained object without resourceType was scanned for it
    /// and then skipped a second time from its end, which never came back.
    @Test func containedObjectWithoutResourceTypeIsSkipped() throws {
        let json =
            ##"{"resourceType":"DiagnosticReport","subject":{"reference":"Patient/R"},"effectiveDateTime":"2026-09-30","result":[{"reference":"#k"}],"contained":[{"resourcXType":"Observation","id":"k"},{"resourceType":"Observation","id":"k","code":{"coding":[{"system":"http://loinc.org","code":"6298-4"}]},"valueQuantity":{"value":3.1,"unit":"mmol/L"}}]}"##
        let result = try #require(ExchangeTest.result(ExchangeTest.read(json, file: "r.json")))
        #expect(result.labs.map(ExchangeTest.summary) == ["R 6298-4 3.1 mmol/L - - 2026-09-30"])
        #expect(result.diagnostics == [])
    }
}
