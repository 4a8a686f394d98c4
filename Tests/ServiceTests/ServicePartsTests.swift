import Foundation
import Testing
import TriageBatch
import TriageKnowledge
import TriageModel
import TriageService

/// The service's parts on their own: the clients file's messages, the schema validator, the
/// Markdown escaping, base64url, and the ServiceRequest ids the cards look up.
@Suite("CDS Hooks service parts")
struct ServicePartsTests {
    @Test(
        "a clients file that cannot work stops the service with file, entry, what and what was done",
        arguments: [
            (
                #"{"clients":[{"iss":"a","mrnSystem":"m"}]}"#,
                "clients.json: clients[0]: no jwks and no jku, so no token can be checked; service not started"
            ),
            (
                #"{"clients":[{"iss":"a","mrnSystem":"m","jku":["https://a/j"],"algs":["HS256"]}]}"#,
                "clients.json: clients[0]: algorithm HS256 is not accepted (only ES384 and RS384); service not started"
            ),
            (
                #"{"clients":[{"iss":"a","mrnSystem":"m","jku":["http://ehr.example/jwks.json"]}]}"#,
                "clients.json: clients[0]: jku http://ehr.example/jwks.json is not an https URL; service not started"
            ),
            (
                #"{"clients":[{"iss":"a","mrnSystem":"m","jku":["https://a/j"]},{"iss":"a","mrnSystem":"m","jku":["https://a/j"]}]}"#,
                "clients.json: clients[1]: iss is listed twice; service not started"
            ),
            (
                #"{"clients":[{"iss":"a","mrnSystem":"m","jku":["https://a/j"],"fhirServer":"http://ehr/fhir"}]}"#,
                "clients.json: clients[0]: fhirServer must be an https URL; service not started"
            ),
            (
                #"{"clients":[{"iss":"a","jku":["https://a/j"]}]}"#,
                "clients.json: the clients file is not the JSON §7.2 describes (missing clients[0].mrnSystem); service not started"
            ),
            (
                #"{"clients":[{"iss":"a","mrnSystem":"m","jwks":{"keys":[{"kty":"EC","kid":"k","crv":"P-256","x":"AA","y":"AA"}]}}]}"#,
                "clients.json: clients[0]: key k is unusable (unsupported curve P-256); service not started"
            ),
            ("{\"clients\":", "clients.json: the clients file is not the JSON §7.2 describes (malformed JSON); service not started"),
        ])
    func clientsFileProblems(json: String, message: String) {
        #expect(throws: TriageError(.configuration(message))) { try ClientConfiguration.parse(Data(json.utf8), file: "clients.json") }
    }

    @Test("the schema validator refuses what CDS Hooks forbids")
    func schemaRefusals() throws {
        let schema = try JSONSchemaValidator.cardSchema()
        let source: JSONNode = .object(["label": .string("twitch-triage")])
        let good: [String: JSONNode] = ["summary": .string("Routine: EMG."), "indicator": .string("info"), "source": source]
        #expect(schema.validate(.object(good)) == [])
        var card = good
        card["detail"] = .null
        #expect(schema.validate(.object(card)) == ["$.detail: not string"])
        card = good
        card["suggestions"] = .array([])
        #expect(schema.validate(.object(card)).contains("$.suggestions: fewer than 1 items"))
        #expect(schema.validate(.object(card)).contains("$: selectionBehavior required with suggestions"))
        card = good
        card["summary"] = .string(String(repeating: "a", count: 140))
        #expect(schema.validate(.object(card)) == ["$.summary: 140 characters, more than 139"])
        card = good
        card["indicator"] = .string("hard-stop")
        #expect(schema.validate(.object(card)) == ["$.indicator: not one of the enum"])
        card = good
        card["selectionBehavior"] = .string("any")
        card["suggestions"] = .array([
            .object([
                "label": .string("Order EMG"),
                "actions": .array([
                    .object(["type": .string("create"), "description": .string("Create")])
                ]),
            ])
        ])
        #expect(schema.validate(.object(card)) == ["$.suggestions[0].actions[0]: resource missing"])
        card = good
        card["overrideReasons"] = .array([.object(["system": .string("s"), "code": .string("c")])])
        #expect(schema.validate(.object(card)) == ["$.overrideReasons[0]: display missing"])
        card = good
        card["systemActions"] = .array([])
        #expect(schema.validate(.object(card)) == ["$: systemActions not allowed"])
    }

