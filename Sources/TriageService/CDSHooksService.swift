import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TriageBatch
import TriageIngest
import TriageKnowledge
import TriageModel

/// The CDS Hooks service (SPEC §7.2) on Hummingbird 2: discovery, the service call, feedback,
/// `/healthz` and `/metrics`, behind CORS, metrics and token middleware. Each route decodes,
/// calls the library (through ``HookEvaluator``) and encodes; graceful shutdown on SIGTERM
/// through swift-service-lifecycle lets calls in flight finish, feedback included.
package struct CDSHooksService: Sendable {
    /// The configuration.
    package let configuration: ServiceConfiguration
    /// The metrics.
    package let metrics = ServiceMetrics()
    let evaluator: HookEvaluator
    let batch: NightBatch
    let ledger: Ledger?
    let verifier: TokenVerifier?
    /// The `jti`s seen (its size is on `/metrics`).
    let replay = ReplayGuard()
    let knowledge: Knowledge
    let logger: Logger
    let audit: Logger
    let httpClient: HTTPFetcher

    /// Sets the service up: opens the ledger, loads the last completed batch.
    ///
    /// - Parameters:
    ///   - readOptions: how the night's inputs and the prefetched results are read; by default
    ///     with no date order or code map, by `knowledge`'s analytes and LOINC codes.
    /// - Throws: ``TriageError`` (configuration) when the clients are missing without
    ///   `--insecure-no-auth`, or the ledger of `--reports` cannot be opened.
    package init(
        configuration: ServiceConfiguration, knowledge: Knowledge, readOptions: ReadOptions? = nil, logger: Logger,
        audit: Logger
    ) throws(TriageError) {
        guard !configuration.clients.isEmpty || configuration.insecureNoAuth else {
            throw configurationError(
                "--clients: no client configured; service not started (--insecure-no-auth runs a local demo without tokens)")
        }
        self.configuration = configuration
        self.knowledge = knowledge
        self.logger = logger
        self.audit = audit
        httpClient = HTTPFetcher()
        let ledger: Ledger
        do {
            ledger = try Ledger(output: configuration.reports)
        } catch {
            httpClient.shutdown()
            throw configurationError("\(configuration.reports): cannot open the batch's ledger (\(error)); service not started")
        }
        self.ledger = ledger
        let evaluation = LiveEvaluation(knowledge: knowledge, readOptions: readOptions)
        batch = NightBatch(reports: configuration.reports, inputs: configuration.inputs, evaluation: evaluation, logger: logger)
        do {
            try batch.refresh()
        } catch {
            logger.error("cannot read the ledger; no batch loaded yet")
        }
        verifier =
            configuration.insecureNoAuth
            ? nil
            : TokenVerifier(clients: configuration.clients, keySets: KeySetCache(client: httpClient), replay: replay)
        evaluator = HookEvaluator(
            batch: batch, evaluation: evaluation, fhir: FHIRServerReader(client: httpClient), ledger: ledger,
            metrics: metrics, budgetMilliseconds: configuration.fhirBudgetMilliseconds,
            maxBody: configuration.maxBody, logger: logger)
    }

    /// The discovery document: `patient-view` (`twitch-triage`) with prefetch templates for the
    /// Patient and every LOINC code the knowledge maps to an analyte, and `order-select` and
    /// `order-sign` (`twitch-triage-orders`).
    package var discovery: CDSDiscovery {
        let codes = knowledge.analytes.flatMap { $0.loinc.map { "http://loinc.org|" + $0 } }
        var unique: [String] = []
        for code in codes where !unique.contains(code) { unique.append(code) }
        let prefetch = [
            HookEvaluator.patientKey: "Patient/{{context.patientId}}",
            HookEvaluator.observationsKey: "Observation?patient={{context.patientId}}&code=" + unique.joined(separator: ",")
                + "&_sort=-date&_count=200",
        ]
        let systems = Set(configuration.clients.map(\.mrnSystem)).sorted()
        let usage =
            "Reads the last completed nightly batch of twitch-triage; the Patient must carry the MRN the journals use as an identifier"
            + (systems.isEmpty ? "" : " of system " + systems.joined(separator: " or "))
            + ". SMART scopes: patient/Patient.read patient/Observation.read."
        let description =
            "The night's twitch-triage referral for the patient as a card, re-evaluated with lab results newer than the night's batch."
        return CDSDiscovery(services: [
            .init(
                hook: "patient-view", id: "twitch-triage", title: "Muscle twitching triage", description: description,
                prefetch: prefetch, usageRequirements: usage),
            .init(
                hook: "order-select", id: "twitch-triage-orders", title: "Muscle twitching triage: orders",
                description: "Suggests the recommended orders not yet drafted and says which drafted orders the advice does not support.",
                prefetch: prefetch, usageRequirements: usage),
            .init(
                hook: "order-sign", id: "twitch-triage-orders", title: "Muscle twitching triage: orders",
                description: "Suggests the recommended orders not yet drafted and says which drafted orders the advice does not support.",
                prefetch: prefetch, usageRequirements: usage),
        ])
    }

    /// The router with every route and middleware.
    package func router() -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        router.add(middleware: CORSMiddleware(origins: Set(configuration.clients.flatMap { $0.origins ?? [] })))
        let insecure = configuration.insecureNoAuth
        router.get("healthz") { _, _ in
            let loaded = batch.snapshot
            var text = "ok; batch " + (loaded.map { "run \($0.runID) as of \($0.asOf)" } ?? "none completed yet")
            if insecure { text += "; INSECURE: --insecure-no-auth, no token is checked (local demo only)" }
            return Self.text(text + "\n", status: .ok)
        }
        let replay = replay
        let evaluator = evaluator
        router.get("metrics") { _, _ in
            let kept = evaluator.kept
            metrics.sizes(replay: replay.count, memo: kept.reevaluated, recorded: kept.recorded)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.registry.emitToBuffer())))
        }
        let services = router.group("cds-services")
            .add(middleware: AuthenticationMiddleware(verifier: verifier, publicURL: configuration.audienceBase, audit: audit))
        let discoveryBody = Self.encode(discovery)
        services.get { _, _ in Self.json(discoveryBody) }
        services.post(":id") { request, context in
            guard let id = context.parameters.get("id"), HookEvaluator.services[id] != nil else { return Response(status: .notFound) }
            guard let body = try await body(request) else { return Response(status: .contentTooLarge) }
            let client = self.client(context)
            let decoded = HookEvaluator.decode(body)
            let answer = await evaluator.answer(serviceID: id, request: decoded, body: body, client: client)
            logCall(context, hookInstance: decoded?.hookInstance, answer: answer)
            switch answer {
            case .cards(let response): return Self.json(Self.encode(response))
            case .badRequest: return Response(status: .badRequest)
            case .notFound: return Response(status: .notFound)
            case .preconditionFailed: return Response(status: .preconditionFailed)
            }
        }
        services.post(":id/feedback") { request, context in
            guard let id = context.parameters.get("id"), HookEvaluator.services[id] != nil else { return Response(status: .notFound) }
            guard let body = try await body(request) else { return Response(status: .contentTooLarge) }
            guard let feedback = try? JSONDecoder().decode(CDSFeedbackRequest.self, from: Data(body)) else {
                return Response(status: .badRequest)
            }
            let items = feedback.feedback.map { item in
                Ledger.FeedbackItem(
                    card: item.card, outcome: item.outcome, acceptedSuggestions: item.acceptedSuggestions?.map(\.id) ?? [],
                    reasonSystem: item.overrideReason?.reason?.system, reasonCode: item.overrideReason?.reason?.code,
                    reasonDisplay: item.overrideReason?.reason?.display, outcomeTimestamp: item.outcomeTimestamp)
            }
            guard let ledger else { return Response(status: .serviceUnavailable) }
            do {
                let (stored, unknown) = try await Self.offPool { try ledger.recordFeedback(items) }
                metrics.feedback(items: items.count, unknown: unknown)
                audit.info(
                    "feedback stored",
                    metadata: [
                        "iss": "\(context.caller?.iss ?? "-")", "items": "\(items.count)", "new": "\(stored)",
                        "unknownCards": "\(unknown)",
                    ])
                return Response(status: .ok)
            } catch {
                logger.error("cannot store feedback in the ledger", metadata: ["items": "\(items.count)"])
                return Response(status: .serviceUnavailable)
            }
        }
        return router
    }

    /// The client of a call: the token's, or with `--insecure-no-auth` the first configured one
    /// (or one that takes the MRN from any identifier system).
    func client(_ context: ServiceRequestContext) -> ClientConfiguration {
        if let caller = context.caller { return configuration.clients[caller.client] }
        return configuration.clients.first
            ?? ClientConfiguration(
                iss: "insecure-no-auth", jwks: nil, jku: nil, algs: nil, tenants: nil, mrnSystem: "*", fhirServer: nil,
                origins: nil, orderables: nil)
    }

    /// The body, or nil when it exceeds `--max-body`.
    func body(_ request: Request) async throws -> [UInt8]? {
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: configuration.maxBody)
            return Array(buffer: buffer)
        } catch is NIOTooManyBytesError {
            return nil
        }
    }

    /// The audit line of a call: iss, tenant, jti, hookInstance and the answer; nothing else.
    func logCall(_ context: ServiceRequestContext, hookInstance: String?, answer: HookEvaluator.Answer) {
        let instance = hookInstance ?? "-"
        let outcome: String
        switch answer {
        case .cards(let response): outcome = "\(response.cards.count) cards"
        case .badRequest: outcome = "400"
        case .notFound: outcome = "404"
        case .preconditionFailed: outcome = "412"
        }
        audit.info(
            "call",
            metadata: [
                "iss": "\(context.caller?.iss ?? "-")", "tenant": "\(context.caller?.tenant ?? "-")",
                "jti": "\(context.caller?.jti ?? "-")", "hookInstance": "\(instance)", "answer": "\(outcome)",
            ])
    }

    static func encode<T: Encodable>(_ value: T) -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ByteBuffer(bytes: (try? encoder.encode(value)) ?? Data("{}".utf8))
    }

    static func json(_ body: ByteBuffer) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: body))
    }

    /// Runs `work` (SQLite: it waits for the disk and for the ledger's writer) on a Dispatch
    /// thread, not on a thread of NIO's or of the cooperative pool, and waits for it there.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    static func text(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Runs until SIGTERM or SIGINT (graceful: calls in flight finish), polling the ledger for a
    /// newly completed batch.
    ///
    /// - Parameter onRunning: called with the bound port once the server listens.
    ///
    /// - Throws: ``TriageError`` (unavailable) when the service cannot listen or stops on an
    ///   error, naming the address.
    package func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws(TriageError) {
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            services: [BatchWatcher(batch: batch, seconds: configuration.batchPollSeconds, logger: logger)],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            ledger?.waitForQueuedWrites()
            httpClient.shutdown()
            throw TriageError(
                .unavailable("\(configuration.host):\(configuration.port): the service cannot serve (\(error)); service stopped"))
        }
        ledger?.waitForQueuedWrites()
        httpClient.shutdown()
    }
}

/// Checks the ledger every few seconds for a newly completed batch (``NightBatch/refresh()``).
struct BatchWatcher: Service {
    let batch: NightBatch
    let seconds: Int
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(seconds)) }
            guard !Task.isShuttingDownGracefully else { return }
            // SQLite and, on a new batch, the night's inputs are read on a queue of their own:
            // no thread of NIO's or of the cooperative pool waits for the disk.
            let (batch, logger) = (batch, logger)
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                Self.queue.async {
                    do {
                        try batch.refresh()
                    } catch {
                        logger.error("cannot read the ledger; the batch in force stays")
                    }
                    done.resume()
                }
            }
        }
    }

    /// Where the ledger is polled.
    static let queue = DispatchQueue(label: "twitch-triage.batch-watcher")
}
