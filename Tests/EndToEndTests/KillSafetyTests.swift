import Foundation
import TestSupport
import Testing

/// SIGKILL at random moments during a batch: every report present is whole (the previous
/// version or the new one), and the next run completes and is correct (SPEC §8). The moments
/// are fractions of a measured run drawn from a seeded generator: the same fractions on every
/// run, another set with `TWITCH_TRIAGE_TEST_SEED`, and the seed in every failure message.
@Suite struct KillSafetyTests {
    static func drop(patients: Int, version: Int) -> [String: String] {
        var files: [String: String] = [:]
        for index in 0..<patients {
            let id = "K\(1000 + index)"
            var text = "patient_id,date,location,twitch_count,weakness,notes\n"
            let days = 10 + (index + version * 7) % 30
            for day in 0..<days {
                let month = 9 + day / 30
                let date = "2026-\(month < 10 ? "0" : "")\(month)-\(day % 30 + 1 < 10 ? "0" : "")\(day % 30 + 1)"
                text += "\(id),\(date),\(["left calf", "right forearm", "eyelid"][index % 3]),\(2 + day % 5),0,version \(version)\n"
            }
            files["\(id).csv"] = text
        }
        return files
    }

    static func write(_ files: [String: String], to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    }

    static func arguments(_ input: URL, _ output: URL) -> [String] {
        ["batch", input.path, "--out", output.path, "--as-of", "2026-11-20", "--jobs", "2"]
    }

    @Test func killedRunsLeaveWholeReportsAndTheNextRunIsCorrect() throws {
        let root = try BinaryRunner.temporaryFolder()
        let oldInput = root.appendingPathComponent("old")
        let newInput = root.appendingPathComponent("new")
        try Self.write(Self.drop(patients: 150, version: 1), to: oldInput)
        try Self.write(Self.drop(patients: 150, version: 2), to: newInput)
        let expectedOld = root.appendingPathComponent("expected-old")
        let expectedNew = root.appendingPathComponent("expected-new")
        #expect(try BinaryRunner.run(Self.arguments(oldInput, expectedOld)).status == 0)
        let start = Date()
        #expect(try BinaryRunner.run(Self.arguments(newInput, expectedNew)).status == 0)
        let duration = Date().timeIntervalSince(start)
        let old = try BatchFixture.snapshot(expectedOld)
        let new = try BatchFixture.snapshot(expectedNew)

        let output = root.appendingPathComponent("out")
        #expect(try BinaryRunner.run(Self.arguments(oldInput, output)).status == 0)
        var generator = SplitMix64.forTest(defaultSeed: 0x0008_4111)
        for round in 0..<20 {
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = Self.arguments(newInput, output)
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let fraction = Double.random(in: 0...1.2, using: &generator)
            Thread.sleep(forTimeInterval: fraction * duration)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let when = "killed in round \(round) at \(fraction) of a run (\(generator.reproduce))"
            for (path, bytes) in try BatchFixture.snapshot(output) where path.hasSuffix("/referral.json") {
                #expect(bytes == old[path] || bytes == new[path], "torn or foreign report \(path), \(when)")
                #expect((try? JSONSerialization.jsonObject(with: bytes)) != nil, "\(path), \(when)")
            }
        }
        let final = try BinaryRunner.run(Self.arguments(newInput, output))
        #expect(final.status == 0, "\(final.stderr) (\(generator.reproduce))")
        let result = try BatchFixture.snapshot(output)
        for (path, bytes) in new where path.contains("/referral.") {
            #expect(result[path] == bytes, "\(path) differs after recovery (\(generator.reproduce))")
        }
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers) (\(generator.reproduce))")
    }
}
