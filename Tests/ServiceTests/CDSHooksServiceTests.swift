import Foundation
import Testing
import TriageBatch
import TriageKnowledge
import TriageService

/// The service end to end over loopback (SPEC §7.2): a real HTTP client, tokens signed at test
/// time with ES384 and RS384, the batch of `Samples/`.
@Suite("CDS Hooks service", .serialized)
struct CDSHooksServiceTests {
    let schema: JSONSchemaValidator

    init() throws {
        schema = try JSONSchemaValidator.cardSchema()
    }

    /// Calls patient-view for `mrn` and checks every card against the schema.
    func cards(_ harness: ServiceHarness, mrn: String, observations: [String]? = nil) async throws -> [JSONNode] {
        let answer = try await harness.call(
            "/cds-services/twitch-triage", body: ServiceHarness.request(mrn: mrn, observations: observations))
        #expect(answer.status == 200)
        let cards = try ServiceHarness.cards(answer.body)
        for card in cards { #expect(schema.validate(card) == [], "\(mrn)") }
        return cards
    }

    @Test("discovery lists patient-view and the order hooks with the LOINC prefetch")
    func discovery() async throws {
        let harness = try await ServiceHarness.shared()
        let answer = try await harness.call("/cds-services", method: "GET")
        #expect(answer.status == 200)
        let document = try JSONDecoder().decode(CDSDiscovery.self, from: Data(answer.body))
        #expect(document.services.map(\.hook) == ["patient-view", "order-select", "order-sign"])
        #expect(document.services.map(\.id) == ["twitch-triage", "twitch-triage-orders", "twitch-triage-orders"])
        let observations = try #require(document.services[0].prefetch?["observations"])
        for analyte in try Knowledge.bundled.analytes {
            for code in analyte.loinc { #expect(observations.contains("http://loinc.org|" + code)) }
        }
        #expect(observations.hasPrefix("Observation?patient={{context.patientId}}&code="))
        #expect(observations.hasSuffix("&_sort=-date&_count=200"))
        #expect(document.services[0].prefetch?["patient"] == "Patient/{{context.patientId}}")
    }

    @Test("a same-day patient gets a critical card with a same-day suggestion")
    func sameDay() async throws {
        let harness = try await ServiceHarness.shared()
        let cards = try await cards(harness, mrn: "P002")
        #expect(cards.count == 1)
        let card = try #require(cards.first)
        #expect(card["indicator"] == .string("critical"))
        #expect(card["summary"]?.string?.hasPrefix("Urgent, same day") == true)
        #expect(card["selectionBehavior"] == .string("any"))
        guard case .array(let suggestions)? = card["suggestions"] else {
            Issue.record("no suggestions")
            return
        }
        let labels = suggestions.compactMap { $0["label"]?.string }
        #expect(labels.contains("Order Same-day assessment"))
        #expect(labels.contains("Order EMG"))
        #expect(labels.contains("Order Nerve conduction studies"))
        #expect(!labels.contains { $0.contains("reatine") })  // not in the client's orderables: stays in the detail
        for suggestion in suggestions {
            guard case .array(let actions)? = suggestion["actions"], let resource = actions.first?["resource"] else {
                Issue.record("suggestion without action")
                continue
            }
            #expect(resource["resourceType"] == .string("ServiceRequest"))
            #expect(resource["subject"]?["reference"] == .string("Patient/fhir-P002"))
            #expect(resource["encounter"]?["reference"] == .string("Encounter/enc-1"))
            #expect(resource["reasonReference"] == nil)
            #expect(resource["status"] == .string("draft"))
            #expect(resource["intent"] == .string("proposal"))
        }
        let detail = try #require(card["detail"]?.string)
        #expect(detail.contains("**Red flags**"))
        #expect(detail.contains("Breathless at rest or lying flat"))
        #expect(detail.contains("creatine kinase"))
        #expect(detail.contains("query MND"))
        #expect(!detail.contains("<") || detail.contains("\\<"))
    }

    @Test("an urgent patient gets a warning card")
    func urgent() async throws {
        let harness = try await ServiceHarness.shared()
        let cards = try await cards(harness, mrn: "P001")
        #expect(cards.count == 1)
        #expect(cards.first?["indicator"] == .string("warning"))
        #expect(cards.first?["summary"]?.string?.hasPrefix("Urgent (") == true)
    }

    @Test("a routine patient gets an info card with an EMG suggestion and the same uuid each time")
    func routine() async throws {
        let harness = try await ServiceHarness.shared()
        let first = try await cards(harness, mrn: "P003")
        let second = try await cards(harness, mrn: "P003")
        #expect(first.count == 1)
        #expect(first.first?["indicator"] == .string("info"))
        #expect(first.first?["uuid"] != nil)
        #expect(first.first?["uuid"] == second.first?["uuid"])
        let detail = try #require(first.first?["detail"]?.string)
        #expect(detail.contains("live labs not checked"))
    }

    @Test("a self-care patient, and an MRN not in the batch, get no card")
    func selfCareAndUnknown() async throws {
        let harness = try await ServiceHarness.shared()
        #expect(try await cards(harness, mrn: "P005").isEmpty)
        #expect(try await cards(harness, mrn: "NOT-IN-BATCH").isEmpty)
    }

    @Test("a Patient prefetch of another chart than context.patientId gives no card (SAFETY.md H6)")
    func patientOfAnotherChart() async throws {
        let harness = try await ServiceHarness.shared()
        // The prefetched Patient is P002's (same day); the chart open is another patient's.
        let body = String(decoding: ServiceHarness.request(mrn: "P002"), as: UTF8.self)
            .replacingOccurrences(of: #""patientId":"fhir-P002""#, with: #""patientId":"fhir-P003""#)
        let answer = try await harness.call("/cds-services/twitch-triage", body: Array(body.utf8))
        #expect(answer.status == 412)
        #expect(!String(decoding: answer.body, as: UTF8.self).contains("critical"))
    }

    @Test("every sample patient's card is a valid CDS Hooks card whose indicator follows the referral")
    func everySample() async throws {
        let harness = try await ServiceHarness.shared()
        var seen = 0
        for folder in try FileManager.default.contentsOfDirectory(atPath: harness.reports).sorted() where !folder.hasPrefix(".") {
            let url = URL(fileURLWithPath: harness.reports).appendingPathComponent(folder).appendingPathComponent("referral.json")
            guard let data = try? Data(contentsOf: url) else { continue }
            let referral = try JSONDecoder().decode(ReferralDocument.self, from: data)
            let cards = try await cards(harness, mrn: referral.patient.id.rawValue)
            let expected: String? =
                referral.sameDay == true
                ? "critical"
                : [.urgent, .soon].contains(referral.urgency.known) || referral.readToday
                    ? "warning"
                    : referral.urgency.known == .routine ? "info" : nil
            #expect(cards.first?["indicator"] == expected.map(JSONNode.string), "\(folder)")
            #expect(cards.count == (expected == nil ? 0 : 1), "\(folder)")
            seen += 1
        }
        #expect(seen == 33)  // every sample patient (Samples/README.md)
    }

    @Test("a newer critical potassium in the prefetch turns a routine patient same-day")
    func livePotassium() async throws {
        let harness = try await ServiceHarness.shared()
        let night = try await cards(harness, mrn: "P003")
        let observations = [
            ServiceHarness.observation(mrn: "P003", loinc: "2823-3", value: "2.3", unit: "mmol/L", date: "2026-11-21T08:00:00Z"),
            ServiceHarness.observation(
                mrn: "P003", loinc: "2823-3", value: "1.9", unit: "mmol/L", date: "2026-11-21T09:00:00Z",
                status: "preliminary"),
            ServiceHarness.observation(
                mrn: "P003", loinc: "2823-3", value: "1.8", unit: "mmol/L", date: "2026-11-21T09:00:00Z",
                subject: "Patient/someone-else"),
        ]
        let live = try await cards(harness, mrn: "P003", observations: observations)
        #expect(live.count == 1)
        let card = try #require(live.first)
        #expect(card["indicator"] == .string("critical"))
        #expect(card["uuid"] != night.first?["uuid"])
        let detail = try #require(card["detail"]?.string)
        #expect(detail.contains("Re\\-evaluated with 1 lab result from the EHR"))
        #expect(detail.contains("2\\.3"))
        // An older potassium than the batch changes nothing, and says the labs were checked.
        let older = try await cards(
            harness, mrn: "P003",
            observations: [
                ServiceHarness.observation(mrn: "P003", loinc: "2823-3", value: "2.3", unit: "mmol/L", date: "2026-10-01T08:00:00Z")
            ])
        #expect(older.first?["indicator"] == .string("info"))
        #expect(older.first?["uuid"] == night.first?["uuid"])
        #expect(older.first?["detail"]?.string?.contains("No lab result in the EHR is newer") == true)
    }

    @Test("RS384 tokens are accepted too")
    func rs384() async throws {
        let harness = try await ServiceHarness.shared()
        let path = "/cds-services/twitch-triage"
        let token = try harness.signer.token(audience: ServiceHarness.publicURL + path, alg: "RS384")
        let answer = try await harness.call(path, body: ServiceHarness.request(mrn: "P003"), token: token)
        #expect(answer.status == 200)
    }

    @Test("a jku on the allow-list is fetched once and cached; an unknown kid refetches at most once a minute")
    func jku() async throws {
        let harness = try await ServiceHarness.shared()
        let path = "/cds-services/twitch-triage"
        let audience = ServiceHarness.publicURL + path
        let body = ServiceHarness.request(mrn: "P003")
        let named = try harness.signer.token(
            audience: audience, header: ["jku": harness.jku], claims: ["iss": ServiceHarness.jkuIssuer, "tenant": nil])
        #expect(try await harness.call(path, body: body, token: named).status == 200)
        let unnamed = try harness.signer.token(audience: audience, claims: ["iss": ServiceHarness.jkuIssuer, "tenant": nil])
        #expect(try await harness.call(path, body: body, token: unnamed).status == 200)
        let afterKnown = harness.jwksFetches.load()
        #expect(afterKnown == 1)
        for _ in 0..<3 {
            let unknownKid = try harness.signer.token(
                audience: audience, kid: "ec-unknown", header: ["jku": harness.jku],
                claims: ["iss": ServiceHarness.jkuIssuer, "tenant": nil])
            #expect(try await harness.call(path, body: body, token: unknownKid).status == 401)
        }
        #expect(harness.jwksFetches.load() == afterKnown)
        // RS384 is not among this client's algorithms.
        let rsa = try harness.signer.token(
            audience: audience, alg: "RS384", header: ["jku": harness.jku],
            claims: ["iss": ServiceHarness.jkuIssuer, "tenant": nil])
        #expect(try await harness.call(path, body: body, token: rsa).status == 401)
    }

    @Test("every refusal has its status and no body")
    func refusals() async throws {
        let harness = try await ServiceHarness.shared()
        let path = "/cds-services/twitch-triage"
        let audience = ServiceHarness.publicURL + path
        let body = ServiceHarness.request(mrn: "P003")
        let signer = harness.signer
        let now = Int(Date().timeIntervalSince1970)
        let replayed = try signer.token(audience: audience)
        #expect(try await harness.call(path, body: body, token: replayed).status == 200)
        let cases: [(String, String?, Int)] = [
            ("no token", nil, 401),
            ("alg none", try signer.token(audience: audience, alg: "none", signWith: "none"), 401),
            ("HS256", try signer.token(audience: audience, alg: "HS256", kid: "ec-1", signWith: "HS256"), 401),
            ("ES384 header, RSA key", try signer.token(audience: audience, alg: "ES384", kid: "rsa-1", signWith: "RS384"), 401),
            ("wrong aud", try signer.token(audience: ServiceHarness.publicURL + "/cds-services/other"), 401),
            ("aud array without the URL", try signer.token(audience: audience, claims: ["aud": ["https://elsewhere.test"]]), 401),
            ("expired", try signer.token(audience: audience, claims: ["exp": now - 10, "iat": now - 400]), 401),
            ("exp over an hour ahead", try signer.token(audience: audience, claims: ["exp": now + 7200]), 401),
            ("future iat", try signer.token(audience: audience, claims: ["iat": now + 600]), 401),
            ("nbf ahead", try signer.token(audience: audience, claims: ["nbf": now + 600]), 401),
            ("replayed jti", replayed, 401),
            ("unknown iss", try signer.token(audience: audience, claims: ["iss": "https://other-ehr.test/"]), 401),
            ("unknown tenant", try signer.token(audience: audience, claims: ["tenant": "tenant-b"]), 401),
            ("unknown kid", try signer.token(audience: audience, kid: "ec-9"), 401),
            ("jku not allow-listed", try signer.token(audience: audience, header: ["jku": "https://evil.test/jwks.json"]), 401),
            ("bad signature", String(try signer.token(audience: audience).dropLast(4)) + "AAAA", 401),
        ]
        for (name, token, status) in cases {
            let answer = try await harness.call(path, body: body, token: token)
            #expect(answer.status == status, "\(name)")
            #expect(answer.body.isEmpty, "\(name)")
        }
        #expect(try await harness.call(path, body: Array("{\"hook\":".utf8)).status == 400)
        #expect(try await harness.call(path, body: ServiceHarness.request(mrn: "P003", hook: "order-sign")).status == 400)
        #expect(try await harness.call(path, body: [UInt8](repeating: 0x20, count: (1 << 20) + 10)).status == 413)
        #expect(try await harness.call(path, body: ServiceHarness.request(mrn: "P003", patient: false)).status == 412)
        #expect(try await harness.call("/cds-services/unknown-service", body: body).status == 404)
    }

    @Test("order-select suggests only undrafted tests and explains a drafted order the advice does not support")
    func orderSelect() async throws {
        let harness = try await ServiceHarness.shared()
        let body = ServiceHarness.request(
            mrn: "P003", hook: "order-select",
            drafts: [
                ("sr-1", "urn:test:orders", "emg"), ("sr-2", "urn:test:orders", "mri-brain"),
            ], selections: ["ServiceRequest/sr-1", "ServiceRequest/sr-2"])
        let answer = try await harness.call("/cds-services/twitch-triage-orders", body: body)
        #expect(answer.status == 200)
        let cards = try ServiceHarness.cards(answer.body)
        for card in cards { #expect(schema.validate(card) == []) }
        let labels: [String] = cards.flatMap { card -> [String] in
            guard case .array(let suggestions)? = card["suggestions"] else { return [] }
            return suggestions.compactMap { $0["label"]?.string }
        }
        #expect(!labels.contains("Order EMG"))
        let info = cards.filter { $0["summary"]?.string?.hasPrefix("MRI brain is not part") == true }
        #expect(info.count == 1)
        #expect(info.first?["indicator"] == .string("info"))
    }

    @Test("feedback is stored once, unknown uuids are counted, and the summary says per rule")
    func feedback() async throws {
        let harness = try await ServiceHarness.shared()
        let cards = try await cards(harness, mrn: "P002")
        let card = try #require(cards.first?["uuid"]?.string)
        guard case .array(let suggestions)? = cards.first?["suggestions"] else {
            Issue.record("no suggestions")
            return
        }
        let suggestion = try #require(suggestions.first?["uuid"]?.string)
        let body = Array(
            """
            {"feedback":[{"card":"\(card)","outcome":"accepted","acceptedSuggestions":[{"id":"\(suggestion)"}],"outcomeTimestamp":"2026-11-21T10:00:00Z"},
            {"card":"\(card)","outcome":"overridden","overrideReason":{"reason":{"system":"\(CardBuilder.overrideSystem)","code":"already-arranged","display":"Already arranged"},"userComment":"seen in clinic"},"outcomeTimestamp":"2026-11-21T10:01:00Z"},
            {"card":"00000000-0000-5000-8000-000000000000","outcome":"overridden","outcomeTimestamp":"2026-11-21T10:02:00Z"}]}
            """.utf8)
        let path = "/cds-services/twitch-triage/feedback"
        let first = try await harness.call(path, body: body)
        #expect(first.status == 200)
        #expect(first.body.isEmpty)
        #expect(try await harness.call(path, body: body).status == 200)
        let summary = try Ledger(output: harness.reports).feedbackSummary()
        #expect(summary.feedbackItems == 3)
        #expect(summary.unknownCards == 1)
        let cardRow = try #require(summary.rows.first { $0.test == nil && $0.overridden > 0 })
        #expect(cardRow.reasons == ["Already arranged": 1])
        #expect(summary.rows.contains { $0.test != nil && $0.accepted == 1 })
        #expect(try await harness.call(path, body: Array("{}".utf8)).status == 400)
    }

    @Test("CORS: allow-listed origins only, with Vary, on errors too")
    func cors() async throws {
        let harness = try await ServiceHarness.shared()
        let path = "/cds-services/twitch-triage"
        let preflight = try await harness.call(
            path, method: "OPTIONS", token: nil,
            headers: [
                ("Origin", ServiceHarness.origin), ("Access-Control-Request-Method", "POST"),
            ])
        #expect(preflight.status == 204)
        #expect(preflight.headers.contains { $0.0.lowercased() == "access-control-allow-origin" && $0.1 == ServiceHarness.origin })
        #expect(preflight.headers.contains { $0.0.lowercased() == "vary" && $0.1 == "Origin" })
        let other = try await harness.call(path, method: "OPTIONS", token: nil, headers: [("Origin", "https://evil.test")])
        #expect(other.status == 403)
        #expect(!other.headers.contains { $0.0.lowercased().hasPrefix("access-control") })
        let refused = try await harness.call(path, body: [], token: nil, headers: [("Origin", ServiceHarness.origin)])
        #expect(refused.status == 401)
        #expect(refused.headers.contains { $0.0.lowercased() == "access-control-allow-origin" && $0.1 == ServiceHarness.origin })
    }

    @Test("healthz and metrics answer without a token")
    func operations() async throws {
        let harness = try await ServiceHarness.shared()
        let health = try await harness.call("/healthz", method: "GET", token: nil)
        #expect(health.status == 200)
        #expect(String(decoding: health.body, as: UTF8.self).hasPrefix("ok; batch run "))
        _ = try await cards(harness, mrn: "P002")
        let metrics = String(decoding: try await harness.call("/metrics", method: "GET", token: nil).body, as: UTF8.self)
        #expect(metrics.contains("cds_requests_total"))
        #expect(metrics.contains("cds_request_duration_seconds_bucket"))
        #expect(metrics.contains(#"cds_cards_total{indicator="critical"}"#))
        // The sizes of the bounded sets: the call above left its jti in the replay set.
        let gauge = { (name: String) in
            metrics.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
        }
        #expect((gauge("cds_replay_jtis") ?? 0) >= 1)
        #expect(gauge("cds_reevaluation_memo_entries") != nil)
        #expect(gauge("cds_issued_remembered") != nil)
    }
}
