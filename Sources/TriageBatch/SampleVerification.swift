import Foundation
import TriageIngest
import TriageKnowledge
import TriageModel

/// `verify <samples> <reports>`: regenerates the reports of the samples into a temporary folder
/// with the as-of date recorded in `<reports>/run.json`, and compares every file byte for byte.
package enum SampleVerification {
    /// The as-of date recorded in a reports folder's `run.json`.
    ///
    /// - Throws: ``TriageError`` (input) naming `run.json` when it is missing or records none.
    package static func recordedAsOf(reports: String) throws(TriageError) -> LocalDate {
        let path = reports + "/run.json"
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let text = object["asOf"] as? String, let date = LocalDate(iso: text)
        else {
            throw TriageError(.inputUnreadable("no as-of date recorded (run.json missing or without asOf); nothing verified"), path: path)
        }
        return date
    }

    /// The code map recorded in a reports folder's `run.json` (its path inside the samples
    /// folder), if the run used one.
    package static func recordedCodeMap(reports: String) -> String? {
        guard let data = FileManager.default.contents(atPath: reports + "/run.json"),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let map = object["codeMap"] as? [String: Any]
        else { return nil }
        return map["file"] as? String
    }

    /// Regenerates and compares; returns the differences (empty when identical).
    ///
    /// The run uses the code map `run.json` records (a file inside `samples`, SPEC §3.10), so
    /// that verifying reproduces exactly the run that wrote the reports; `codeMap` overrides it
    /// (for a map kept outside the samples).
    ///
    /// - Throws: ``TriageError``: input when `run.json` records no as-of date or a folder cannot
    ///   be listed or read, configuration when the code map cannot be used, and what the batch
    ///   throws.
    package static func verify(
        samples: String, reports: String, knowledge: Knowledge, jobs: Int = 1,
        codeMap: String? = nil
    ) async throws(TriageError) -> [FolderComparison.Difference] {
        let asOf = try recordedAsOf(reports: reports)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("twitch-triage-verify-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var readOptions = ReadOptions(knowledge: knowledge)
        if let path = codeMap ?? recordedCodeMap(reports: reports).map({ samples + "/" + $0 }) {
            readOptions.codeMap = try LabCodeMap.configured(path: path, analytes: knowledge.analyteIndex)
        }
        let options = BatchOptions(input: samples, output: scratch, asOf: asOf, readOptions: readOptions, jobs: jobs, noSync: true)
        _ = try await BatchRunner(options: options, knowledge: knowledge).run()
        do {
            return try FolderComparison.compare(expected: reports, actual: scratch)
        } catch {
            throw TriageError(.inputUnreadable(error.localizedDescription), step: "compare", path: reports)
        }
    }
}
