import Foundation
import Testing

@Suite struct BatchCommandTests {
    private func batch(_ input: URL, _ output: URL, _ extra: [String] = []) throws -> BinaryRunner.Output {
        try BinaryRunner.run(["batch", input.path, "--out", output.path, "--as-of", "2026-11-20", "--no-sync"] + extra)
    }

    @Test func writesEveryPatientAndTheWorklist() throws {
        let input = try BatchFixture.make()
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        let result = try batch(input, output)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try BatchFixture.snapshot(output)
        for id in ["B001", "B002", "B003"] {
            for name in ["referral.json", "referral.md", "referral.html"] { #expect(files["\(id)/\(name)"] != nil) }
        }
        for name in ["worklist.json", "worklist.md", "worklist.html", "run.json"] { #expect(files[name] != nil) }
        let worklist = try #require(try JSONSerialization.jsonObject(with: files["worklist.json"]!) as? [String: Any])
        let patients = try #require(worklist["patients"] as? [[String: Any]])
        #expect(patients.map { $0["change"] as? String } == ["new", "new", "new"])
        // Owner-only permissions.
        let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("B001/referral.json").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("B001").path)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
    }

    @Test func aMalformedFileAmongGoodOnesExits65AndTheOthersAreWritten() throws {
        let input = try BatchFixture.make(extra: ["broken.csv": Data([0x50, 0x00, 0x01, 0xFF, 0xFE, 0x0A, 0x00])])
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        let result = try batch(input, output)
        #expect(result.status == 65)
        #expect(result.stderr.contains("broken.csv:1"))
        let files = try BatchFixture.snapshot(output)
        #expect(files["B001/referral.json"] != nil && files["B003/referral.json"] != nil)
        #expect(String(decoding: files["run.json"]!, as: UTF8.self).contains("broken.csv:1"))
    }

    @Test func jobsOneAndTwoWriteTheSameBytes() throws {
        let input = try BatchFixture.make()
        let one = input.deletingLastPathComponent().appendingPathComponent("one")
        let two = input.deletingLastPathComponent().appendingPathComponent("two")
        #expect(try batch(input, one, ["--jobs", "1"]).status == 0)
        #expect(try batch(input, two, ["--jobs", "2"]).status == 0)
        #expect(try BatchFixture.snapshot(one) == BatchFixture.snapshot(two))
    }

    @Test func aSecondRunWithNothingChangedRewritesNothing_aChangeRewritesOnlyThatPatient() throws {
        let input = try BatchFixture.make()
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        #expect(try batch(input, output).status == 0)
        let before = try BatchFixture.modificationTimes(output)
        Thread.sleep(forTimeInterval: 0.05)
        let second = try batch(input, output)
        #expect(second.status == 0)
        #expect(second.stderr.contains("0 written, 3 unchanged"))
        #expect(try BatchFixture.modificationTimes(output) == before)

        // B002's twitch now goes on for 25 days in the calf: escalated from self-care (eyelid
        // twitching alone stays self-care for 3 months, NICE NG127).
        try Data(BatchFixture.journal("B002", days: 25, location: "left calf").utf8).write(to: input.appendingPathComponent("B002.csv"))
        Thread.sleep(forTimeInterval: 0.05)
        let third = try batch(input, output)
        #expect(third.status == 0)
        let after = try BatchFixture.modificationTimes(output)
        let changed = Set(after.keys.filter { after[$0] != before[$0] })
        #expect(
            changed == [
                "B002/referral.json", "B002/referral.md", "B002/referral.html", "B002/referral.fhir.json", "worklist.json", "worklist.md",
                "worklist.html",
            ])
        let worklist = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("worklist.json"))) as? [String: Any])
        let b002 = try #require((worklist["patients"] as? [[String: Any]])?.first { $0["id"] as? String == "B002" })
        #expect(b002["change"] as? String == "escalated")
        #expect(b002["previousUrgency"] as? String == "self-care")
    }

    @Test func aPatientNoLongerInTheInputIsResolved() throws {
        let input = try BatchFixture.make()
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        #expect(try batch(input, output).status == 0)
        try FileManager.default.removeItem(at: input.appendingPathComponent("B003.csv"))
        var labs = BatchFixture.labs.split(separator: "\n").filter { !$0.contains("B003") }.joined(separator: "\n")
        labs += "\n"
        try Data(labs.utf8).write(to: input.appendingPathComponent("labs.csv"))
        #expect(try batch(input, output).status == 0)
        let worklist = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("worklist.json"))) as? [String: Any])
        let b003 = (worklist["patients"] as? [[String: Any]])?.first { $0["id"] as? String == "B003" }
        #expect(b003?["change"] as? String == "resolved")
    }

    @Test func aSecondConcurrentRunExits75NamingTheHolder() throws {
        let input = try BatchFixture.make()
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output.appendingPathComponent(".twitch-triage"), withIntermediateDirectories: true)
        // Hold the lock from this process, as a running batch would.
        let path = output.appendingPathComponent(".twitch-triage/lock").path
        let descriptor = open(path, O_RDWR | O_CREAT, 0o600)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        _ = "\(getpid())\n".withCString { write(descriptor, $0, strlen($0)) }
        let result = try batch(input, output)
        #expect(result.status == 75)
        #expect(result.stderr.contains("another batch (pid \(getpid())) is writing to \(output.path)"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("worklist.json").path))
    }

    @Test func shardsMergedEqualTheUnshardedRun() throws {
        let input = try BatchFixture.make()
        let root = input.deletingLastPathComponent()
        let whole = root.appendingPathComponent("whole")
        #expect(try batch(input, whole).status == 0)
        let shard0 = root.appendingPathComponent("merged/shard-0")
        let shard1 = root.appendingPathComponent("merged/shard-1")
        #expect(try batch(input, shard0, ["--shard", "0/2"]).status == 0)
        let auto = try BinaryRunner.run(
            ["batch", input.path, "--out", shard1.path, "--as-of", "2026-11-20", "--no-sync", "--shard", "auto/2"],
            environment: ["JOB_COMPLETION_INDEX": "1"])
        #expect(auto.status == 0, "\(auto.stderr)")
        let merged = root.appendingPathComponent("merged")
        let merge = try BinaryRunner.run(["worklist", "merge", shard0.path, shard1.path, "--out", merged.path])
        #expect(merge.status == 0, "\(merge.stderr)")

        func patients(_ folder: URL) throws -> [[String: String]] {
            let object =
                try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("worklist.json"))) as? [String: Any]
            return (object?["patients"] as? [[String: Any]] ?? []).map { patient in
                [
                    "id": patient["id"] as? String ?? "", "urgency": patient["urgency"] as? String ?? "",
                    "headline": patient["headline"] as? String ?? "", "tests": (patient["tests"] as? [String] ?? []).joined(separator: ","),
                ]
            }
        }
        #expect(try patients(merged) == patients(whole))
        let wholeFiles = try BatchFixture.snapshot(whole)
        let shardFiles = try BatchFixture.snapshot(shard0).merging(BatchFixture.snapshot(shard1)) { a, _ in a }
        for id in ["B001", "B002", "B003"] {
            #expect(shardFiles["\(id)/referral.json"] == wholeFiles["\(id)/referral.json"])
        }
        let mergedMarkdown = try String(contentsOf: merged.appendingPathComponent("worklist.md"), encoding: .utf8)
        #expect(mergedMarkdown.contains("(shard-"))
    }

    @Test func anIdLikeDotDotSlashNeverEscapesTheOutputFolder() throws {
        let input = try BatchFixture.make(extra: [
            "evil.csv": Data("patient_id,date,location,twitch_count\n../../x,2026-10-01,calf,3\n..,2026-10-01,calf,3\n".utf8)
        ])
        let root = input.deletingLastPathComponent()
        let output = root.appendingPathComponent("deep/out")
        let result = try batch(input, output)
        #expect(result.status == 65)
        #expect(result.stderr.contains("patient id cannot be a folder name"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".._.._x/referral.json").path) == false)
        let everything = try BatchFixture.snapshot(root)
        #expect(everything.keys.allSatisfy { $0.hasPrefix("in/") || $0.hasPrefix("deep/out/") })
        #expect(everything["deep/out/______x/referral.json"] == nil)
    }

    @Test func twoIdsWithTheSameFolderNameKeepTheFirstAndReportTheSecond() throws {
        let input = try BatchFixture.make(extra: [
            "same.csv": Data("patient_id,date,location,twitch_count\na/b,2026-10-01,calf,3\na_b,2026-10-01,calf,3\n".utf8)
        ])
        let root = input.deletingLastPathComponent()
        for jobs in ["1", "2"] {
            let output = root.appendingPathComponent("out-\(jobs)")
            let result = try batch(input, output, ["--jobs", jobs])
            #expect(result.status == 65)
            #expect(result.stderr.contains("same.csv: patient id makes the same folder name as another patient's; no report written"))
            let report = try String(contentsOf: output.appendingPathComponent("a_b/referral.json"), encoding: .utf8)
            #expect(report.contains("\"id\": \"a/b\""))
        }
        #expect(
            try BatchFixture.snapshot(root.appendingPathComponent("out-1")) == BatchFixture.snapshot(root.appendingPathComponent("out-2")))
    }
}
