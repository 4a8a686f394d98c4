import TriageModel
import TriageRender

extension BatchRunner {
    /// Compares with the baseline run, writes the worklist and `run.json`, and sets the result.
    /// A worklist that cannot be written ends the run unrecorded (exit 73).
    static let worklistStep = BatchStep(
        "worklist", path: { $0.options.output },
        body: { context in
            guard let ledger = context.ledger else { return }
            let options = context.options
            let outcomes = context.outcomes
            let baseline = try baseline(
                current: Dictionary(uniqueKeysWithValues: outcomes.map { ($0.result.patientID, $0.result.fingerprint) }),
                runs: context.completedRuns, latest: context.previous, ledger: ledger)
            var problems = context.unattributed + context.patientProblems
            var outputFailed = false
            var entries: [Worklist.Entry] = []
            // Exactly as many as there will be, sorted in place: one array of every patient's line.
            let present = Set(outcomes.map(\.result.patientID))
            entries.reserveCapacity(outcomes.count + baseline.keys.reduce(0) { present.contains($1) ? $0 : $0 + 1 })
            // A patient whose reports were kept has no new summary: the last worklist's is still true.
            let keptSummaries = Worklist.summaries(inWorklistAt: options.output + "/worklist.json")
            for item in outcomes {
                if let problem = item.problem {
                    problems.append(problem.diagnostic)
                    outputFailed = outputFailed || problem.isOutputFailure
                }
                let before = baseline[item.result.patientID]
                let change: Worklist.Change =
                    before.map {
                        $0.urgency < item.result.urgency
                            ? .escalated
                            : $0.urgency > item.result.urgency ? .deescalated : .unchanged
                    } ?? .new
                entries.append(
                    Worklist.Entry(
                        patientID: item.result.patientID, folder: item.result.folder, urgency: item.result.urgency,
                        previousUrgency: before?.urgency, headline: item.result.headline, tests: item.result.tests,
                        change: change, unreadableRecords: item.unreadable,
                        summary: item.summary ?? keptSummaries[item.result.patientID]))
            }
            for (id, before) in baseline where !present.contains(id) {
                entries.append(
                    Worklist.Entry(
                        patientID: id, folder: before.folder, urgency: nil, previousUrgency: before.urgency,
                        headline: "No longer in the input.", tests: [], change: .resolved, unreadableRecords: 0))
            }
            let version = context.knowledge.version
            Worklist.sort(&entries)
            let worklist = Worklist(
                asOf: options.asOf, knowledgeVersion: version, toolVersion: ToolInfo.version,
                sortedEntries: entries, problems: context.unattributed)
            problems = Array(Set(problems)).sorted()
            let inputProblems = problems.contains { $0.severity == .error }
            var result = BatchResult(
                outcome: outputFailed ? .outputFailed : inputProblems ? .inputProblems : .ok, files: context.fileCount,
                filesRefused: context.filesRefused,
                patients: outcomes.count, patientsWritten: outcomes.filter(\.rewrote).count,
                patientsUnchanged: outcomes.filter { !$0.rewrote && $0.problem == nil }.count, problems: problems)
            do {
                // Streamed to their files: at 100,000 patients the three are about 200 MB of text.
                try PatientReports.writeIfChanged(to: options.output + "/worklist.json", full: options.full) {
                    WorklistRenderer.json(worklist, knowledge: context.knowledge, to: $0)
                }
                try PatientReports.writeIfChanged(to: options.output + "/worklist.md", full: options.full) {
                    WorklistRenderer.markdown(worklist, knowledge: context.knowledge, to: $0)
                }
                try PatientReports.writeIfChanged(to: options.output + "/worklist.html", full: options.full) {
                    WorklistRenderer.html(worklist, knowledge: context.knowledge, to: $0)
                }
                let map = options.readOptions.codeMap
                let recordedMap =
                    map.resolvedPath == nil
                    ? nil
                    : (
                        file: map.path(relativeTo: options.input) ?? (map.file.split(separator: "/").last.map(String.init) ?? map.file),
                        sha256: map.sha256
                    )
                try PatientReports.writeIfChanged(
                    RunSummary.json(
                        result, asOf: options.asOf, knowledgeVersion: version, shard: options.shard,
                        codeMap: recordedMap),
                    to: options.output + "/run.json", full: options.full)
            } catch {
                result.outcome = .outputFailed
                result.problems.append(
                    .error(at: SourceLocation(file: "worklist"), "cannot write the worklist (\(error)); run not recorded"))
                context.stopped = true
            }
            context.result = result
        })

    /// Flushes the output to disk once (`syncfs`) unless `--no-sync`; a failed flush ends the
    /// run unrecorded (exit 73), so the next run redoes it.
    static let flushStep = BatchStep(
        "flush to disk", path: { $0.options.output },
        body: { context in
            guard !context.options.noSync else { return }
            do {
                try AtomicFileWriter.syncFileSystem(containing: context.options.output)
            } catch {
                context.result?.outcome = .outputFailed
                context.result?.problems.append(
                    .error(
                        at: SourceLocation(file: "output"),
                        "cannot flush the output to disk (\(error)); run not recorded, the next run redoes it"))
                context.stopped = true
            }
        })

    /// Records the run's results in the ledger: only then is it the next run's baseline.
    static let recordStep = BatchStep(
        "record the run", path: { Ledger.path(in: $0.options.output) },
        body: { context in
            guard let ledger = context.ledger, let result = context.result else { return }
            try ledger.completeRun(context.runID, results: context.outcomes.filter { $0.problem == nil }.map(\.result), result: result)
        })

    /// The run the worklist's "change since the last run" compares with: the latest completed
    /// run whose patients or fingerprints differ from this run's. A night that changes nothing
    /// therefore writes the same worklist as the night before (and rewrites no file), and the
    /// changes it shows are those of the last night that changed something.
    static func baseline(
        current: [PatientID: String], runs: [Int64], latest: [PatientID: Ledger.PreviousResult],
        ledger: Ledger
    ) throws -> [PatientID: Ledger.PreviousResult] {
        for (index, run) in runs.enumerated() {
            let results = index == 0 ? latest : try ledger.results(ofRun: run)
            if results.mapValues(\.fingerprint) != current { return results }
        }
        return [:]
    }
}
