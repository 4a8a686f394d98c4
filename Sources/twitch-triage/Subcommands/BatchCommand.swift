import ArgumentParser
import Foundation
import Logging
import TriageBatch
import TriageCommandLine

#if canImport(Glibc)
    import Glibc
#endif

/// `twitch-triage batch <in> --out <dir>`: the nightly run over a folder.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Write every patient's referral and the morning worklist.",
        discussion: """
            Reads every journal, lab and patient file under <in>, writes <out>/<patient>/referral.{json,md,html}, \
            <out>/worklist.{json,md,html} and <out>/run.json. A bad file or patient never stops the others; \
            every problem is listed on stderr and in run.json as file:line:column: message. \
            Exit codes: 0 all good (warnings allowed), 64 usage, 65 some input could not be read (all else \
            written), 73 output could not be written, 75 another batch holds the lock on <out>, 78 the knowledge \
            tables of --knowledge or the code map of --code-map cannot be used.
            """
    )

    @Argument(help: "The input folder.")
    var input: String

    @Option(name: .long, help: "The output folder.")
    var out: String

    @Option(name: .long, help: "Parallel jobs (default: the processor count).")
    var jobs: Int?

    @Flag(name: .long, help: "Rewrite every report, even unchanged ones.")
    var full = false

    @Flag(name: .long, help: "No progress line and no summary line (problems are still listed).")
    var quiet = false

    @Flag(
        name: .long,
        help: "Skip the final flush to disk: faster, but a power cut can lose the night's reports (for scratch disks and benchmarks).")
    var noSync = false

    @Option(name: .long, help: "Keep only shard K of N (K/N, 0-based), by a stable hash of the patient id.")
    var shard: String?

    @Option(
        name: .long,
        help:
            "Log level on stderr: trace, debug, info, notice, warning, error or critical. Logs carry file names, line numbers and counts only."
    )
    var logLevel: Logger.Level = .error

    @OptionGroup var inputOptions: InputOptions

    @OptionGroup var tables: KnowledgeOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        _ = try parsedShard()
    }

    /// The shard of `--shard` (parsed by the library's ``Shard``), its problem as a usage error.
    func parsedShard() throws -> Shard? {
        guard let shard else { return nil }
        do {
            return try Shard(parsing: shard, environment: ProcessInfo.processInfo.environment)
        } catch {
            guard case .usage(let message) = error.reason else { throw error }
            throw ValidationError(message)
        }
    }

    func run() async throws {
        let knowledge = try tables.load()
        let readOptions = try inputOptions.readOptions(knowledge: knowledge)
        let options = BatchOptions(
            input: input, output: out, asOf: try inputOptions.asOfDate(), readOptions: readOptions,
            jobs: jobs ?? System.processorCount, full: full, noSync: noSync, maxFileSize: inputOptions.maxFileSizeBytes,
            shard: try parsedShard())
        let progress = ProgressLine(enabled: !quiet && isatty(2) == 1)
        let level = logLevel
        let logger = Logger(label: "twitch-triage.batch") { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let result: BatchResult
        do {
            result = try await BatchRunner(
                options: options, knowledge: knowledge, events: progress.handle,
                logger: logger
            ).run()
        } catch {
            progress.finish()
            throw error
        }
        progress.finish()
        for problem in result.problems { Console.error(problem.description) }
        if !quiet {
            let errors = result.problems.filter { $0.severity == .error }.count
            Console.error(
                "\(result.patients) patients from \(result.files) files: \(result.patientsWritten) written, \(result.patientsUnchanged) unchanged; \(errors) errors, \(result.problems.count - errors) warnings; exit \(result.outcome.exitCode)"
            )
        }
        if let category = result.outcome.category { throw ExitStatus.failure(category) }
    }
}

/// The processor count, for the default of `--jobs`.
enum System {
    static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
