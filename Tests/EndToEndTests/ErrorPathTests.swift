import Foundation
import Testing
import TriageKnowledge

/// One error path (issue 24): every error the library throws is a `TriageError`, and
/// `ExitStatus` turns it into its message and exit code. Each category from the built binary,
/// with the exact message on stderr.
@Suite struct ErrorPathTests {
    private static let samples = BinaryRunner.packageRoot.appendingPathComponent("Samples").path
    private static let shipped = BinaryRunner.packageRoot.appendingPathComponent("Sources/TriageKnowledge/Resources")

    /// `twitch-triage` hard-linked (or copied) alone into a fresh folder, with a resource bundle
    /// beside it holding a copy of the shipped JSON tables with `edit` applied: an installation
    /// whose shipped tables are broken.
    private func installation(editing file: String, _ old: String, _ new: String) throws -> (binary: URL, tables: URL) {
        let folder = try BinaryRunner.temporaryFolder()
        let binary = folder.appendingPathComponent("twitch-triage")
        let installed = BinaryRunner.binary.resolvingSymlinksInPath()
        do {
            try FileManager.default.linkItem(at: installed, to: binary)
        } catch {
            try FileManager.default.copyItem(at: installed, to: binary)
        }
        let tables = folder.appendingPathComponent(KnowledgeLoader.bundleName + "/Resources")
        try FileManager.default.createDirectory(at: tables, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.shipped.path) where name.hasSuffix(".json") {
            var text = try String(contentsOf: Self.shipped.appendingPathComponent(name), encoding: .utf8)
            if name == file {
                let range = try #require(text.range(of: old), "\(old) not in \(name)")
                text.replaceSubrange(range, with: new)
            }
            try text.write(to: tables.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        for name in [KnowledgeSnapshot.file, KnowledgeDigest.stampFile] {
            try FileManager.default.copyItem(at: Self.shipped.appendingPathComponent(name), to: tables.appendingPathComponent(name))
        }
        return (binary, tables)
    }

    @Test func brokenShippedTablesAreAConfigurationErrorNamingTheFile() throws {
        let (binary, tables) = try installation(editing: "red-flags.json", "\"weakness\"", "\"weaknes\"")
        defer { try? FileManager.default.removeItem(at: binary.deletingLastPathComponent()) }
        let result = try BinaryRunner.run(["report", Self.samples, "--patient", "P001", "--as-of", "2026-11-20"], executable: binary)
        #expect(result.status == 78)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == """
                \(tables.path)/red-flags.json: row 4 (progressive-weakness): names symptom "weaknes", which is not in vocabulary.json \
                symptoms; the shipped knowledge tables cannot be used (reinstall the tool with its resource folder); nothing was read

                """)
    }

    @Test func aBadCodeMapIsAConfigurationErrorWithEveryProblem() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let map = folder.appendingPathComponent("code-map.csv")
        try "system,code,analyte,unit\nL,K1,potasium,mmol/L\n".write(to: map, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["report", Self.samples, "--patient", "P001", "--as-of", "2026-11-20", "--code-map", map.path])
        #expect(result.status == 78)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == """
                \(map.path):2:6: analyte 'potasium' is not an analyte id of the knowledge (twitch-triage knowledge lists them); \
                code map not used

                """)
    }

    @Test func aWorklistMergeOfABadFileIsAnInputError() throws {
        let root = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let shard = root.appendingPathComponent("shard-0")
        try FileManager.default.createDirectory(at: shard, withIntermediateDirectories: true)
        try Data("{\"patients\": 3}\n".utf8).write(to: shard.appendingPathComponent("worklist.json"))
        let merged = root.appendingPathComponent("merged")
        let result = try BinaryRunner.run(["worklist", "merge", shard.path, "--out", merged.path])
        #expect(result.status == 65)
        #expect(result.stderr == "\(shard.path)/worklist.json: not a twitch-triage worklist; nothing merged; nothing read\n")
        #expect(!FileManager.default.fileExists(atPath: merged.path))
    }

    @Test func aServiceClientsFileThatCannotBeUsedIsAConfigurationError() throws {
        let root = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let clients = root.appendingPathComponent("clients.json")
        try Data(#"{"clients":[{"iss":"a","mrnSystem":"m"}]}"#.utf8).write(to: clients)
        let result = try BinaryRunner.run([
            "serve", "--reports", root.appendingPathComponent("reports").path, "--clients", clients.path,
            "--port", "0",
        ])
        #expect(result.status == 78)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "\(clients.path): clients[0]: no jwks and no jku, so no token can be checked; service not started\n")
    }
}
