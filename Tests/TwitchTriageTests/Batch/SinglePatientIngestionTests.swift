import Foundation
import Testing
import TriageBatch
import TriageIngest
import TriageKnowledge
import TriageModel

/// `report --patient ID` builds only that patient's records; what it gives must be exactly what
/// assembling every patient gave (the record, and the problems for no patient).
@Suite struct SinglePatientIngestionTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let asOf = LocalDate(year: 2026, month: 11, day: 20)!

    /// A multi-patient drop with every case that decides whether a patient gets a record: a
    /// lab file where one patient has only results after the as-of date, one only an unknown
    /// test, one a row error; a patients file with demographics only; a journal for two.
    static func drop() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tt-single-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = [
            "labs.csv": """
            patient_id,collected_at,test,loinc,value,unit,ref_low,ref_high
            M001,2026-10-02,magnesium,19123-9,1.4,mg/dL,1.7,2.2
            M002,2026-12-02,potassium,2823-3,4.1,mmol/L,3.5,5.1
            M003,2026-10-02,frobnicase,,12,U/L,1,20
            M004,2026-10-02,potassium,2823-3,4.1,parsecs,3.5,5.1
            M005,2026-10-02,vitamin B12,2132-9,450,pg/mL,200,900
            M001,2026-10-09,potassium,2823-3,3.1,mmol/L,3.5,5.1

            """,
            "journal.csv": """
            patient_id,date,location,twitch_count,weakness,notes
            M001,2026-10-01,right forearm,4,0,after yard work
            M005,2026-10-01,left calf,2,0,
            M005,10/02/2026,left calf,2,0,
            M001,2026-10-02,right forearm,5,1,

            """,
            "patients.csv": """
            patient_id,birth_date,sex
            M001,1980-01-01,F
            M006,1975-05-05,M
            M007,1990-02-02,F

            """,
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    /// The problems for no patient a single-patient report shows: a full read's, without the
    /// count of patients with demographics but nothing to triage (the batch's: `report
    /// --patient` says nothing about other patients).
    static func forOnePatient(_ unattributed: [Diagnostic]) -> [Diagnostic] {
        unattributed.filter { !$0.message.hasSuffix("demographics but no journal or lab data; no report written") }
    }

    static func expectSame(paths: [String]) throws {
        let knowledge = Knowledge.forTests
        let full = try Ingestion.run(paths: paths, options: ReadOptions(knowledge: knowledge), knowledge: knowledge, asOf: asOf)
        #expect(full.patients.count > 1)
        for record in full.patients {
            let single = try Ingestion.run(
                paths: paths, options: ReadOptions(knowledge: knowledge), knowledge: knowledge, asOf: asOf, patient: record.id)
            #expect(single.patients == [record], "\(record.id)")
            #expect(single.unattributed == forOnePatient(full.unattributed), "\(record.id)")
        }
        let missing = try Ingestion.run(
            paths: paths, options: ReadOptions(knowledge: knowledge), knowledge: knowledge, asOf: asOf, patient: "nobody")
        #expect(missing.patients.isEmpty)
        #expect(missing.unattributed == forOnePatient(full.unattributed))
    }

    @Test func everyPatientOfAMultiPatientDropIsBuiltAsAssemblingAllBuiltIt() throws {
        let folder = try Self.drop()
        let full = try Ingestion.run(
            paths: [folder.path], options: ReadOptions(knowledge: Knowledge.forTests), knowledge: Knowledge.forTests, asOf: Self.asOf)
        // The drop holds what it says: M002, M003, M006, M007 have nothing to triage, M004 a row error.
        #expect(full.patients.map(\.id) == ["M001", "M004", "M005"])
        #expect(full.unattributed.map(\.description).contains { $0.contains("2 patients have demographics but no journal or lab data") })
        try Self.expectSame(paths: [folder.path])
        // The single report says nothing about the other patients.
        let single = try Ingestion.run(
            paths: [folder.path], options: ReadOptions(knowledge: Knowledge.forTests), knowledge: Knowledge.forTests, asOf: Self.asOf,
            patient: "M001")
        #expect(single.unattributed.map(\.description) == [])
        #expect(!full.unattributed.isEmpty && Self.forOnePatient(full.unattributed).isEmpty)
    }

    @Test func everyPatientOfTheSamplesIsBuiltAsAssemblingAllBuiltIt() throws {
        try Self.expectSame(paths: [Self.root.appendingPathComponent("Samples").path])
    }
}
