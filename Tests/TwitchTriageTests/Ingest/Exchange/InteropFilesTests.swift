import Testing
@testable import TwitchTriage

/// Every file of `shared/interop/` (copied under `Tests/Fixtures/interop`) through the real
/// entry point: what is read, what is skipped and why.
@Suite struct InteropFilesTests {
    @Test func fhirGlucoseObservation() throws {
        let file = "hl7-fhir-r4-spec/observation-example-f001-glucose.xml"
        let result = try #require(ExchangeTest.result(ExchangeTest.readFixture(file)))
        #expect(result.kind == .fhirXML)
        // effectivePeriod.start, UCUM code over the written unit, range, interpretation H;
        // the patient from `Patient/f001`.
        #expect(result.labs.map(ExchangeTest.summary) == ["f001 15074-8 6.3 mmol/L 3.1-6.2 H 2013-04-02T09:30:10+01:00"])
        #expect(result.labs.first?.source == SourceLocation(file: file, line: 1, column: 39))
        #expect(result.diagnostics == [])
    }

    @Test func fhirGeneralHealthProfileBundle() throws {
        let file = "hl7-fhir-r4-spec/diagnosticreport-example-ghp.xml"
        let result = try #require(ExchangeTest.result(ExchangeTest.readFixture(file)))
        #expect(result.kind == .fhirXML)
        // The leaf results carry no time: they inherit it from their panel (hasMember), which
        // the DiagnosticReport names in `result`. Ionised calcium 13959-2 is never read as total.
        #expect(result.labs.map(ExchangeTest.summary) == [
            "pat2 2951-2 140 mmol/L 137-147 - 2015-08-16T06:40:17Z",
            "pat2 2823-3 4.2 mmol/L 3.5-5 - 2015-08-16T06:40:17Z",
            "pat2 14749-6 7.4 mmol/L 3-7.7 - 2015-08-16T06:40:17Z",
            "pat2 2000-8 2.38 mmol/L 2.25-2.65 - 2015-08-16T06:40:17Z",
        ])
        #expect(!result.labs.contains { $0.loinc?.text == "13959-2" })
        #expect(ExchangeTest.messages(result) == ["\(file): 47 Observations have a LOINC code of no analyte twitch-triage reads; skipped"])
    }

    @Test func fhirNonLabObservationsAreCountedNotRead() throws {
        for name in ["observation-example-secondsmoke.xml", "observation-example-vomiting.xml"] {
            let file = "hl7-fhir-r4-spec/" + name
            let result = try #require(ExchangeTest.result(ExchangeTest.readFixture(file)))
            #expect(result.labs.isEmpty)
            #expect(ExchangeTest.messages(result) == ["\(file): 1 Observation has a LOINC code of no analyte twitch-triage reads; skipped"])
        }
    }

    @Test func ccdaProgressNote() throws {
        let file = "hl7-c-cda-examples/Progress_Note.xml"
        let result = try #require(ExchangeTest.result(ExchangeTest.readFixture(file)))
        #expect(result.kind == .ccda)
        // Its Results section holds a CBC and BUN (nullFlavor): none is an analyte SPEC §3.7 reads.
        #expect(result.labs.isEmpty)
        #expect(result.demographics.map { "\($0.patientID) \($0.birthDate.map(\.description) ?? "-") \($0.sex.map(\.rawValue) ?? "-")" }
            == ["12345 1954-11-25 male"])
        #expect(ExchangeTest.messages(result) == ["\(file): 6 result observations have a LOINC code of no analyte twitch-triage reads; skipped"])
    }

    @Test func ccdaSectionFragmentsAreRefused() {
        for name in ["Basic_Metabolic_Panel_with_Troponin_C-CDA2.1.xml", "Results_with_less_than_specific_value_C-CDA2.1.xml"] {
            let file = "hl7-c-cda-examples/" + name
            #expect(ExchangeTest.refusal(ExchangeTest.readFixture(file))
                == "\(file):1:1: HL7 C-CDA section fragment (root section) has no patient (no recordTarget); file skipped")
        }
    }
}
