import Foundation
import Testing
import TriageBatch
import TriageModel

@Suite struct FolderComparisonTests {
    private func folder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tt-compare-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root.path
    }

    let base = ["P1/referral.json": "{\n  \"a\": 1\n}\n", "worklist.md": "# Worklist\n\nline\n", ".twitch-triage/ledger.sqlite": "x"]

    @Test func identicalFoldersHaveNoDifference() throws {
        #expect(try FolderComparison.compare(expected: folder(base), actual: folder(base)).isEmpty)
    }

    @Test func oneChangedByteIsADifferenceWithADiff() throws {
        var changed = base
        changed["P1/referral.json"] = "{\n  \"a\": 2\n}\n"
        let differences = try FolderComparison.compare(expected: folder(base), actual: folder(changed))
        #expect(differences.count == 1)
        guard case .changed(let path, let diff) = differences.first else {
            Issue.record("not a change")
            return
        }
        #expect(path == "P1/referral.json")
        #expect(diff == "--- expected/P1/referral.json\n+++ actual/P1/referral.json\n@@ -1,2 +1,2 @@\n {\n-  \"a\": 1\n+  \"a\": 2\n")
    }

    @Test func missingAndExtraFilesAreListed() throws {
        var other = base
        other.removeValue(forKey: "worklist.md")
        other["P2/referral.json"] = "{}\n"
        let differences = try FolderComparison.compare(expected: folder(base), actual: folder(other))
        #expect(differences.map(\.description) == ["missing: P2/referral.json", "extra: worklist.md"])
    }

    @Test func hiddenFilesAreNotCompared() throws {
        var other = base
        other[".twitch-triage/ledger.sqlite"] = "different"
        #expect(try FolderComparison.compare(expected: folder(base), actual: folder(other)).isEmpty)
    }
}
