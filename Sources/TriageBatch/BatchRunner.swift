import Logging
import TriageKnowledge
import TriageModel

/// The nightly batch (SPEC §8) as named steps (STYLE §5, after Publish's pipeline): lock,
/// open the ledger, discover, read, group by patient, referrals and reports, worklist, flush to
/// disk, record the run. The runner announces each step (`[i/n] name`) to progress and the log,
/// and tags any error a step throws with the step's name and path (``TriageError``). A bad
/// file or patient never stops the others; every problem lands in the result, `run.json` and
/// the worklist.
///
/// The steps run on the batch's own threads (``WorkerThreads``), so reading files, writing
/// them and SQLite never block Swift's cooperative thread pool.
package struct BatchRunner: Sendable {
    private let options: BatchOptions
    private let knowledge: Knowledge
    private let events: @Sendable (BatchEvent) -> Void
    private let logger: Logger

    /// The steps, in order.
    static let steps: [BatchStep] = [
        lockStep, ledgerStep, discoverStep, readStep, groupStep, referralsStep, worklistStep, flushStep, recordStep,
    ]

    /// Creates a runner.
    ///
    /// - Parameters:
    ///   - options: what to run.
    ///   - knowledge: the knowledge tables.
    ///   - events: called with progress; must be cheap and thread-safe.
    ///   - logger: where the run logs steps, file names, line numbers and counts: never values,
    ///     names or free text (SPEC §10). By default nothing is logged.
    package init(
        options: BatchOptions, knowledge: Knowledge, events: @escaping @Sendable (BatchEvent) -> Void = { _ in },
        logger: Logger = Logger(label: "twitch-triage.batch", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.options = options
        self.knowledge = knowledge
        self.events = events
        self.logger = logger
    }

    /// Runs the batch.
    ///
    /// - Throws: ``TriageError`` naming the step and path when the run cannot go on: another
    ///   batch holds the lock (``TriageError/Category/locked``), the input folder cannot be
    ///   listed (``TriageError/Category/input``), the output folder or the ledger cannot be set
    ///   up or written (``TriageError/Category/output``). Every other problem is in the result.
    package func run() async throws(TriageError) -> BatchResult {
        let context = BatchContext(options: options, knowledge: knowledge, events: events, logger: logger)
        do {
            return try await WorkerThreads.run { try Self.run(Self.steps, in: context) }
        } catch {
            throw TriageError(converting: error, step: nil, path: options.output)
        }
    }

    /// Runs `steps` in order on the calling thread.
    static func run(_ steps: [BatchStep], in start: BatchContext) throws(TriageError) -> BatchResult {
        var context = start
        for (index, step) in steps.enumerated() where !context.stopped {
            context.events(.step(index: index + 1, count: steps.count, name: step.name))
            context.logger.info("step", metadata: ["step": "\(index + 1)/\(steps.count)", "name": "\(step.name)"])
            do {
                try step.body(&context)
            } catch {
                let wrapped = TriageError(converting: error, step: step.name, path: step.path(context))
                context.logger.notice("step failed", metadata: ["name": "\(step.name)", "path": "\(wrapped.path ?? "")"])
                throw wrapped
            }
        }
        guard let result = context.result else {
            throw TriageError(.outputUnwritable("the run ended before its worklist step"), path: start.options.output)
        }
        for problem in result.problems {
            context.logger.debug(
                "problem",
                metadata: [
                    "file": "\(problem.location.file)", "line": "\(problem.location.line ?? 0)",
                    "column": "\(problem.location.column ?? 0)", "severity": "\(problem.severity.rawValue)",
                ])
        }
        context.logger.info(
            "run complete",
            metadata: [
                "patients": "\(result.patients)", "written": "\(result.patientsWritten)", "unchanged": "\(result.patientsUnchanged)",
                "errors": "\(result.problems.filter { $0.severity == .error }.count)", "outcome": "\(result.outcome.rawValue)",
            ])
        return result
    }
}
