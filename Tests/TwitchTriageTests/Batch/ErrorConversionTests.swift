import Foundation
import Testing
import TriageBatch
import TriageModel

@testable import TriageIngest
@testable import TriageKnowledge

/// Where each layer's own error leaves the library it becomes a ``TriageError`` with its message
/// unchanged (issue 24: one error path).
@Suite struct ErrorConversionTests {
    private static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tt-errors-\(UUID().uuidString)")

    @Test func aKnowledgeErrorIsAConfigurationErrorNamingFolderFileAndRow() {
        let table = KnowledgeError(
            file: "analytes.json", row: .init(number: 3, id: "calcium"), subject: #"unit "mg/dL""#,
            reason: .badFactor("mg/dL", factor: 0))
        let error = TriageError(table, folder: "clinic", outcome: "nothing written")
        #expect(error.category == .configuration)
        #expect(
            error.description
                == #"clinic/analytes.json: row 3 (calcium): unit "mg/dL" has factor 0; a factor must be a positive number; nothing written"#
        )
        #expect(TriageError(table, folder: "clinic/", outcome: "nothing written") == error)
        let unfound = TriageError(KnowledgeError(file: "knowledge.json", reason: .fileMissing), folder: nil, outcome: "nothing was read")
        #expect(unfound.description == "knowledge.json: the file is missing; nothing was read")
    }

    @Test func aFolderWithoutTablesIsAConfigurationError() {
        let missing = Self.folder.appendingPathComponent("nowhere").path
        #expect(
            throws: TriageError(
                .configuration(
                    "\(missing)/knowledge.json: the file is missing; the tables of --knowledge were not used and nothing was read"))
        ) {
            try KnowledgeLoader.load(folder: missing)
        }
        #expect(throws: TriageError(.configuration("\(missing)/knowledge.json: the file is missing; nothing written"))) {
            try KnowledgeLoader.compile(folder: missing)
        }
    }

    @Test func theShippedTablesLoadAsCommandsLoadThem() throws {
        #expect(try Knowledge.shipped == Knowledge.bundled)
    }

    @Test func aCodeMapRefusalIsAConfigurationErrorWithEveryProblem() throws {
        let refusal = LabCodeMap.Refusal(problems: [
            .error(at: SourceLocation(file: "map.csv", line: 2, column: 6), "code is empty; code map not used"),
            .error(at: SourceLocation(file: "map.csv", line: 3), "code is empty; code map not used"),
        ])
        let error = TriageError(refusal)
        #expect(error.category == .configuration)
        #expect(error.description == "map.csv:2:6: code is empty; code map not used\nmap.csv:3: code is empty; code map not used")
        let missing = Self.folder.appendingPathComponent("none.csv").path
        let analytes = try Knowledge.bundled.analyteIndex
        var thrown: TriageError?
        do {
            _ = try LabCodeMap.configured(path: missing, analytes: analytes)
        } catch {
            thrown = error
        }
        let unreadable = try #require(thrown)
        #expect(unreadable.category == .configuration)
        #expect(unreadable.description.hasPrefix("\(missing): cannot read the code map: "))
        #expect(unreadable.description.hasSuffix("; nothing read"))
    }

    @Test func aWorklistThatIsNotOneIsAnInputErrorNamingIt() throws {
        let shard = Self.folder.appendingPathComponent("shard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: shard, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: shard) }
        try Data("[]".utf8).write(to: shard.appendingPathComponent("worklist.json"))
        #expect(throws: TriageError(.inputUnreadable("not a twitch-triage worklist; nothing merged"), path: shard.path + "/worklist.json"))
        {
            try WorklistMerge.merge(shards: [shard.path], output: Self.folder.path, knowledge: .forTests)
        }
        #expect(throws: TriageError(.inputUnreadable("no shard folders given; nothing merged"))) {
            try WorklistMerge.merge(shards: [], output: Self.folder.path, knowledge: .forTests)
        }
    }

    /// The merged worklist's words are the loaded tables' phrases: a shard written with other
    /// tables is refused as a configuration error (exit 78), naming its file and both versions.
    @Test func aShardOfAnotherKnowledgeVersionIsAConfigurationErrorNamingIt() throws {
        let shard = Self.folder.appendingPathComponent("shard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: shard, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: shard) }
        let knowledge = Knowledge.forTests
        func write(version: String) throws {
            let json =
                "{\"asOf\": \"2026-11-20\", \"knowledgeVersion\": \"\(version)\", \"tool\": {\"name\": \"twitch-triage\", \"version\": \"t\"}, \"patients\": []}"
            try Data(json.utf8).write(to: shard.appendingPathComponent("worklist.json"))
        }
        try write(version: "2026.1.1")
        let path = shard.path + "/worklist.json"
        let expected = TriageError(
            .configuration(
                "written with knowledge 2026.1.1, but the knowledge tables loaded are \(knowledge.version) (pass the shards' tables with --knowledge); nothing merged"
            ), path: path)
        #expect(throws: expected) { try WorklistMerge.merge(shards: [shard.path], output: Self.folder.path, knowledge: knowledge) }
        #expect(expected.category == .configuration)
        #expect(
            expected.description
                == "\(path): written with knowledge 2026.1.1, but the knowledge tables loaded are \(knowledge.version) (pass the shards' tables with --knowledge); nothing merged"
        )
        try write(version: knowledge.version)
        let merged = try WorklistMerge.merge(shards: [shard.path], output: Self.folder.path, knowledge: knowledge)
        #expect(merged.knowledgeVersion == knowledge.version)
    }

    @Test func reportsWithoutAnAsOfDateAreAnInputError() {
        let reports = Self.folder.appendingPathComponent("no-reports").path
        let expected = TriageError(
            .inputUnreadable("no as-of date recorded (run.json missing or without asOf); nothing verified"),
            path: reports + "/run.json")
        #expect(throws: expected) { try SampleVerification.recordedAsOf(reports: reports) }
        #expect(
            expected.description
                == "\(reports)/run.json: no as-of date recorded (run.json missing or without asOf); nothing verified; nothing read")
    }

    @Test func aLedgerThatCannotBeOpenedForFeedbackNamesIt() throws {
        let output = Self.folder.appendingPathComponent("feedback-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: output.appendingPathComponent(".twitch-triage/ledger.sqlite"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        var thrown: TriageError?
        do {
            _ = try Ledger.feedbackSummary(output: output.path)
        } catch {
            thrown = error
        }
        let error = try #require(thrown)
        #expect(error.category == .output)
        #expect(error.path == Ledger.path(in: output.path))
    }
}
