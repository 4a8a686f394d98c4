@preconcurrency import Crypto
import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization
import Testing
import TriageBatch
import TriageIngest
import TriageKnowledge
import TriageModel
@preconcurrency import _CryptoExtras

@testable import TriageService

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Signs CDS Hooks tokens at test time, ES384 and RS384, with keys made for the run.
struct TokenSigner: Sendable {
    let ecKey = P384.Signing.PrivateKey()
    let rsaKey: _RSA.Signing.PrivateKey
    let iss = "https://ehr.test/"

    init() throws {
        rsaKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
    }

    /// The public JWK Set.
    func jwks() throws -> JSONWebKeySet {
        let raw = Array(ecKey.publicKey.rawRepresentation)
        let primitives = try rsaKey.publicKey.getKeyPrimitives()
        return JSONWebKeySet(keys: [
            JSONWebKey(
                kty: "EC", kid: "ec-1", crv: "P-384", x: Base64URL.encode(raw[0..<48]), y: Base64URL.encode(raw[48..<96]),
                n: nil, e: nil, alg: "ES384", use: "sig"),
            JSONWebKey(
                kty: "RSA", kid: "rsa-1", crv: nil, x: nil, y: nil, n: Base64URL.encode(Array(primitives.modulus)),
                e: Base64URL.encode(Array(primitives.publicExponent)), alg: "RS384", use: "sig"),
        ])
    }

    /// A token; `header` and `claims` override or remove (`nil`) the defaults.
    func token(
        audience: String, alg: String = "ES384", kid: String? = nil, header: [String: Any?] = [:], claims: [String: Any?] = [:],
        signWith: String? = nil
    ) throws -> String {
        let now = Int(Date().timeIntervalSince1970)
        var head: [String: Any] = ["alg": alg, "typ": "JWT", "kid": kid ?? (alg == "RS384" ? "rsa-1" : "ec-1")]
        for (key, value) in header { head[key] = value }
        var body: [String: Any] = [
            "iss": iss, "aud": audience, "exp": now + 300, "iat": now, "jti": UUID().uuidString, "tenant": "tenant-a",
        ]
        for (key, value) in claims { body[key] = value }
        let input =
            Base64URL.encode(Array(try JSONSerialization.data(withJSONObject: head.compactMapValues { $0 }, options: [.sortedKeys])))
            + "."
            + Base64URL.encode(Array(try JSONSerialization.data(withJSONObject: body.compactMapValues { $0 }, options: [.sortedKeys])))
        let signature: [UInt8]
        switch signWith ?? alg {
        case "ES384": signature = Array(try ecKey.signature(for: Array(input.utf8)).rawRepresentation)
        case "RS384":
            signature = Array(
                try rsaKey.signature(for: SHA384.hash(data: Array(input.utf8)), padding: .insecurePKCS1v1_5).rawRepresentation)
        case "HS256":
            signature = Array(HMAC<SHA256>.authenticationCode(for: Array(input.utf8), using: SymmetricKey(data: Array("secret".utf8))))
        default: signature = []
        }
        return input + "." + Base64URL.encode(signature)
    }
}

/// The batch of `Samples/` (as of 2026-11-20) in a temporary folder, and the service over it on
/// a loopback port, started once for every test of the run.
final class ServiceHarness: Sendable {
    static let publicURL = "https://cds.test"
    static let mrnSystem = "urn:oid:1.2.826.0.1.99999.1"
    static let origin = "https://ehr.test"
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let signer: TokenSigner
    let port: Int
    let reports: String
    let client: URLSession
    let service: CDSHooksService
    /// The JWK Set URL of the second client (`jkuIssuer`), served on loopback by the test.
    let jku: String
    /// How often the test's JWK Set was fetched.
    let jwksFetches: FetchCounter
    /// The test's FHIR server on loopback (the third client's `fhirServer`).
    let fhir: TestFHIRServer

