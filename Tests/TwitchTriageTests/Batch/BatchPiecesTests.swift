import Foundation
import Testing
import TriageModel

@testable import TriageBatch

@Suite struct SafeFileNameTests {
    @Test(arguments: [("P001", "P001"), ("MRN-004417", "MRN-004417"), ("a/b", "a_b"), ("a b\u{e9}", "a_b_"), ("x..y", "x..y")])
    func keepsSafeCharacters(id: String, expected: String) throws {
        #expect(try SafeFileName.make(id) == expected)
    }

    @Test(arguments: ["", "..", ".", ".hidden", "../../x", String(repeating: "x", count: 129)])
    func refusesWhatCannotBeMadeSafe(id: String) {
        #expect(throws: SafeFileName.Failure.self) { try SafeFileName.make(id) }
    }
}

@Suite struct ShardTests {
    @Test func everyPatientLandsInExactlyOneShard() {
        let ids = (0..<500).map { "P\($0)" }
        for count in [1, 2, 3, 7] {
            let shards = (0..<count).map { Shard(index: $0, count: count)! }
            for id in ids { #expect(shards.filter { $0.contains(patientID: PatientID(id)) }.count == 1) }
        }
    }

    /// FNV-1a 64 reference values: the same on every host and every run.
    @Test func theHashIsFNV1a() {
        #expect(Shard.stableHash("") == 0xcbf2_9ce4_8422_2325)
        #expect(Shard.stableHash("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func shardsParseFromTheFlag() throws {
        #expect(try Shard(parsing: "1/4", environment: [:]) == Shard(index: 1, count: 4))
        #expect(try Shard(parsing: "auto/3", environment: ["JOB_COMPLETION_INDEX": "2"]) == Shard(index: 2, count: 3))
        #expect(try Shard(parsing: "auto/3", environment: ["SLURM_ARRAY_TASK_ID": "0"]) == Shard(index: 0, count: 3))
        for bad in ["4/4", "1", "a/2", "1/2/3", "-1/2", ""] {
            #expect(throws: TriageError(.usage("--shard must be K/N or auto/N with 0 <= K < N, like 0/4; not '\(bad)'."))) {
                try Shard(parsing: bad, environment: [:])
            }
        }
        #expect(throws: TriageError(.usage("--shard auto/N needs JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID in the environment."))) {
            try Shard(parsing: "auto/2", environment: [:])
        }
    }

    @Test func invalidShardsAreRefused() {
        #expect(Shard(index: 2, count: 2) == nil)
        #expect(Shard(index: -1, count: 2) == nil)
        #expect(Shard(index: 0, count: 0) == nil)
    }
}

@Suite struct AtomicFileWriterTests {
    @Test func writesWithOwnerOnlyPermissionsAndLeavesNoTemporaryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tt-atomic-\(UUID().uuidString)").path
        try AtomicFileWriter.makeDirectory(folder + "/a/b")
        try AtomicFileWriter.write("one\n", to: folder + "/a/b/file.txt")
        try AtomicFileWriter.write("two\n", to: folder + "/a/b/file.txt")
        #expect(try String(contentsOfFile: folder + "/a/b/file.txt", encoding: .utf8) == "two\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/a/b") == ["file.txt"])
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/a/b/file.txt")
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: folder + "/a")[.posixPermissions] as? Int == 0o700)
    }

    @Test func aWriteIntoAMissingFolderFailsWithTheReason() {
        #expect(throws: AtomicFileWriter.Failure.self) { try AtomicFileWriter.write("x", to: "/nonexistent-folder/x.txt") }
    }
}

@Suite struct LedgerTests {
    @Test func recordsRunsAndReturnsTheLatestCompletedResults() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tt-ledger-\(UUID().uuidString)").path
        let ledger = try Ledger(output: folder)
        #expect(try ledger.completedRuns().isEmpty)
        let asOf = LocalDate(year: 2026, month: 11, day: 20)!
        let first = try ledger.beginRun(asOf: asOf, knowledgeVersion: "k", shard: nil)
        #expect(try ledger.lastRunIncomplete())
        let result = BatchResult(
            outcome: .ok, files: 1, filesRefused: 0, patients: 1, patientsWritten: 1, patientsUnchanged: 0, problems: [])
        try ledger.completeRun(
            first,
            results: [
                Ledger.Result(
                    patientID: "P1", fingerprint: "f1", urgency: .routine, folder: "P1",
                    headline: "h", tests: ["EMG", "MRI (cervical spine)"])
            ], result: result)
        #expect(try !ledger.lastRunIncomplete())
        let second = try ledger.beginRun(asOf: asOf, knowledgeVersion: "k", shard: nil)
        _ = second  // killed: never completed
        #expect(try ledger.lastRunIncomplete())
        #expect(try ledger.completedRuns() == [first])
        let previous = try ledger.results(ofRun: first)
        #expect(previous["P1"]?.urgency == .routine)
        #expect(previous["P1"]?.tests == ["EMG", "MRI (cervical spine)"])
        // Reopening migrates nothing twice.
        _ = try Ledger(output: folder)
    }
}
