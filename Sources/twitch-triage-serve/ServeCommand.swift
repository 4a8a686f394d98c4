import ArgumentParser
import Logging
import TriageCommandLine
import TriageIngest
import TriageModel
import TriageService

/// `twitch-triage serve`: the CDS Hooks service (SPEC §7.2) beside the nightly batch, an
/// executable of its own (`twitch-triage-serve`), so that the other commands link no web server
/// or HTTP client; `twitch-triage serve …` replaces itself with it, same arguments.
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twitch-triage serve",
        abstract: "Answer CDS Hooks calls with the night's referral as a card.",
        discussion: """
            Serves CDS Hooks 2.0 (discovery, patient-view as twitch-triage, order-select and order-sign as \
            twitch-triage-orders, feedback, /healthz, /metrics) from the last completed batch of --reports, \
            re-evaluating with prefetched lab results newer than the batch when --in gives the night's inputs. \
            Every call needs an ES384 or RS384 token of a client in --clients; --insecure-no-auth turns that \
            off for a local demo. Stops gracefully on SIGTERM. Exit codes: 0 stopped by SIGTERM or SIGINT, \
            64 usage, 69 cannot listen on --host/--port or stopped on an error, 78 the clients file, the \
            ledger of --reports or the tables of --knowledge cannot be used.
            """,
        version: ToolInfo.version
    )

    /// Parses the command line and runs the service; a ``TriageError`` becomes its message and exit status.
    static func main() async {
        await ExitStatus.main(Self.self)
    }

    @Option(name: .long, help: "The batch's output folder (its ledger and patient reports).")
    var reports: String

    @Option(name: .customLong("in"), help: "The night's input drop (read at start and when a new batch completes).")
    var input: String?

    @Option(name: .long, help: "The clients file (JSON, SPEC §7.2).")
    var clients: String?

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port = 8080

    @Option(name: .long, help: "The base URL the EHR calls (tokens' aud is this plus the path). Default: http://HOST:PORT.")
    var publicURL: String?

    @Option(name: .long, help: "The largest request body accepted, in bytes (default 10 MiB).")
    var maxBody = ServiceConfiguration.defaultMaxBody

    @Flag(name: .long, help: "Check no token at all (a local demo only; every log line and /healthz say so).")
    var insecureNoAuth = false

    @OptionGroup var tables: KnowledgeOptions

    @Option(
        name: .long,
        help: "Log level on stderr: trace, debug, info, notice, warning, error or critical. Logs carry no token and no patient value.")
    var logLevel: Logger.Level = .info

    func validate() throws {
        if clients == nil && !insecureNoAuth {
            throw ValidationError("--clients is required (or --insecure-no-auth for a local demo without tokens).")
        }
        if maxBody < 1024 { throw ValidationError("--max-body must be at least 1024 bytes.") }
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() async throws {
        defer { QueuedLogStream.standardError.flush() }
        let clientList = try clients.map(ClientConfiguration.load(path:)) ?? []
        let level = logLevel
        var logger = Logger(label: "twitch-triage.serve") { label in
            var handler = StreamLogHandler(label: label, stream: QueuedLogStream.standardError)
            handler.logLevel = level
            return handler
        }
        var audit = Logger(label: "twitch-triage.audit") { label in
            var handler = StreamLogHandler(label: label, stream: QueuedLogStream.standardError)
            handler.logLevel = .info
            return handler
        }
        if insecureNoAuth {
            logger[metadataKey: "auth"] = "INSECURE-no-auth"
            audit[metadataKey: "auth"] = "INSECURE-no-auth"
        }
        let configuration = ServiceConfiguration(
            reports: reports, inputs: input, clients: clientList, host: host, port: port,
            publicURL: publicURL, maxBody: maxBody, insecureNoAuth: insecureNoAuth)
        let knowledge = try tables.load()
        let service = try CDSHooksService(
            configuration: configuration, knowledge: knowledge,
            readOptions: ReadOptions(knowledge: knowledge), logger: logger, audit: audit)
        let announce = logger
        try await service.run { port in
            announce.notice("listening", metadata: ["host": "\(configuration.host)", "port": "\(port)"])
        }
    }
}
