import Foundation

/// `verify <samples> <reports>`: regenerates the reports of the samples into a temporary folder
/// with the as-of date recorded in `<reports>/run.json`, and compares every file byte for byte.
public enum SampleVerification {
    /// Why verification could not run at all.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What is wrong.
        public var description: String
    }

    /// The as-of date recorded in a reports folder's `run.json`.
    public static func recordedAsOf(reports: String) throws -> LocalDate {
        let path = reports + "/run.json"
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let text = object["asOf"] as? String, let date = LocalDate(iso: text) else {
            throw Failure(description: "\(path): no as-of date recorded (run.json missing or without asOf); nothing verified")
        }
        return date
    }

    /// Regenerates and compares; returns the differences (empty when identical).
    public static func verify(samples: String, reports: String, knowledge: Knowledge, jobs: Int = 1) async throws -> [FolderComparison.Difference] {
        let asOf = try recordedAsOf(reports: reports)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("twitch-triage-verify-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let options = BatchOptions(input: samples, output: scratch, asOf: asOf, jobs: jobs, noSync: true)
        _ = try await BatchRunner(options: options, knowledge: knowledge).run()
        return try FolderComparison.compare(expected: reports, actual: scratch)
    }
}
