import Testing
import TriageModel

/// The hostile corpus's files from real systems (issue 19): byte order marks with CRLF, local
/// codes that must not be guessed, comments in odd places, ids that are not patient ids.
@Suite struct HostileRealSystemsCorpusTests {
    @Test func hl7WithAMarkLocalCodesAndStrayComments() throws {
        let outcome = HostileCorpus.read("hl7-bom-local-codes.hl7")
        let result = try #require(outcome.result)
        #expect(
            result.labs.map { "\($0.analyte ?? "-") \($0.value) \($0.unit.text) \($0.comment ?? "-")" } == [
                "calcium 2.3 mmol/L unterminated A.br"  // an escape run into the next: \\X41 … \\ decoded as far as it is hex
            ])
        #expect(result.otherResults.map { "\($0.result.name) \($0.result.value) \($0.result.flag)" } == ["XX 7 H"])
        #expect(
            outcome.messages == [
                "hl7-bom-local-codes.hl7:5: local code K (POTASSIUM) names potassium, but its results' unit 'mg/dL' does not fit potassium (mmol/L or mEq/L); not read by its name: add it to the code map",
                "hl7-bom-local-codes.hl7:6: local code CA (CALCIUM) read as calcium by its name; add it to the code map",
                "hl7-bom-local-codes.hl7:10:8: PID-3's only identifier is a social security number (type SS), which is never used as a patient id; the message's results skipped",
                "hl7-bom-local-codes.hl7: 1 OBX has no LOINC identifier (LN); skipped",
            ])
    }

    @Test func ccdaWhoseOnlyIDIsASocialSecurityNumber() throws {
        let outcome = HostileCorpus.read("ccda-ssn-only.xml")
        let result = try #require(outcome.result)
        #expect(result.labs.isEmpty)
        #expect(
            outcome.messages == [
                "ccda-ssn-only.xml: ClinicalDocument's only patient id is a social security number (root 2.16.840.1.113883.4.1), which is never used as a patient id; 1 result skipped"
            ])
    }

    @Test func aCodeMapDroppedIntoTheInputFolderIsNotAnInput() {
        #expect(
            HostileCorpus.read("code-map-in-input.csv").refusal
                == "code-map-in-input.csv:1: a code map (system,code,analyte,unit), not an input: give it with --code-map; file skipped")
    }

    @Test func fhirLocalCodeWhoseUnitDoesNotFitIsNotGuessed() throws {
        let outcome = HostileCorpus.read("fhir-local-code-unit-mismatch.json")
        let result = try #require(outcome.result)
        #expect(result.labs.isEmpty)
        #expect(
            result.otherResults.map {
                "\($0.result.name) \($0.result.value) \($0.result.unit ?? "-") \($0.result.flag) \($0.result.comment ?? "-")"
            } == [
                "Potassium 16.4 mg/dL H ok"
            ])
        #expect(
            outcome.messages == [
                "fhir-local-code-unit-mismatch.json:1:1: local code K (Potassium) names potassium, but its results' unit 'mg/dL' does not fit potassium (mmol/L or mEq/L); not read by its name: add it to the code map"
            ])
    }
}
