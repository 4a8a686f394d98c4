import Foundation
import Testing
import TriageBatch
import TriageEngine
import TriageIngest
import TriageKnowledge
import TriageModel
import TriageRender

/// `report`'s entry point (``SinglePatientReport``): the patient it picks, its referral
/// rendered, the problems it lists and how it ends, over the multi-patient drop of
/// ``SinglePatientIngestionTests`` with a file no reader knows beside it.
@Suite struct SinglePatientReportTests {
    static let asOf = SinglePatientIngestionTests.asOf

    /// The drop, and `z.csv`, which every reader refuses (a problem for no patient).
    static func drop() throws -> URL {
        let folder = try SinglePatientIngestionTests.drop()
        try Data("hello,world\n1,2\n".utf8).write(to: folder.appendingPathComponent("z.csv"))
        return folder
    }

    static func report(_ folder: URL, patient: PatientID?, format: SinglePatientReport.Format = .json) throws(TriageError)
        -> SinglePatientReport
    {
        try SinglePatientReport.make(
            paths: [folder.path], patient: patient, format: format, asOf: asOf,
            options: ReadOptions(knowledge: Knowledge.forTests), knowledge: Knowledge.forTests)
    }

    static let refused = "z.csv:1: header is not that of a journal, lab or patients CSV; file skipped"

    @Test func thePatientChosenIsPickedRenderedAndGivenTheProblemsForNoPatient() throws {
        let folder = try Self.drop()
        let report = try Self.report(folder, patient: "M001")
        let referral = try #require(report.referral)
        #expect(referral.patient.id == "M001")
        #expect(report.rendered == ReferralJSON.render(referral))
        // M001's own records have no problem; the refused file is listed with it, and is in its
        // referral; the count of other patients with demographics only is not.
        #expect(report.diagnostics.map(\.description) == [Self.refused])
        #expect(report.outcome == .inputProblems)
        // The referral is the one of the record the batch's steps built for M001.
        let assembly = try Ingestion.run(
            paths: [folder.path], options: ReadOptions(knowledge: Knowledge.forTests),
            knowledge: Knowledge.forTests, asOf: Self.asOf)
        var record = try #require(assembly.patients.first { $0.id == "M001" })
        record.diagnostics = (record.diagnostics + [try #require(assembly.unattributed.first { $0.location.file == "z.csv" })]).sorted()
        #expect(referral == ReferralBuilder(knowledge: Knowledge.forTests).referral(for: record, asOf: Self.asOf))
    }

    @Test(arguments: SinglePatientReport.Format.allCases)
    func everyFormatIsTheRenderersOwn(format: SinglePatientReport.Format) throws {
        let report = try Self.report(try Self.drop(), patient: "M005", format: format)
        let referral = try #require(report.referral)
        let knowledge = Knowledge.forTests
        let expected =
            switch format {
            case .json: ReferralJSON.render(referral)
            case .markdown: ReferralMarkdown.render(referral, knowledge: knowledge)
            case .html: ReferralHTML.render(referral, knowledge: knowledge)
            case .fhir: ReferralFHIR.render(referral, knowledge: knowledge)
            }
        #expect(report.rendered == expected)
        #expect(!report.rendered.isEmpty)
    }

    @Test func aPatientsOwnErrorEndsWithInputProblemsAndIsListed() throws {
        let folder = try SinglePatientIngestionTests.drop()
        let report = try Self.report(folder, patient: "M004")
        #expect(report.referral?.patient.id == "M004")
        #expect(
            report.diagnostics.map(\.description) == [
                "labs.csv:5:38: unit does not fit the analyte (potassium is reported in mmol/L or mEq/L); row skipped"
            ])
        #expect(report.outcome == .inputProblems)
        let clean = try Self.report(folder, patient: "M001")
        #expect(clean.diagnostics == [])
        #expect(clean.outcome == .ok)
    }

    @Test func aPatientNotInTheInputListsThePatientsWithRecords() throws {
        let report = try Self.report(try Self.drop(), patient: "M006")
        // M006 has demographics only: no record, so not among the patients found.
        #expect(report.outcome == .noPatient(TriageError(.usage("no patient M006 in the input; patients found: M001, M004, M005"))))
        #expect(report.referral == nil)
        #expect(report.rendered == "")
        #expect(report.diagnostics == [])
        guard case .noPatient(let error) = report.outcome else { return }
        #expect(error.description == "no patient M006 in the input; patients found: M001, M004, M005")
        #expect(error.category == .usage)
    }

    @Test func aPatientNotInAnInputOfNoPatientSaysNone() throws {
        let folder = try PhoneAttachmentTests.folder(["patients.csv": "patient_id,birth_date,sex\nM006,1975-05-05,M\n"])
        let report = try Self.report(folder, patient: "M001")
        #expect(report.outcome == .noPatient(TriageError(.usage("no patient M001 in the input; patients found: none"))))
    }

    @Test func withoutAPatientSeveralAreAUsageErrorWithTheProblemsForNoPatient() throws {
        let report = try Self.report(try Self.drop(), patient: nil)
        #expect(
            report.outcome == .noPatient(TriageError(.usage("the input holds 3 patients; choose one with --patient: M001, M004, M005"))))
        #expect(report.referral == nil)
        #expect(
            report.diagnostics.map(\.description) == [
                "labs.csv: 2 patients have demographics but no journal or lab data; no report written",
                "patients.csv: 2 patients have demographics but no journal or lab data; no report written",
                Self.refused,
            ])
    }

    @Test func withoutAPatientTheOneThereIsIsPicked() throws {
        let folder = try PhoneAttachmentTests.folder([
            "journal.csv": "patient_id,date,location,twitch_count\nA1,2026-10-01,right forearm,4\nA1,2026-12-01,right forearm,4\n",
            "patients.csv": "patient_id,birth_date,sex\nA1,1980-01-01,F\nA2,1975-05-05,M\n",
        ])
        let report = try Self.report(folder, patient: nil, format: .markdown)
        #expect(report.referral?.patient.id == "A1")
        // A full read: the count of patients with demographics only is listed too.
        #expect(
            report.diagnostics.map(\.description) == [
                "journal.csv:3: entry dated after the as-of date 2026-11-20; entry ignored",
                "patients.csv: 1 patient has demographics but no journal or lab data; no report written",
            ])
        #expect(report.outcome == .ok)
    }

    @Test func anInputWithNoPatientDataIsAnInputError() throws {
        let folder = try PhoneAttachmentTests.folder(["z.csv": "hello,world\n1,2\n"])
        let report = try Self.report(folder, patient: nil)
        #expect(report.outcome == .noPatient(TriageError(.inputUnreadable("no patient data found in the input"))))
        #expect(report.diagnostics.map(\.description) == [Self.refused])
    }

    @Test func aMissingPathIsThrownAsAnInputError() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("tt-missing-\(UUID().uuidString)")
        #expect(throws: TriageError.self) { try Self.report(missing, patient: nil) }
        do {
            _ = try Self.report(missing, patient: "M001")
            Issue.record("no error")
        } catch {
            #expect(error.category == .input)
        }
    }
}
