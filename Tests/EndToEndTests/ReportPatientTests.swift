import Foundation
import Testing
import TriageBatch
import TriageEngine
import TriageIngest
import TriageKnowledge
import TriageModel
import TriageRender

/// `report --patient ID` over a multi-patient lab export builds only that patient; its output
/// is byte for byte what building every patient gave (the path `report` took before), but for
/// the count of other patients with demographics and nothing to triage: a single-patient
/// report says nothing about other patients (that count is the batch's).
@Suite struct ReportPatientTests {
    static let labs: String = {
        var text = "patient_id,collected_at,test,loinc,value,unit,ref_low,ref_high\n"
        for index in 0..<60 {
            let id = "L-\(String(format: "%06d", index))"
            text += "\(id),2026-10-0\(1 + index % 9),magnesium,19123-9,\(1.2 + Double(index % 10) / 10),mg/dL,1.7,2.2\n"
            text += "\(id),2026-10-1\(index % 9),potassium,2823-3,\(3 + Double(index % 7) / 5),mmol/L,3.5,5.1\n"
            if index % 11 == 0 { text += "\(id),2026-10-12,potassium,2823-3,4.0,parsecs,3.5,5.1\n" }
            if index % 13 == 0 { text += "\(id),2026-12-24,vitamin B12,2132-9,450,pg/mL,200,900\n" }
        }
        text += "L-999999,2026-10-02,frobnicase,,12,U/L,1,20\n"
        return text
    }()

    static let demographicsOnly = "demographics but no journal or lab data; no report written"

    /// What `report` printed before `--patient` built one patient only: every patient built,
    /// the chosen one's record with the problems for no patient, rendered; without the count
    /// of patients with nothing to triage (L-999999's unknown test, L-888888's demographics).
    static func expected(_ folder: URL, patient: String, format: String) throws -> String {
        let asOf = LocalDate(year: 2026, month: 11, day: 20)!
        let knowledge = try Knowledge.bundled
        let assembly = try Ingestion.run(paths: [folder.path], options: ReadOptions(knowledge: knowledge), knowledge: knowledge, asOf: asOf)
        #expect(
            assembly.unattributed.map(\.description) == [
                "labs.csv: 1 patient has \(demographicsOnly)",
                "patients.csv: 1 patient has \(demographicsOnly)",
            ])
        var record = try #require(assembly.patients.first { $0.id.rawValue == patient })
        record.diagnostics = (record.diagnostics + assembly.unattributed.filter { !$0.message.hasSuffix(demographicsOnly) }).sorted()
        let referral = ReferralBuilder(knowledge: knowledge).referral(for: record, asOf: asOf)
        return format == "json" ? ReferralJSON.render(referral) : ReferralMarkdown.render(referral, knowledge: knowledge)
    }

    @Test(arguments: [("L-000000", "json"), ("L-000011", "json"), ("L-000026", "markdown"), ("L-000059", "json")])
    func reportForOnePatientIsByteIdenticalToBuildingEveryPatient(patient: String, format: String) throws {
        let folder = try BinaryRunner.temporaryFolder()
        try Data(Self.labs.utf8).write(to: folder.appendingPathComponent("labs.csv"))
        try Data("patient_id,birth_date,sex\nL-000003,1980-01-01,F\nL-888888,1970-01-01,M\n".utf8)
            .write(to: folder.appendingPathComponent("patients.csv"))
        let output = try BinaryRunner.run(["report", folder.path, "--patient", patient, "--as-of", "2026-11-20", "--format", format])
        #expect(output.status == 0 || output.status == 65, "\(output.stderr)")
        #expect(output.stdout == (try Self.expected(folder, patient: patient, format: format)))
        #expect(!output.stderr.contains(Self.demographicsOnly))
    }

    @Test func anUnknownPatientStillListsThePatientsFound() throws {
        let folder = try BinaryRunner.temporaryFolder()
        try Data(
            "patient_id,collected_at,test,loinc,value,unit,ref_low,ref_high\nA1,2026-10-02,magnesium,19123-9,1.4,mg/dL,1.7,2.2\nA2,2026-10-02,magnesium,19123-9,1.9,mg/dL,1.7,2.2\n"
                .utf8
        )
        .write(to: folder.appendingPathComponent("labs.csv"))
        let output = try BinaryRunner.run(["report", folder.path, "--patient", "A3", "--as-of", "2026-11-20"])
        #expect(output.status == 64)
        #expect(output.stderr == "no patient A3 in the input; patients found: A1, A2\n")
    }
}
