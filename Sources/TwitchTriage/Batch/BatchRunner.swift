import Foundation
import Logging
import Synchronization

/// The nightly batch (SPEC §8) as named steps: discover, read, group, referrals, write,
/// worklist, flush. A bad file or patient never stops the others; every problem lands in the
/// result, `run.json` and the worklist.
public struct BatchRunner: Sendable {
    private let options: BatchOptions
    private let knowledge: Knowledge
    private let events: @Sendable (BatchEvent) -> Void
    private let logger: Logger

    /// The steps, in order, as progress shows them.
    public static let steps = ["discover", "read", "group by patient", "referrals and reports", "worklist", "flush to disk"]

    /// Creates a runner.
    ///
    /// - Parameters:
    ///   - options: what to run.
    ///   - knowledge: the knowledge tables.
    ///   - events: called with progress; must be cheap and thread-safe.
    ///   - logger: where the run logs steps, file names, line numbers and counts: never values,
    ///     names or free text (SPEC §10). By default nothing is logged.
    public init(options: BatchOptions, knowledge: Knowledge, events: @escaping @Sendable (BatchEvent) -> Void = { _ in },
                logger: Logger = Logger(label: "twitch-triage.batch", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.options = options
        self.knowledge = knowledge
        self.events = events
        self.logger = logger
    }

    /// Runs the batch.
    ///
    /// - Throws: ``OutputLock/Held`` when another batch is writing to the output folder;
    ///   ``InputDiscovery/Failure`` when the input folder cannot be listed;
    ///   ``AtomicFileWriter/Failure`` or a ledger error when the output folder cannot be set up.
    ///   Every other problem is in the result.
    public func run() async throws -> BatchResult {
        let events = self.events
        let steps = Self.steps
        var step = 0
        let logger = self.logger
        func begin() {
            events(.step(index: step + 1, count: steps.count, name: steps[step]))
            logger.info("step", metadata: ["step": "\(step + 1)/\(steps.count)", "name": "\(steps[step])"])
            step += 1
        }

        try AtomicFileWriter.makeDirectory(options.output)
        let lock = try OutputLock(output: options.output)
        defer { withExtendedLifetime(lock) {} }
        let ledger = try Ledger(output: options.output)
        if try ledger.lastRunIncomplete() { Self.removeTemporaryFiles(in: options.output) }
        let completedRuns = try ledger.completedRuns()
        let previous = try completedRuns.first.map(ledger.results(ofRun:)) ?? [:]
        let runID = try ledger.beginRun(asOf: options.asOf, knowledgeVersion: knowledge.version, shard: options.shard)

        begin()
        let files = try InputDiscovery.files(under: [options.input])

        begin()
        let readOptions = options.readOptions
        let maxFileSize = options.maxFileSize
        let assembler = PatientRecordAssembler(knowledge: knowledge, asOf: options.asOf)
        let progress = Counter()
        let reads = await parallelMap(Array(files.indices), jobs: options.jobs) { index in
            let file = files[index]
            defer { events(.filesRead(done: progress.increment(), total: files.count)) }
            return BatchPlan.firstRead(file, index: index, options: readOptions, maxFileSize: maxFileSize, assembler: assembler)
        }
        for read in reads {
            if case .unattributed(let diagnostics, refused: true) = read, let diagnostic = diagnostics.first {
                logger.warning("file refused", metadata: ["file": "\(diagnostic.location.file)"])
            }
        }
        logger.info("files read", metadata: ["files": "\(files.count)"])

        begin()
        let plan = BatchPlan(files: files, reads: reads)
        var unattributed = plan.unattributed
        var demographicsOnly: [String: Int] = [:]
        var turns: [PatientTurn] = []
        var folderNames: Set<String> = []
        for patient in plan.patients {
            if let shard = options.shard, !shard.contains(patientID: patient) {
                if let file = plan.demographicsOnlyFile(of: patient) { demographicsOnly[file, default: 0] += 1 }
            } else {
                var turn = PatientTurn(id: patient, previous: previous[patient])
                if let name = try? SafeFileName.make(patient) { turn.folderTaken = !folderNames.insert(name).inserted }
                turns.append(turn)
            }
        }

        begin()
        let builder = ReferralBuilder(knowledge: knowledge)
        let asOf = options.asOf
        let output = options.output
        let full = options.full
        let done = Counter()
        let total = turns.count
        let turnsDone = await parallelMap(turns, jobs: options.jobs) { turn -> PatientStep in
            defer { events(.patientsDone(done: done.increment(), total: total)) }
            let (record, firstFile, readProblems) = plan.assemble(turn.id, options: readOptions, maxFileSize: maxFileSize,
                                                                  assembler: assembler)
            guard let record else { return PatientStep(outcome: nil, firstFile: firstFile, problems: readProblems) }
            let fingerprint = self.fingerprint(record)
            let outcome = Self.referralStep(record, fingerprint: fingerprint, previous: turn.previous, builder: builder,
                                            asOf: asOf, output: output, full: full, folderTaken: turn.folderTaken)
            return PatientStep(outcome: outcome, firstFile: firstFile, problems: readProblems + record.diagnostics)
        }
        var outcomesByPatient: [PatientOutcome] = []
        outcomesByPatient.reserveCapacity(turnsDone.count)
        var patientProblems: [Diagnostic] = []
        for step in turnsDone {
            patientProblems += step.problems
            if let outcome = step.outcome {
                outcomesByPatient.append(outcome)
            } else {
                demographicsOnly[step.firstFile, default: 0] += 1
            }
        }
        unattributed += PatientRecordAssembler.demographicsOnlyWarnings(demographicsOnly)
        unattributed.sort()

        begin()
        let baseline = try Self.baseline(current: Dictionary(uniqueKeysWithValues: outcomesByPatient.map { ($0.result.patientID, $0.result.fingerprint) }),
                                         runs: completedRuns, latest: previous, ledger: ledger)
        var problems = unattributed + patientProblems
        var outputFailed = false
        var entries: [Worklist.Entry] = []
        let keptSummaries = Worklist.summaries(inWorklistAt: options.output + "/worklist.json")
        for item in outcomesByPatient {
            if let problem = item.problem {
                problems.append(problem.diagnostic)
                outputFailed = outputFailed || problem.isOutputFailure
            }
            let before = baseline[item.result.patientID]
            let change: Worklist.Change = before.map { $0.urgency < item.result.urgency ? .escalated
                : $0.urgency > item.result.urgency ? .deescalated : .unchanged } ?? .new
            entries.append(Worklist.Entry(patientID: item.result.patientID, folder: item.result.folder, urgency: item.result.urgency,
                                          previousUrgency: before?.urgency, headline: item.result.headline, tests: item.result.tests,
                                          change: change, unreadableRecords: item.unreadable,
                                          summary: item.summary ?? keptSummaries[item.result.patientID]))
        }
        let present = Set(outcomesByPatient.map(\.result.patientID))
        for (id, before) in baseline where !present.contains(id) {
            entries.append(Worklist.Entry(patientID: id, folder: before.folder, urgency: nil, previousUrgency: before.urgency,
                                          headline: "No longer in the input.", tests: [], change: .resolved, unreadableRecords: 0))
        }
        let worklist = Worklist(asOf: options.asOf, knowledgeVersion: knowledge.version, toolVersion: ToolInfo.version,
                                entries: entries, problems: unattributed)
        problems = Array(Set(problems)).sorted()
        let inputProblems = problems.contains { $0.severity == .error }
        var result = BatchResult(
            outcome: outputFailed ? .outputFailed : inputProblems ? .inputProblems : .ok, files: files.count,
            filesRefused: plan.refusedFiles,
            patients: outcomesByPatient.count, patientsWritten: outcomesByPatient.filter(\.rewrote).count,
            patientsUnchanged: outcomesByPatient.filter { !$0.rewrote && $0.problem == nil }.count, problems: problems)
        do {
            try Self.writeIfChanged(WorklistRenderer.json(worklist), to: options.output + "/worklist.json", full: options.full)
            try Self.writeIfChanged(WorklistRenderer.markdown(worklist), to: options.output + "/worklist.md", full: options.full)
            try Self.writeIfChanged(WorklistRenderer.html(worklist), to: options.output + "/worklist.html", full: options.full)
            try Self.writeIfChanged(RunSummary.json(result, asOf: options.asOf, knowledgeVersion: knowledge.version, shard: options.shard),
                                    to: options.output + "/run.json", full: options.full)
        } catch {
            result.outcome = .outputFailed
            result.problems.append(.error(at: SourceLocation(file: "worklist"), "cannot write the worklist (\(error)); run not recorded"))
            return result
        }

        begin()
        if !options.noSync {
            do { try AtomicFileWriter.syncFileSystem(containing: options.output) } catch {
                result.outcome = .outputFailed
                result.problems.append(.error(at: SourceLocation(file: "output"),
                                              "cannot flush the output to disk (\(error)); run not recorded, the next run redoes it"))
                return result
            }
        }
        try ledger.completeRun(runID, results: outcomesByPatient.filter { $0.problem == nil }.map(\.result), result: result)
        for problem in result.problems {
            logger.debug("problem", metadata: ["file": "\(problem.location.file)", "line": "\(problem.location.line ?? 0)",
                                               "column": "\(problem.location.column ?? 0)", "severity": "\(problem.severity.rawValue)"])
        }
        logger.info("run complete", metadata: [
            "patients": "\(result.patients)", "written": "\(result.patientsWritten)", "unchanged": "\(result.patientsUnchanged)",
            "errors": "\(result.problems.filter { $0.severity == .error }.count)", "outcome": "\(result.outcome.rawValue)",
        ])
        return result
    }

    /// The run the worklist's "change since the last run" compares with: the latest completed
    /// run whose patients or fingerprints differ from this run's. A night that changes nothing
    /// therefore writes the same worklist as the night before (and rewrites no file), and the
    /// changes it shows are those of the last night that changed something.
    static func baseline(current: [String: String], runs: [Int64], latest: [String: Ledger.PreviousResult],
                         ledger: Ledger) throws -> [String: Ledger.PreviousResult] {
        for (index, run) in runs.enumerated() {
            let results = index == 0 ? latest : try ledger.results(ofRun: run)
            if results.mapValues(\.fingerprint) != current { return results }
        }
        return [:]
    }

    /// One patient's turn in the referral step.
    struct PatientTurn: Sendable {
        var id: String
        var previous: Ledger.PreviousResult?
        /// Set when an earlier patient id (in id order) makes the same folder name (`a/b` and
        /// `a_b`): this patient's reports are then not written, the same way for any `--jobs`.
        var folderTaken = false
    }

    /// What a patient's turn came to: its outcome (nil when it had demographics only, counted
    /// under `firstFile`), and its problems for the run summary.
    struct PatientStep: Sendable {
        var outcome: PatientOutcome?
        var firstFile: String
        var problems: [Diagnostic]
    }

    /// Builds and writes one patient's reports, unless the ledger shows the same fingerprint
    /// and the reports are on disk.
    static func referralStep(_ record: PatientRecord, fingerprint: String, previous: Ledger.PreviousResult?,
                             builder: ReferralBuilder, asOf: LocalDate, output: String, full: Bool,
                             folderTaken: Bool = false) -> PatientOutcome {
        if folderTaken {
            let referral = builder.referral(for: record, asOf: asOf)
            let problem = WriteProblem(
                diagnostic: .error(at: SourceLocation(file: record.inputs.first?.file ?? "input"),
                                   "patient id makes the same folder name as another patient's; no report written", patientID: record.id),
                isOutputFailure: false)
            return PatientOutcome(result: Ledger.Result(patientID: record.id, fingerprint: fingerprint, urgency: referral.urgency, folder: nil,
                                                        headline: referral.headline, tests: tests(referral)),
                                  unreadable: referral.dataQuality.filter { $0.severity == .error }.reduce(0) { $0 + $1.count }, rewrote: false, problem: problem,
                                  summary: Worklist.Summary(referral, knowledge: builder.knowledge))
        }
        if !full, let previous, previous.fingerprint == fingerprint, let folder = previous.folder,
           reportsExist(output + "/" + folder) {
            return PatientOutcome(result: Ledger.Result(patientID: record.id, fingerprint: fingerprint,
                                                        urgency: previous.urgency, folder: folder, headline: previous.headline,
                                                        tests: previous.tests),
                                  unreadable: record.diagnostics.filter { $0.severity == .error }.count,
                                  rewrote: false, problem: nil)
        }
        let referral = builder.referral(for: record, asOf: asOf)
        let write = writeReports(referral, knowledge: builder.knowledge, output: output, full: full)
        var result = Ledger.Result(patientID: record.id, fingerprint: fingerprint, urgency: referral.urgency,
                                   folder: nil, headline: referral.headline, tests: tests(referral))
        let unreadable = referral.dataQuality.filter { $0.severity == .error }.reduce(0) { $0 + $1.count }
        let summary = Worklist.Summary(referral, knowledge: builder.knowledge)
        switch write {
        case .success(let (folder, rewrote)):
            result.folder = folder
            return PatientOutcome(result: result, unreadable: unreadable, rewrote: rewrote, problem: nil, summary: summary)
        case .failure(let problem):
            return PatientOutcome(result: result, unreadable: unreadable, rewrote: false, problem: problem, summary: summary)
        }
    }

    /// One patient's output of the referral step.
    struct PatientOutcome: Sendable {
        var result: Ledger.Result
        var unreadable: Int
        var rewrote: Bool
        var problem: WriteProblem?
        /// The worklist's view of the referral; nil when the ledger's copy was kept.
        var summary: Worklist.Summary?
    }

    /// What a patient's report is made from: the SHA-256 of the patient id, the fingerprints of
    /// every file that contributed, the knowledge and tool versions, the as-of date and the
    /// date order. The same fingerprint means the same report.
    func fingerprint(_ record: PatientRecord) -> String {
        var text = "\(record.id)\u{0}\(knowledge.version)\u{0}\(ToolInfo.version)\u{0}\(options.asOf)\u{0}\(options.readOptions.dateOrder?.rawValue ?? "")"
        for input in record.inputs { text += "\u{0}\(input.file)\u{0}\(input.sha256)" }
        var bytes = text
        return bytes.withUTF8 { InputFileReader.sha256(UnsafeRawBufferPointer($0)) }
    }

    /// Whether a patient folder holds all three reports.
    static func reportsExist(_ folder: String) -> Bool {
        ReferralOutputs.names.allSatisfy { access(folder + "/" + $0, F_OK) == 0 }
    }

    /// Removes the temporary files a killed run left (`.name.tmp-PID`) in the output folder and
    /// its patient folders.
    static func removeTemporaryFiles(in output: String) {
        func clean(_ folder: String, depth: Int) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for name in names {
                let path = folder + "/" + name
                if name.hasPrefix("."), name.contains(".tmp-") {
                    unlink(path)
                } else if depth > 0, !name.hasPrefix(".") {
                    var isDirectory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                        clean(path, depth: depth - 1)
                    }
                }
            }
        }
        clean(output, depth: 1)
    }

    /// The tests of a referral as the worklist lists them.
    static func tests(_ referral: Referral) -> [String] {
        var seen: Set<String> = []
        return referral.recommendations.map(Worklist.testLabel).filter { seen.insert($0).inserted }
    }

    /// Writes a patient's three reports; returns the folder and whether anything was rewritten.
    static func writeReports(_ referral: Referral, knowledge: Knowledge, output: String, full: Bool) -> Result<(String, Bool), WriteProblem> {
        let folder: String
        do {
            folder = try SafeFileName.make(referral.patient.id)
        } catch {
            return .failure(WriteProblem(diagnostic: .error(at: SourceLocation(file: referral.inputs.first?.file ?? "input"),
                                                            "patient id cannot be a folder name (\(error)); no report written",
                                                            patientID: referral.patient.id),
                                         isOutputFailure: false))
        }
        let path = output + "/" + folder
        do {
            try AtomicFileWriter.makeDirectory(path)
            var rewrote = false
            for file in ReferralOutputs.files(referral, knowledge: knowledge) {
                rewrote = try writeIfChanged(file.text, to: path + "/" + file.name, full: full) || rewrote
            }
            return .success((folder, rewrote))
        } catch {
            return .failure(WriteProblem(diagnostic: .error(at: SourceLocation(file: folder), "cannot write the reports (\(error)); patient skipped",
                                                            patientID: referral.patient.id),
                                         isOutputFailure: true))
        }
    }

    /// Why a patient's reports were not written: an id that cannot be a folder name (an input
    /// problem) or a failed write (an output problem, exit 73).
    struct WriteProblem: Error, Sendable {
        var diagnostic: Diagnostic
        var isOutputFailure: Bool
    }

    /// Writes `text` unless the file already holds exactly it (or `full`); returns whether it wrote.
    @discardableResult
    static func writeIfChanged(_ text: String, to path: String, full: Bool) throws -> Bool {
        if !full, let existing = try? FileBytes(path: path), existing.bytes.elementsEqual(text.utf8) { return false }
        try AtomicFileWriter.write(text, to: path)
        return true
    }
}

/// A thread-safe counter for progress.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    /// Adds one and returns the new count.
    func increment() -> Int { value.add(1, ordering: .relaxed).newValue }
}
