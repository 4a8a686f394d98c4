import Foundation
import TriageKnowledge
import TriageModel
import TriageRender

/// Joins the worklists of shards (`twitch-triage worklist merge <dir>… --out <dir>`): every
/// shard's patients in one list, most urgent first, with each report folder rewritten relative
/// to the merged output, and the files no shard could read.
///
/// The merge loads the knowledge tables, as the batch does (the shipped ones or `--knowledge DIR`):
/// the merged worklist's words (headings, band labels, the booking totals' order) are `page.json`
/// phrases, so the tables must be the ones the shards wrote with. A shard whose worklist names
/// another knowledge version is refused (a configuration error, exit 78) rather than merged into
/// a worklist whose headings and totals could come from different tables than its lines. The
/// lines' own words (bookings, caveats, durations) travel in the shards' `worklist.json`.
package enum WorklistMerge {
    /// Reads the shards' `worklist.json` and returns the merged worklist.
    ///
    /// - Parameters:
    ///   - shards: the shards' output folders.
    ///   - output: the merged output folder, for the relative report paths.
    ///   - knowledge: the tables the merged worklist's words come from.
    /// - Throws: ``TriageError`` (input) naming the file when a worklist is missing or
    ///   unreadable, or the shards disagree on the as-of date or versions, or a patient appears
    ///   in two shards; (configuration) naming the file when its knowledge version is not
    ///   `knowledge`'s.
    package static func merge(shards: [String], output: String, knowledge tables: Knowledge) throws(TriageError) -> Worklist {
        var entries: [Worklist.Entry] = []
        var problems: [Diagnostic] = []
        var header: (asOf: LocalDate, knowledge: String, tool: String)?
        var seen: [String: String] = [:]
        for shard in shards {
            let path = shard + "/worklist.json"
            guard let data = FileManager.default.contents(atPath: path),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let asOfText = object["asOf"] as? String, let asOf = LocalDate(iso: asOfText),
                let knowledge = object["knowledgeVersion"] as? String,
                let tool = (object["tool"] as? [String: Any])?["version"] as? String,
                let patients = object["patients"] as? [[String: Any]]
            else {
                throw failure(path, "not a twitch-triage worklist; nothing merged")
            }
            guard knowledge == tables.version else {
                throw TriageError(
                    .configuration(
                        "written with knowledge \(knowledge), but the knowledge tables loaded are \(tables.version) (pass the shards' tables with --knowledge); nothing merged"
                    ), path: path)
            }
            if let header, header != (asOf, knowledge, tool) {
                throw failure(
                    path,
                    "as-of \(asOf), knowledge \(knowledge), tool \(tool) differ from the first shard's (\(header.asOf), \(header.knowledge), \(header.tool)); nothing merged"
                )
            }
            header = (asOf, knowledge, tool)
            let prefix = relativePath(from: output, to: shard)
            for patient in patients {
                guard let id = patient["id"] as? String, let changeText = patient["change"] as? String,
                    let change = Worklist.Change(rawValue: changeText)
                else {
                    throw failure(path, "a patient entry lacks its id or change; nothing merged")
                }
                if let other = seen[id] { throw failure(path, "a patient is also in \(other); shards overlap; nothing merged") }
                seen[id] = path
                entries.append(
                    Worklist.Entry(
                        patientID: PatientID(id),
                        folder: (patient["folder"] as? String).map { prefix.isEmpty ? $0 : prefix + "/" + $0 },
                        urgency: (patient["urgency"] as? String).flatMap(Urgency.init(rawValue:)),
                        previousUrgency: (patient["previousUrgency"] as? String).flatMap(Urgency.init(rawValue:)),
                        headline: patient["headline"] as? String ?? "", tests: patient["tests"] as? [String] ?? [],
                        change: change, unreadableRecords: patient["unreadableRecords"] as? Int ?? 0,
                        summary: Worklist.Summary(worklistJSON: patient)))
            }
            for problem in object["problems"] as? [[String: Any]] ?? [] {
                guard let file = problem["file"] as? String, let message = problem["message"] as? String else { continue }
                let severity = Diagnostic.Severity(rawValue: problem["severity"] as? String ?? "") ?? .error
                problems.append(
                    Diagnostic(
                        severity,
                        at: SourceLocation(
                            file: file, line: problem["line"] as? Int,
                            column: problem["column"] as? Int), message))
            }
        }
        guard let header else { throw failure(nil, "no shard folders given; nothing merged") }
        return Worklist(
            asOf: header.asOf, knowledgeVersion: header.knowledge, toolVersion: header.tool, entries: entries,
            problems: Array(Set(problems)).sorted())
    }

    /// A worklist that cannot be merged: `path: what; nothing merged; nothing read`.
    private static func failure(_ path: String?, _ what: String) -> TriageError {
        TriageError(.inputUnreadable(what), path: path)
    }

    /// `to` relative to `from` (both folders), `..` where needed.
    static func relativePath(from: String, to: String) -> String {
        let a = URL(fileURLWithPath: from).standardizedFileURL.pathComponents
        let b = URL(fileURLWithPath: to).standardizedFileURL.pathComponents
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        return (Array(repeating: "..", count: a.count - common) + b[common...]).joined(separator: "/")
    }

    /// Writes the merged worklist's three files into `output`, in the words of `knowledge`.
    ///
    /// - Throws: ``TriageError`` (output) naming the file that cannot be written.
    package static func write(_ worklist: Worklist, knowledge: Knowledge, to output: String) throws(TriageError) {
        do {
            try AtomicFileWriter.makeDirectory(output)
            try AtomicFileWriter.write(WorklistRenderer.json(worklist, knowledge: knowledge), to: output + "/worklist.json")
            try AtomicFileWriter.write(WorklistRenderer.markdown(worklist, knowledge: knowledge), to: output + "/worklist.md")
            try AtomicFileWriter.write(WorklistRenderer.html(worklist, knowledge: knowledge), to: output + "/worklist.html")
        } catch {
            throw TriageError(converting: error, step: nil, path: output)
        }
    }
}
