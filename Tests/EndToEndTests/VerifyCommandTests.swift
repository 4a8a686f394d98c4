import Foundation
import Testing

/// `verify` against a copy of the committed Samples and Reports, changed one way at a time.
@Suite struct VerifyCommandTests {
    private func copyOfSamplesAndReports() throws -> (samples: URL, reports: URL) {
        let root = try BinaryRunner.temporaryFolder()
        let samples = root.appendingPathComponent("Samples")
        let reports = root.appendingPathComponent("Reports")
        try FileManager.default.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent("Samples"), to: samples)
        let batch = try BinaryRunner.run(["batch", samples.path, "--out", reports.path, "--as-of", "2026-11-20", "--no-sync", "--quiet"])
        #expect(batch.status == 65)  // P020's deliberately unreadable rows
        try FileManager.default.removeItem(at: reports.appendingPathComponent(".twitch-triage"))
        return (samples, reports)
    }

    @Test func theCommittedReportsVerify() throws {
        let root = BinaryRunner.packageRoot
        let result = try BinaryRunner.run([
            "verify", root.appendingPathComponent("Samples").path, root.appendingPathComponent("Reports").path,
        ])
        #expect(result.status == 0, "\(result.stdout)")
    }

    @Test func oneChangedByteFails() throws {
        let (samples, reports) = try copyOfSamplesAndReports()
        #expect(try BinaryRunner.run(["verify", samples.path, reports.path]).status == 0)
        let file = reports.appendingPathComponent("P003/referral.md")
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count - 2] ^= 0x01
        try bytes.write(to: file)
        let result = try BinaryRunner.run(["verify", samples.path, reports.path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("differs: P003/referral.md\n--- expected/P003/referral.md\n+++ actual/P003/referral.md\n@@ "))
        #expect(result.stderr == "verify: 1 difference between \(reports.path) and a fresh run over \(samples.path)\n")
    }

    @Test func aMissingAndAnExtraReportFail() throws {
        let (samples, reports) = try copyOfSamplesAndReports()
        try FileManager.default.removeItem(at: reports.appendingPathComponent("P005/referral.html"))
        try Data("{}\n".utf8).write(to: reports.appendingPathComponent("P005/extra.json"))
        let result = try BinaryRunner.run(["verify", samples.path, reports.path])
        #expect(result.status == 1)
        #expect(result.stdout == "extra: P005/extra.json\nmissing: P005/referral.html\n")
    }

    @Test func reportsWithoutARecordedAsOfDateAreAnInputError() throws {
        let (samples, reports) = try copyOfSamplesAndReports()
        try FileManager.default.removeItem(at: reports.appendingPathComponent("run.json"))
        let result = try BinaryRunner.run(["verify", samples.path, reports.path])
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "\(reports.path)/run.json: no as-of date recorded (run.json missing or without asOf); nothing verified; nothing read\n")
    }
}
