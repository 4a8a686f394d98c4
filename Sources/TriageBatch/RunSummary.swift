import TriageModel
import TriageRender

/// Writes `<out>/run.json`: the run's counts, outcome and every problem as
/// `file:line:column: message`. Deterministic (no times, no host), so it can be committed with
/// the sample reports.
enum RunSummary {
    static func json(
        _ result: BatchResult, asOf: LocalDate, knowledgeVersion: String, shard: Shard?,
        codeMap: (file: String, sha256: String)? = nil
    ) -> String {
        var object: [String: JSONValue] = [
            "tool": .object(["name": .string(ToolInfo.name), "version": .string(ToolInfo.version)]),
            "knowledgeVersion": .string(knowledgeVersion),
            "asOf": .string(asOf.description),
            "outcome": .string(result.outcome.rawValue),
            "exitCode": .number(Double(result.outcome.exitCode)),
            "counts": .object([
                "files": .number(Double(result.files)), "filesRefused": .number(Double(result.filesRefused)),
                "patients": .number(Double(result.patients)),
                "errors": .number(Double(result.problems.filter { $0.severity == .error }.count)),
                "warnings": .number(Double(result.problems.filter { $0.severity == .warning }.count)),
            ]),
            "problems": .strings(result.problems.map(\.description)),
        ]
        if let shard { object["shard"] = .string(shard.description) }
        // The site's code map, so that `verify` reruns with the same one: its path inside the
        // input folder (or its name alone when outside) and its fingerprint.
        if let codeMap { object["codeMap"] = .object(["file": .string(codeMap.file), "sha256": .string(codeMap.sha256)]) }
        return JSONValue.object(object).written()
    }
}
