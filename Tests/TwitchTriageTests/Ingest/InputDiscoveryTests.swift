import Foundation
import Testing
import TriageBatch
import TriageIngest
import TriageKnowledge
import TriageModel
import TriageNormalise

@Suite struct InputDiscoveryTests {
    @Test func walksRecursivelySkippingHiddenPartialAndOtherFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tt-discover-\(UUID().uuidString)")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("tt-outside-\(UUID().uuidString)")
        for path in [
            "a.csv", "sub/B.XML", "sub/deeper/c.tsv", ".hidden.csv", ".git/x.csv", "d.csv.part", "e.tmp", "f.csv~", "notes.txt",
            "sub/g.Csv", "readme.md", "h.HL7",
        ] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: outside.appendingPathComponent("secret.csv"))
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("outside.csv").path,
            withDestinationPath: outside.appendingPathComponent("secret.csv").path)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("inside.csv").path,
            withDestinationPath: root.appendingPathComponent("a.csv").path)
        let found = try InputDiscovery.files(under: [root.path]).map(\.displayPath)
        // SPEC §3.1: .txt is read too (HL7 v2 and CSV exports often end so); its kind comes from
        // its content, and a text of no known kind is reported and skipped, never guessed.
        #expect(found == ["a.csv", "h.HL7", "inside.csv", "notes.txt", "sub/B.XML", "sub/deeper/c.tsv", "sub/g.Csv"])
    }

    @Test func aFileNamedDirectlyIsReadWhateverItsName() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tt-named-\(UUID().uuidString).export")
        try Data("x".utf8).write(to: file)
        #expect(try InputDiscovery.files(under: [file.path]).map(\.displayPath) == [file.lastPathComponent])
    }

    @Test func aMissingPathIsAnError() {
        #expect(throws: TriageError(.inputUnreadable("no such file or folder"), path: "/nonexistent/path")) {
            try InputDiscovery.files(under: ["/nonexistent/path"])
        }
    }
}

/// Files into patients, through the one path every command takes (``Ingestion``, the batch's plan).
@Suite struct PatientRecordAssemblerTests {
    let knowledge = Knowledge.forTests
    let asOf = LocalDate(year: 2026, month: 11, day: 20)!

    /// The files (name → text) written to a folder and read as every command reads them.
    private func assemble(_ files: [String: String]) throws -> Ingestion.Assembly {
        let folder = try PhoneAttachmentTests.folder(files)
        return try Ingestion.run(paths: [folder.path], options: ReadOptions(knowledge: knowledge), knowledge: knowledge, asOf: asOf)
    }

    @Test func groupsByPatientAcrossFilesAndIgnoresRecordsAfterTheAsOfDate() throws {
        let assembly = try assemble([
            "a.csv": "patient_id,date,location,twitch_count\nP1,2026-10-01,calf,3\nP2,2026-10-01,calf,2\nP1,2026-12-01,calf,3\n",
            "b.csv": "patient_id,collected_at,test,value,unit\nP1,2026-10-02,magnesium,0.8,mmol/L\n",
            "c.csv": "patient_id,birth_date,sex\nP1,1970-01-01,female\nP3,1980-01-01,male\n",
        ])
        #expect(assembly.patients.map(\.id) == ["P1", "P2"])
        let p1 = assembly.patients[0]
        #expect(p1.journal.count == 1)
        #expect(p1.labs.map(\.analyte) == ["magnesium"])
        #expect(p1.demographics?.sex == .female)
        #expect(p1.inputs.map(\.file) == ["a.csv", "b.csv", "c.csv"])
        #expect(p1.diagnostics.map(\.description) == ["a.csv:4: entry dated after the as-of date 2026-11-20; entry ignored"])
        #expect(
            assembly.unattributed.map(\.description) == ["c.csv: 1 patient has demographics but no journal or lab data; no report written"])
    }

    /// A lab result collected after the as-of date is ignored with a warning; one collected on
    /// the as-of date is used.
    @Test func ignoresLabResultsAfterTheAsOfDate() throws {
        let assembly = try assemble([
            "a.csv": "patient_id,date,location,twitch_count\nP1,2026-10-01,calf,3\n",
            "b.csv":
                "patient_id,collected_at,test,value,unit\nP1,2026-11-20,magnesium,0.8,mmol/L\nP1,2026-11-21,magnesium,0.7,mmol/L\n",
        ])
        let p1 = try #require(assembly.patients.first)
        #expect(p1.labs.map(\.collected.date) == [asOf])
        #expect(p1.diagnostics.map(\.description) == ["b.csv:3: result dated after the as-of date 2026-11-20; result ignored"])
    }

    @Test func conflictingDemographicsKeepTheFirstAndSaySo() throws {
        let assembly = try assemble([
            "a.csv": "patient_id,date,location,twitch_count\nP1,2026-10-01,calf,3\n",
            "b.csv": "patient_id,birth_date,sex\nP1,1970-01-01,female\n",
            "c.csv": "patient_id,birth_date,sex\nP1,1971-01-01,female\n",
        ])
        let p1 = try #require(assembly.patients.first)
        #expect(p1.demographics?.birthDate?.description == "1970-01-01")
        #expect(p1.diagnostics.map(\.description) == ["c.csv:2: birth date differs from b.csv:2; the earlier value kept"])
    }

    @Test func aRefusedFileBelongsToNoPatient() throws {
        let assembly = try assemble(["a.csv": "patient_id,date,twitch_count\nP1,2026-10-01,3\n", "z.csv": "hello,world\n1,2\n"])
        #expect(assembly.unattributed.count == 1)
        #expect(assembly.unattributed[0].location.file == "z.csv")
        #expect(assembly.patients[0].diagnostics.isEmpty)
    }
}
