import Foundation
import Testing

/// `--knowledge DIR` (a clinic's edited tables, validated in full at load) on report, batch and
/// knowledge, and `knowledge --compile` (what `make knowledge-stamp` runs).
@Suite struct KnowledgeFlagTests {
    private static let shipped = BinaryRunner.packageRoot.appendingPathComponent("Sources/TriageKnowledge/Resources")
    private static let samples = BinaryRunner.packageRoot.appendingPathComponent("Samples").path

    /// A copy of the shipped JSON tables (no snapshot, no stamp), with `edit` applied to its text files.
    private func copy(_ edit: [String: (String, String)] = [:]) throws -> URL {
        let folder = try BinaryRunner.temporaryFolder().appendingPathComponent("tables")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.shipped.path) where name.hasSuffix(".json") {
            var text = try String(contentsOf: Self.shipped.appendingPathComponent(name), encoding: .utf8)
            if let (old, new) = edit[name] {
                let range = try #require(text.range(of: old), "\(old) not in \(name)")
                text.replaceSubrange(range, with: new)
            }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func aCopyOfTheShippedTablesGivesTheSameReport() throws {
        let tables = try copy()
        defer { try? FileManager.default.removeItem(at: tables.deletingLastPathComponent()) }
        let arguments = ["report", Self.samples, "--patient", "P001", "--as-of", "2026-11-20"]
        let shipped = try BinaryRunner.run(arguments)
        let copied = try BinaryRunner.run(arguments + ["--knowledge", tables.path])
        #expect(shipped.status == copied.status)
        #expect(!shipped.stdout.isEmpty)
        #expect(copied.stdout == shipped.stdout)
        #expect(copied.stderr == shipped.stderr)
    }

    @Test func anEditedTableIsWhatTheCommandsUse() throws {
        let tables = try copy(["knowledge.json": ("\"version\": \"2026.12.7\"", "\"version\": \"2026.12.7-clinic\"")])
        defer { try? FileManager.default.removeItem(at: tables.deletingLastPathComponent()) }
        let report = try BinaryRunner.run([
            "report", Self.samples, "--patient", "P001", "--as-of", "2026-11-20", "--knowledge", tables.path,
        ])
        #expect(report.stdout.contains("2026.12.7-clinic"))
        let printed = try BinaryRunner.run(["knowledge", "--format", "json", "--knowledge", tables.path])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("2026.12.7-clinic"))
    }

    /// A configuration error (`EX_CONFIG`, 78), the same message from every command.
    @Test func aTableThatDoesNotValidateStopsReportBatchAndKnowledge() throws {
        let tables = try copy(["red-flags.json": ("\"weakness\"", "\"weaknes\"")])
        defer { try? FileManager.default.removeItem(at: tables.deletingLastPathComponent()) }
        let message =
            "\(tables.path)/red-flags.json: row 4 (progressive-weakness): names symptom \"weaknes\", which is not in vocabulary.json symptoms; the tables of --knowledge were not used and nothing was read\n"
        let report = try BinaryRunner.run(["report", Self.samples, "--patient", "P001", "--knowledge", tables.path])
        #expect(report.status == 78)
        #expect(report.stdout.isEmpty)
        #expect(report.stderr == message)
        let out = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let batch = try BinaryRunner.run([
            "batch", Self.samples, "--out", out.appendingPathComponent("reports").path, "--knowledge", tables.path, "--quiet",
        ])
        #expect(batch.status == 78)
        #expect(batch.stderr == message)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("reports").path))
        let printed = try BinaryRunner.run(["knowledge", "--knowledge", tables.path])
        #expect(printed.status == 78)
        #expect(printed.stderr == message)
        // The service stops before it opens anything.
        let served = try BinaryRunner.run([
            "serve", "--reports", out.appendingPathComponent("reports").path, "--insecure-no-auth",
            "--port", "0", "--knowledge", tables.path,
        ])
        #expect(served.status == 78)
        #expect(served.stderr == message)
    }

    /// `worklist merge` writes the words of the tables it loads (`--knowledge DIR` or the shipped
    /// ones) and refuses a shard written with another knowledge version (exit 78, nothing merged).
    @Test func worklistMergeUsesTheTablesItLoadsAndRefusesAnotherVersion() throws {
        let tables = try copy([
            "knowledge.json": ("\"version\": \"2026.12.7\"", "\"version\": \"2026.12.7-clinic\""),
            "page.json": ("\"text\": \"Twitching for\"", "\"text\": \"Duration\""),
        ])
        defer { try? FileManager.default.removeItem(at: tables.deletingLastPathComponent()) }
        let input = try BatchFixture.make()
        let root = input.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        let shard = root.appendingPathComponent("shards/shard-0")
        let batch = try BinaryRunner.run([
            "batch", input.path, "--out", shard.path, "--as-of", "2026-11-20", "--no-sync", "--knowledge", tables.path,
        ])
        #expect(batch.status == 0, "\(batch.stderr)")
        let merged = root.appendingPathComponent("shards")
        let refused = try BinaryRunner.run(["worklist", "merge", shard.path, "--out", merged.path])
        #expect(refused.status == 78)
        #expect(
            refused.stderr
                == "\(shard.path)/worklist.json: written with knowledge 2026.12.7-clinic, but the knowledge tables loaded are 2026.12.7 (pass the shards' tables with --knowledge); nothing merged\n"
        )
        #expect(!FileManager.default.fileExists(atPath: merged.appendingPathComponent("worklist.md").path))
        let merge = try BinaryRunner.run(["worklist", "merge", shard.path, "--out", merged.path, "--knowledge", tables.path])
        #expect(merge.status == 0, "\(merge.stderr)")
        let markdown = try String(contentsOf: merged.appendingPathComponent("worklist.md"), encoding: .utf8)
        #expect(markdown.contains("| Duration |") && !markdown.contains("Twitching for"))
    }

    @Test func compileWritesTheShippedSnapshotForTheShippedTables() throws {
        let tables = try copy()
        defer { try? FileManager.default.removeItem(at: tables.deletingLastPathComponent()) }
        let compiled = try BinaryRunner.run(["knowledge", "--compile", tables.path])
        #expect(compiled.status == 0)
        #expect(compiled.stdout.isEmpty)
        let written = try Data(contentsOf: tables.appendingPathComponent("knowledge.snapshot"))
        #expect(written == (try Data(contentsOf: Self.shipped.appendingPathComponent("knowledge.snapshot"))))
        #expect(
            try Data(contentsOf: tables.appendingPathComponent("knowledge.validated"))
                == (try Data(contentsOf: Self.shipped.appendingPathComponent("knowledge.validated"))))
    }

    @Test func compileRefusesTablesThatDoNotValidateAndWritesNothing() throws {
        let tables = try copy(["red-flags.json": ("\"weakness\"", "\"weaknes\"")])
        defer { try? FileManager.default.removeItem(at: tables.deletingLastPathComponent()) }
        let compiled = try BinaryRunner.run(["knowledge", "--compile", tables.path])
        #expect(compiled.status == 78)
        #expect(
            compiled.stderr
                == "\(tables.path)/red-flags.json: row 4 (progressive-weakness): names symptom \"weaknes\", which is not in vocabulary.json symptoms; nothing written\n"
        )
        #expect(!FileManager.default.fileExists(atPath: tables.appendingPathComponent("knowledge.snapshot").path))
    }
}
