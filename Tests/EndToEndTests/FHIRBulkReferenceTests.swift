import Foundation
import Testing

/// A FHIR Bulk Data export writes one NDJSON file per resource type: `Observation.ndjson`
/// names its patient `Patient/123`, `Patient.ndjson` holds `Patient/123` with the medical
/// record number the journal uses. Through the built binary, the batch and `report --patient`
/// join the results to the MRN (``PatientReferenceTable``): one patient,
/// one report, the journal and the labs together.
@Suite struct FHIRBulkReferenceTests {
    static func observation(_ id: String, patient: String, loinc: String, value: Double, unit: String, day: Int) -> String {
        #"{"resourceType":"Observation","id":"\#(id)","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"\#(loinc)"}]},"subject":{"reference":"Patient/\#(patient)"},"effectiveDateTime":"2026-11-\#(String(format: "%02d", day))T08:00:00Z","valueQuantity":{"value":\#(value),"unit":"\#(unit)","system":"http://unitsofmeasure.org","code":"\#(unit)"}}"#
    }

    static func patient(_ id: String, mrn: String, birthDate: String) -> String {
        #"{"resourceType":"Patient","id":"\#(id)","identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MR"}]},"value":"\#(mrn)"}],"gender":"female","birthDate":"\#(birthDate)"}"#
    }

    /// MRN-B1's journal; the Bulk export in its own folder, Observations before Patients
    /// (file order `Observation.ndjson` < `Patient.ndjson`); a second patient with labs only;
    /// `Patient/999` named by no Patient resource (kept as SPEC §3.9 says: its id).
    static func drop() throws -> URL {
        let root = try BinaryRunner.temporaryFolder().appendingPathComponent("in")
        var journal = "patient_id,date,location,twitch_count\n"
        for day in 1...6 { journal += "MRN-B1,2026-11-0\(day),left calf,3\n" }
        let observations = [
            observation("o1", patient: "123", loinc: "2823-3", value: 2.4, unit: "mmol/L", day: 10),
            observation("o2", patient: "456", loinc: "2601-3", value: 0.8, unit: "mmol/L", day: 11),
            observation("o3", patient: "999", loinc: "2601-3", value: 0.8, unit: "mmol/L", day: 12),
        ]
        let files: [String: String] = [
            "journals/b1.csv": journal,
            "bulk/Observation.ndjson": observations.joined(separator: "\n") + "\n",
            "bulk/Patient.ndjson": patient("123", mrn: "MRN-B1", birthDate: "1979-04-02") + "\n"
                + patient("456", mrn: "MRN-B2", birthDate: "1990-01-01") + "\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func theBatchJoinsBulkResultsToThePatientsMedicalRecordNumber() throws {
        let input = try Self.drop()
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        let batch = try BinaryRunner.run(["batch", input.path, "--out", output.path, "--as-of", "2026-11-20", "--no-sync"])
        #expect(batch.status == 0 || batch.status == 65, "\(batch.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { !$0.hasPrefix(".") && !$0.contains(".") }
            .sorted()
        #expect(folders == ["999", "MRN-B1", "MRN-B2"], "\(folders)")
        let b1 = try String(contentsOf: output.appendingPathComponent("MRN-B1/referral.json"), encoding: .utf8)
        #expect(b1.contains("bulk/Observation.ndjson"))
        #expect(b1.contains("journals/b1.csv"))
        #expect(b1.contains("\"potassium\""))
        #expect(b1.contains("\"age\": 47") && b1.contains("\"sex\": \"female\""), "Patient.ndjson's demographics")
        let b2 = try String(contentsOf: output.appendingPathComponent("MRN-B2/referral.json"), encoding: .utf8)
        #expect(b2.contains("bulk/Observation.ndjson"))
    }

    @Test func reportJoinsThemTooAndKnowsNoPatient123() throws {
        let input = try Self.drop()
        let one = try BinaryRunner.run(["report", input.path, "--as-of", "2026-11-20", "--patient", "MRN-B1", "--format", "json"])
        #expect(one.status == 0 || one.status == 65, "\(one.stderr)")
        #expect(one.stdout.contains("bulk/Observation.ndjson"), "\(one.stdout.prefix(400))")
        #expect(one.stdout.contains("\"potassium\""))
        #expect(one.stdout.contains("journals/b1.csv"))
        let resource = try BinaryRunner.run(["report", input.path, "--as-of", "2026-11-20", "--patient", "123", "--format", "json"])
        #expect(resource.status == 64, "\(resource.stderr)")
    }
}