    @Test("Markdown escaping leaves no HTML, no link and no line break")
    func markdown() {
        #expect(Markdown.escaped("<script>alert(1)</script>") == #"\<script\>alert\(1\)\<\/script\>"#)
        #expect(
            Markdown.escaped("[x](http://evil.example) www.evil.example a@b.example")
                == #"\[x\]\(http\:\/\/evil\.example\) www\.evil\.example a\@b\.example"#)
        #expect(Markdown.escaped("*bold* _em_ `code` # head\nnext") == ##"\*bold\* \_em\_ \`code\` \# head next"##)
        #expect(Markdown.escaped("I can't swallow, 3 times; really?") == "I can't swallow, 3 times; really?")
    }

    @Test("base64url decodes what it encodes and refuses padding and other alphabets")
    func base64url() {
        for count in 0..<40 {
            let bytes = (0..<count).map { UInt8(($0 * 37 + 11) & 0xFF) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
        #expect(Base64URL.decode("eyJ0eXAiOiJKV1QifQ") == Array(#"{"typ":"JWT"}"#.utf8))
        #expect(Base64URL.decode("eyJ0eXAiOiJKV1QifQ==") == nil)
        #expect(Base64URL.decode("a+b/") == nil)
        #expect(Base64URL.decode("A") == nil)
    }

    @Test("a referral's ids read as their kinds, and a value this version does not know stays readable as written")
    func referralValues() throws {
        let json = #"""
            {"knowledgeVersion": "2026.12.5", "asOf": "2026-11-20", "patient": {"id": "P900"}, "urgency": "urgent",
             "headline": "Urgent", "recommendations": [
               {"test": "MRI", "detail": "d", "urgency": "urgent", "rule": "r", "reasons": ["f"], "region": "cervical spine"},
               {"test": "futureScan", "detail": "d", "urgency": "sooner", "rule": "r", "reasons": []}],
             "findings": [{"id": "f", "present": true, "summary": "s", "evidence": [], "certainty": "probable"}]}
            """#
        let referral = try JSONDecoder().decode(ReferralDocument.self, from: Data(json.utf8))
        let known = try #require(referral.recommendations.first)
        #expect(known.test == .known(.mri) && known.urgency.known == .urgent && referral.urgency.known == .urgent)
        #expect(known.rule.rawValue == "r" && known.reasons.map(\.rawValue) == ["f"] && known.region?.rawValue == "cervical spine")
        let unknown = try #require(referral.recommendations.last)
        #expect(unknown.test == .unknown("futureScan") && unknown.test.known == nil && unknown.test.id.rawValue == "futureScan")
        #expect(unknown.test.words { _ in "known" } == "futureScan" && known.test.words { _ in "known" } == "known")
        #expect(unknown.urgency == .unknown("sooner"))
        #expect(referral.findings.first?.certainty == .unknown("probable"))
        #expect(known.test.id == Recommendation.Test.mri.id)
    }

    @Test("every orderable recommendation of every sample has its ServiceRequest in referral.fhir.json")
    func serviceRequestIDs() async throws {
        let harness = try await ServiceHarness.shared()
        var checked = 0
        for folder in try FileManager.default.contentsOfDirectory(atPath: harness.reports) where !folder.hasPrefix(".") {
            let base = URL(fileURLWithPath: harness.reports).appendingPathComponent(folder)
            guard let json = try? Data(contentsOf: base.appendingPathComponent("referral.json")) else { continue }
            let documents = try ReferralDocuments(
                referralJSON: json, fhirJSON: Data(contentsOf: base.appendingPathComponent("referral.fhir.json")))
            for recommendation in documents.referral.recommendations {
                let orderable = [
                    "EMG", "NCS", "MRI", "bloodWork", "neurologyExam", "sameDayAssessment", "swallowAssessment",
                    "eyeExamination", "breathingTests",
                ].contains(recommendation.test.rawValue)
                guard orderable else { continue }
                for analyte in recommendation.test.known == .bloodWork ? (recommendation.analytes ?? []).map(Optional.some) : [nil] {
                    let id = LiveEvaluation.serviceRequestID(
                        patientID: documents.referral.patient.id, test: recommendation.test.id,
                        region: recommendation.region, analyte: analyte)
                    #expect(documents.serviceRequests[id] != nil, "\(folder) \(recommendation.test.rawValue) \(analyte?.rawValue ?? "")")
                    checked += 1
                }
            }
            #expect(documents.referral.urgency.known != nil)
        }
        #expect(checked > 50)
    }
}
