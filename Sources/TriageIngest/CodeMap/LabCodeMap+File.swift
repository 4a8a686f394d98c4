import Foundation
import TriageKnowledge
import TriageModel

extension LabCodeMap {
    /// Reads the code map at `path` (`--code-map FILE`).
    ///
    /// - Parameters:
    ///   - path: the file as the user gave it; messages name it so.
    ///   - analytes: the knowledge's analytes.
    /// - Throws: ``Refusal`` with `file:line[:column]: what` for every problem, or one
    ///   `file: cannot read the code map: …` when the file cannot be read.
    package static func load(path: String, analytes: AnalyteIndex) throws(Refusal) -> LabCodeMap {
        let bytes: FileBytes
        do {
            bytes = try FileBytes(path: path, maxSize: 16 << 20)
        } catch {
            let reason = (error as? FileBytes.Failure)?.reason ?? "cannot be read"
            throw Refusal(problems: [.error(at: SourceLocation(file: path), "cannot read the code map: \(reason); nothing read")])
        }
        return try withExtendedLifetime(bytes) { () throws(Refusal) -> LabCodeMap in
            var map = try parse(bytes.bytes, file: path, analytes: analytes)
            map.sha256 = InputFileReader.sha256(bytes.bytes)
            map.resolvedPath = LabCodeMap.resolved(path)
            return map
        }
    }

    /// `path` made absolute, standardised and with symbolic links resolved: how discovery
    /// recognises the map's own file inside an input folder (it is never read as an input).
    package static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Where the map lies relative to the input folder `input` (`code-map.csv`), or nil when it
    /// is not inside it: what `run.json` records, so that `verify` uses the same map.
    package func path(relativeTo input: String) -> String? {
        guard let resolvedPath else { return nil }
        let root = LabCodeMap.resolved(input)
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard resolvedPath.hasPrefix(prefix) else { return nil }
        return String(resolvedPath.dropFirst(prefix.count))
    }
}
