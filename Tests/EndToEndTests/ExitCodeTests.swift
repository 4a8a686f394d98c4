import Foundation
import Testing

/// Every exit code of SPEC §8 from the built binary, with the message that names the step and
/// path (``TriageError``).
@Suite struct ExitCodeTests {
    private func batch(_ input: URL, _ output: URL, _ extra: [String] = []) throws -> BinaryRunner.Output {
        try BinaryRunner.run(["batch", input.path, "--out", output.path, "--as-of", "2026-11-20", "--no-sync", "--quiet"] + extra)
    }

    private func drop() throws -> (input: URL, output: URL) {
        let input = try BatchFixture.make()
        return (input, input.deletingLastPathComponent().appendingPathComponent("out"))
    }

    @Test func allGoodIs0() throws {
        let (input, output) = try drop()
        let result = try batch(input, output)
        #expect(result.status == 0)
        #expect(result.stderr == "")
    }

    @Test func aBadFlagIs64() throws {
        let (input, output) = try drop()
        let result = try batch(input, output, ["--jobs", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: --jobs must be at least 1.\n"))
    }

    @Test func anInputFolderThatDoesNotExistIs65NamingTheStep() throws {
        let (input, output) = try drop()
        let missing = input.appendingPathComponent("nowhere")
        let result = try batch(missing, output)
        #expect(result.status == 65)
        #expect(result.stderr == "\(missing.path): no such file or folder; nothing read (step: discover)\n")
    }

    @Test func aLedgerThatCannotBeOpenedIs73NamingTheStepAndPath() throws {
        let (input, output) = try drop()
        let ledger = output.appendingPathComponent(".twitch-triage/ledger.sqlite")
        try FileManager.default.createDirectory(at: ledger, withIntermediateDirectories: true)
        let result = try batch(input, output)
        #expect(result.status == 73)
        #expect(
            result.stderr == """
                \(ledger.path): cannot use the ledger database: Is a directory; nothing more written, \
                the next run redoes this one (step: open the ledger)

                """)
        #expect(!result.stderr.contains("SQLite error"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("worklist.json").path))
    }

    @Test func anOutputFolderThatIsAFileIs73NamingTheStepAndPath() throws {
        let (input, output) = try drop()
        try Data("not a folder\n".utf8).write(to: output)
        let result = try batch(input, output)
        #expect(result.status == 73)
        #expect(
            result.stderr == "\(output.path)/.twitch-triage: cannot write the output: Not a directory; nothing more written (step: lock)\n")
    }

    @Test func aWorklistThatCannotBeWrittenIs73AndTheRunIsNotRecorded() throws {
        let (input, output) = try drop()
        try FileManager.default.createDirectory(at: output.appendingPathComponent("worklist.md"), withIntermediateDirectories: true)
        let result = try batch(input, output)
        #expect(result.status == 73)
        #expect(result.stderr.contains("worklist: cannot write the worklist ("))
        #expect(result.stderr.contains("Is a directory); run not recorded"))
        // The next run, with the folder gone, is a first run again: every patient new.
        try FileManager.default.removeItem(at: output.appendingPathComponent("worklist.md"))
        #expect(try batch(input, output).status == 0)
        let worklist = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("worklist.json"))) as? [String: Any])
        #expect((worklist["patients"] as? [[String: Any]])?.map { $0["change"] as? String } == ["new", "new", "new"])
    }

    @Test func aLockHeldByAnotherRunIs75NamingTheStep() throws {
        let (input, output) = try drop()
        try FileManager.default.createDirectory(at: output.appendingPathComponent(".twitch-triage"), withIntermediateDirectories: true)
        let descriptor = open(output.appendingPathComponent(".twitch-triage/lock").path, O_RDWR | O_CREAT, 0o600)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        _ = "\(getpid())\n".withCString { write(descriptor, $0, strlen($0)) }
        let result = try batch(input, output)
        #expect(result.status == 75)
        #expect(
            result.stderr == """
                another batch (pid \(getpid())) is writing to \(output.path); this run exits without reading or writing anything \
                (step: lock)

                """)
    }

    @Test func theLedgerAndTheLockAreOwnerOnly() throws {
        let (input, output) = try drop()
        #expect(try batch(input, output).status == 0)
        for name in [".twitch-triage/ledger.sqlite", ".twitch-triage/lock"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(name).path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name)")
        }
        let folder = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(".twitch-triage").path)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        // A ledger and lock an older version left readable by all are narrowed by the next run.
        for name in [".twitch-triage/ledger.sqlite", ".twitch-triage/lock"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: output.appendingPathComponent(name).path)
        }
        #expect(try batch(input, output).status == 0)
        for name in [".twitch-triage/ledger.sqlite", ".twitch-triage/lock"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(name).path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name)")
        }
    }
}
