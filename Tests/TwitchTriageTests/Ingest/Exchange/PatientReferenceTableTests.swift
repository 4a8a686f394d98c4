import Testing
import TriageIngest
import TriageNormalise

/// `Patient/ID` references across files (a FHIR Bulk Data export): what the FHIR readers give
/// the table, and what the table renames.
@Suite struct PatientReferenceTableTests {
    static let observation =
        #"{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2823-3"}]},"subject":{"reference":"Patient/123"},"effectiveDateTime":"2026-11-10","valueQuantity":{"value":4.1,"unit":"mmol/L"}}"#
    static func patient(_ id: String, _ mrn: String) -> String {
        #"{"resourceType":"Patient","id":"\#(id)","identifier":[{"type":{"coding":[{"code":"MR"}]},"value":"\#(mrn)"}]}"#
    }

    private func outcome(_ text: String, file: String) -> InputFileReader.Outcome {
        Array(text.utf8).withUnsafeBytes { InputFileReader.read(bytes: $0, file: file, options: ReadOptions.forTests()) }
    }

    @Test func readersSayWhichIdsCameFromAReferenceAloneAndWhichPatientsTheyHold() throws {
        let observations = try #require(ExchangeTest.result(outcome(Self.observation + "\n", file: "Observation.ndjson").outcome))
        #expect(observations.referencedPatients == ["123"])
        #expect(observations.labs.map(\.patientID) == ["123"])
        let patients = try #require(ExchangeTest.result(outcome(Self.patient("123", "MRN1") + "\n", file: "Patient.ndjson").outcome))
        #expect(patients.patientResources == ["123": "MRN1"])
        // A Patient whose id is its MRN gives nothing to rename by.
        let same = try #require(ExchangeTest.result(outcome(Self.patient("MRN1", "MRN1") + "\n", file: "p.ndjson").outcome))
        #expect(same.patientResources.isEmpty)
    }

    @Test func theTableRenamesResultsDemographicsAndProblemsOfReferencedIds() throws {
        var table = PatientReferenceTable()
        table.add(["123": "MRN1"])
        var read = outcome(
            Self.observation + "\n"
                + #"{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2823-3"}]},"subject":{"reference":"Patient/123"},"valueQuantity":{"value":4.1,"unit":"mmol/L"}}"#
                + "\n",
            file: "Observation.ndjson")
        #expect(PatientReferenceTable.mayRename(read))
        table.apply(to: &read)
        let result = try #require(ExchangeTest.result(read.outcome))
        #expect(result.labs.map(\.patientID) == ["MRN1"])
        #expect(result.diagnostics.compactMap(\.patientID) == ["MRN1"])  // the second has no time
        #expect(result.referencedPatients.isEmpty)
    }

    @Test func aResourceIdTwoFilesDisagreeOnRenamesNothing() throws {
        var table = PatientReferenceTable()
        table.add(["123": "MRN1"])
        table.add(["123": "MRN2"])
        var read = outcome(Self.observation + "\n", file: "Observation.ndjson")
        table.apply(to: &read)
        #expect(ExchangeTest.result(read.outcome)?.labs.map(\.patientID) == ["123"])
    }

    @Test func aPatientLaterInTheSameFileIsFoundThroughTheTable() throws {
        var read = outcome(Self.observation + "\n" + Self.patient("123", "MRN1") + "\n", file: "all.ndjson")
        var table = PatientReferenceTable()
        table.add(try #require(ExchangeTest.result(read.outcome)).patientResources)
        table.apply(to: &read)
        #expect(ExchangeTest.result(read.outcome)?.labs.map(\.patientID) == ["MRN1"])
    }
}