    /// The issuer whose keys come from ``jku``.
    static let jkuIssuer = "https://jku-ehr.test/"
    /// The issuer whose client has a `fhirServer` (``fhir``).
    static let fhirIssuer = "https://fhir-ehr.test/"

    private static let started = Task { try await ServiceHarness.start() }

    /// The harness, started on first use.
    static func shared() async throws -> ServiceHarness { try await started.value }

    private init(
        signer: TokenSigner, port: Int, reports: String, client: URLSession, service: CDSHooksService, jku: String,
        fetches: FetchCounter, fhir: TestFHIRServer
    ) {
        self.fhir = fhir
        self.jku = jku
        self.jwksFetches = fetches
        self.signer = signer
        self.port = port
        self.reports = reports
        self.client = client
        self.service = service
    }

    static func orderables() -> [String: ClientConfiguration.Coding] {
        [
            "EMG": .init(system: "urn:test:orders", code: "emg", display: "EMG"),
            "NCS": .init(system: "urn:test:orders", code: "ncs", display: "Nerve conduction studies"),
            "MRI:cervical spine": .init(system: "urn:test:orders", code: "mri-c", display: "MRI cervical spine"),
            "MRI:brain": .init(system: "urn:test:orders", code: "mri-brain", display: "MRI brain"),
            "neurologyExam": .init(system: "urn:test:orders", code: "neuro", display: "Neurology referral"),
            "sameDayAssessment": .init(system: "urn:test:orders", code: "sda", display: "Same-day assessment"),
            "potassium": .init(system: "http://loinc.org", code: "2823-3", display: "Potassium"),
            "magnesium": .init(system: "http://loinc.org", code: "19123-9", display: "Magnesium"),
        ]
    }

    private static func start() async throws -> ServiceHarness {
        let reports = FileManager.default.temporaryDirectory.appendingPathComponent("cds-service-\(UUID().uuidString)").path
        let samples = packageRoot.appendingPathComponent("Samples").path
        let knowledge = try Knowledge.bundled
        let asOf = try #require(LocalDate(iso: "2026-11-20"))
        _ = try await BatchRunner(
            options: BatchOptions(
                input: samples, output: reports, asOf: asOf, readOptions: ReadOptions(knowledge: knowledge), noSync: true),
            knowledge: knowledge
        ).run()
        let signer = try TokenSigner()
        // The second client's JWK Set, served over loopback (http is allowed for loopback only).
        let fetches = FetchCounter()
        let jwksBody = ByteBuffer(bytes: try JSONEncoder().encode(signer.jwks()))
        let jwksRouter = Router()
        jwksRouter.get("jwks.json") { _, _ -> Response in
            fetches.add()
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: jwksBody))
        }
        let (jwksStream, jwksContinuation) = AsyncStream<Int>.makeStream()
        let jwksApp = Application(
            router: jwksRouter, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { jwksContinuation.yield($0.localAddress?.port ?? 0) },
            logger: Logger(label: "jwks", factory: { _ in SwiftLogNoOpLogHandler() }))
        Task { try await jwksApp.runService() }
        var jwksPort = 0
        for await bound in jwksStream {
            jwksPort = bound
            break
        }
        let jku = "http://127.0.0.1:\(jwksPort)/jwks.json"
        let jkuClient = ClientConfiguration(
            iss: jkuIssuer, jwks: nil, jku: [jku], algs: ["ES384"], tenants: nil, mrnSystem: mrnSystem,
            fhirServer: nil, origins: nil, orderables: orderables())
        let client = ClientConfiguration(
            iss: signer.iss, jwks: try signer.jwks(), jku: nil, algs: nil, tenants: ["tenant-a"],
            mrnSystem: mrnSystem, fhirServer: nil, origins: [origin], orderables: orderables())
        let fhir = try await TestFHIRServer.start()
        let fhirClient = ClientConfiguration(
            iss: fhirIssuer, jwks: try signer.jwks(), jku: nil, algs: nil, tenants: nil, mrnSystem: mrnSystem,
            fhirServer: fhir.base, origins: nil, orderables: orderables())
        var configuration = ServiceConfiguration(
            reports: reports, inputs: samples, clients: [client, jkuClient, fhirClient],
            host: "127.0.0.1", port: 0,
            publicURL: publicURL, maxBody: 1 << 20, insecureNoAuth: false)
        // The FHIR server reads' budget: 300 ms in service (SPEC §7.2); 3 s here, so that a
        // loaded test machine still reads a prompt server within it (the slow one takes 10 s).
        configuration.fhirBudgetMilliseconds = 3000
        let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let service = try CDSHooksService(configuration: configuration, knowledge: knowledge, logger: quiet, audit: quiet)
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        Task { try await service.run { port in continuation.yield(port) } }
        var port = 0
        for await bound in stream {
            port = bound
            break
        }
        return ServiceHarness(
            signer: signer, port: port, reports: reports, client: URLSession(configuration: .ephemeral),
            service: service, jku: jku, fetches: fetches, fhir: fhir)
    }

    /// A call over loopback; the token's `aud` is the public URL plus `path` unless given.
    func call(
        _ path: String, method: String = "POST", body: [UInt8]? = nil, token: String? = "default",
        headers: [(String, String)] = []
    ) async throws -> (status: Int, body: [UInt8], headers: [(String, String)]) {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)" + path)), timeoutInterval: 30)
        request.httpMethod = method
        if let token {
            let value = token == "default" ? try signer.token(audience: Self.publicURL + path) : token
            request.setValue("Bearer " + value, forHTTPHeaderField: "Authorization")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body)
        }
        let (data, response) = try await client.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        let fields = http.allHeaderFields.compactMap { key, value in (key as? String).map { ($0, "\(value)") } }
        return (http.statusCode, Array(data), fields)
    }

    /// A patient-view (or order) request for the batch patient `mrn`.
    static func request(
        mrn: String, hook: String = "patient-view", observations: [String]? = nil, patient: Bool = true,
        drafts: [(id: String, system: String, code: String)] = [], selections: [String]? = nil
    ) -> [UInt8] {
        let patientID = "fhir-" + mrn
        var prefetch: [String] = []
        if patient {
            prefetch.append(
                #""patient":{"resourceType":"Patient","id":"\#(patientID)","identifier":[{"system":"urn:other","value":"X1"},{"system":"\#(mrnSystem)","value":"\#(mrn)"}]}"#
            )
        }
        if let observations {
            let entries = observations.map { #"{"resource":\#($0)}"# }.joined(separator: ",")
            prefetch.append(#""observations":{"resourceType":"Bundle","type":"searchset","entry":[\#(entries)]}"#)
        }
        var context = #""userId":"Practitioner/1","patientId":"\#(patientID)","encounterId":"enc-1""#
        if hook != "patient-view" {
            let entries = drafts.map { draft in
                #"{"resource":{"resourceType":"ServiceRequest","id":"\#(draft.id)","status":"draft","intent":"order","code":{"coding":[{"system":"\#(draft.system)","code":"\#(draft.code)"}]},"subject":{"reference":"Patient/\#(patientID)"}}}"#
            }.joined(separator: ",")
            context += #","draftOrders":{"resourceType":"Bundle","type":"collection","entry":[\#(entries)]}"#
            if let selections { context += #","selections":[\#(selections.map { "\"\($0)\"" }.joined(separator: ","))]"# }
        }
        return Array(
            #"{"hook":"\#(hook)","hookInstance":"\#(UUID().uuidString)","context":{\#(context)},"prefetch":{\#(prefetch.joined(separator: ","))}}"#
                .utf8)
    }

    /// An Observation of the patient `mrn` in context.
    static func observation(
        mrn: String, loinc: String, value: String, unit: String, date: String, status: String = "final",
        subject: String? = nil
    ) -> String {
        #"{"resourceType":"Observation","id":"obs-\#(loinc)-\#(date)","status":"\#(status)","category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],"code":{"coding":[{"system":"http://loinc.org","code":"\#(loinc)"}]},"subject":{"reference":"\#(subject ?? "Patient/fhir-" + mrn)"},"effectiveDateTime":"\#(date)","valueQuantity":{"value":\#(value),"unit":"\#(unit)","system":"http://unitsofmeasure.org","code":"\#(unit)"}}"#
    }

    /// An answer without a `cards` array.
    struct NoCards: Error {}

    /// The cards of an answer.
    static func cards(_ body: [UInt8]) throws -> [JSONNode] {
        let response = try JSONDecoder().decode(JSONNode.self, from: Data(body))
        guard case .array(let cards)? = response["cards"] else { throw NoCards() }
        return cards
    }
}

/// A FHIR server on loopback for the `fhirServer` reads (SPEC §7.2: the Patient when its
/// prefetch is absent, a searchset's `next` page): `GET {base}/Patient/{id}` answers the Patient
/// `fhir-<MRN>` with that MRN, after ten seconds when the id starts with `slow-`;
/// `GET {base}/Observation-page/{id}` answers a searchset page of one critical potassium (2.3
/// mmol/L on 2026-11-23) of that patient. Only with `Authorization: Bearer <token>`; every read
/// is counted by path. `{elsewhere}/...` is a second server (same port, another base) that must
/// never be read.
final class TestFHIRServer: Sendable {
    static let token = "fhir-token-4711"
    let base: String
    let elsewhere: String
    private let reads = Mutex<[String]>([])

    private init(port: Int) {
        base = "http://127.0.0.1:\(port)/fhir"
        elsewhere = "http://127.0.0.1:\(port)/elsewhere"
    }

    /// The paths read so far.
    var paths: [String] { reads.withLock { $0 } }

    static func start() async throws -> TestFHIRServer {
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let box = Mutex<TestFHIRServer?>(nil)
        let router = Router()
        @Sendable func answer(_ request: Request, _ body: String) async throws -> Response {
            box.withLock { $0 }?.reads.withLock { $0.append(request.uri.path) }
            guard request.headers[.authorization] == "Bearer " + token else { return Response(status: .unauthorized) }
            return Response(
                status: .ok, headers: [.contentType: "application/fhir+json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        @Sendable func patient(_ id: String) -> String {
            let mrn = String(id.dropFirst(5))  // "fhir-P003" and "slow-P003" are P003
            return #"{"resourceType":"Patient","id":"\#(id)","identifier":[{"system":"\#(ServiceHarness.mrnSystem)","value":"\#(mrn)"}]}"#
        }
        for base in ["fhir", "elsewhere"] {
            router.get("\(base)/Patient/:id") { request, context -> Response in
                let id = context.parameters.get("id") ?? ""
                if id.hasPrefix("slow-") { try await Task.sleep(for: .seconds(10)) }
                return try await answer(request, patient(id))
            }
            router.get("\(base)/Observation-page/:id") { request, context -> Response in
                let id = context.parameters.get("id") ?? ""
                let observation = ServiceHarness.observation(
                    mrn: String(id.dropFirst(5)), loinc: "2823-3", value: "2.3", unit: "mmol/L",
                    date: "2026-11-23T07:00:00Z")
                return try await answer(request, #"{"resourceType":"Bundle","type":"searchset","entry":[{"resource":\#(observation)}]}"#)
            }
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) },
            logger: Logger(label: "fhir", factory: { _ in SwiftLogNoOpLogHandler() }))
        Task { try await app.runService() }
        var port = 0
        for await bound in stream {
            port = bound
            break
        }
        let server = TestFHIRServer(port: port)
        box.withLock { $0 = server }
        return server
    }
}

/// Counts fetches of the test's JWK Set.
final class FetchCounter: Sendable {
    private let count = Mutex(0)

    func add() { count.withLock { $0 += 1 } }

    func load(ordering: Void = ()) -> Int { count.withLock { $0 } }
}
