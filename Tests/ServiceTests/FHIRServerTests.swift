import Foundation
import Testing
import TriageModel

@testable import TriageService

/// The `fhirServer` reads (SPEC §7.2) end to end over loopback, against the harness's
/// ``TestFHIRServer``: the Patient when its prefetch is absent, a searchset's `next` page, the
/// budget (300 ms in service, 3 s in the harness so that a loaded machine passes), and only the
/// client's configured server. The server is plain http on
/// 127.0.0.1, which the service accepts on loopback only (``FHIRServerReader``).
@Suite("CDS Hooks service: FHIR server reads", .serialized)
struct FHIRServerTests {
    let path = "/cds-services/twitch-triage"

    /// A patient-view call for `patientID` with no Patient prefetch, naming `server` with the
    /// test server's token (unless `token` is nil); its observations prefetch is an empty
    /// searchset whose `next` page is `next`, when given.
    static func body(patientID: String, server: String, token: String? = TestFHIRServer.token, next: String? = nil) -> [UInt8] {
        let link = next.map { #","link":[{"relation":"next","url":"\#($0)"}]"# } ?? ""
        let authorization =
            token.map {
                #","fhirAuthorization":{"access_token":"\#($0)","token_type":"Bearer","expires_in":300,"scope":"patient/Patient.read patient/Observation.read","subject":"cds"}"#
            } ?? ""
        return Array(
            #"{"hook":"patient-view","hookInstance":"\#(UUID().uuidString)","fhirServer":"\#(server)"\#(authorization),"context":{"userId":"Practitioner/1","patientId":"\#(patientID)"},"prefetch":{"observations":{"resourceType":"Bundle","type":"searchset","entry":[]\#(link)}}}"#
                .utf8)
    }

    func token(_ harness: ServiceHarness) throws -> String {
        try harness.signer.token(audience: ServiceHarness.publicURL + path, claims: ["iss": ServiceHarness.fhirIssuer, "tenant": nil])
    }

    @Test("an absent Patient prefetch is read from the client's FHIR server, and a next page of labs too")
    func readsPatientAndNextPage() async throws {
        let harness = try await ServiceHarness.shared()
        let fhir = harness.fhir
        let answer = try await harness.call(
            path,
            body: Self.body(
                patientID: "fhir-P003", server: fhir.base,
                next: fhir.base + "/Observation-page/fhir-P003"), token: try token(harness))
        #expect(answer.status == 200)
        let card = try #require(try ServiceHarness.cards(answer.body).first)
        // P003 is routine in the batch; the server's page holds a potassium of 2.3 mmol/L after it.
        #expect(card["indicator"] == .string("critical"))
        let detail = try #require(card["detail"]?.string)
        #expect(detail.contains("Re\\-evaluated with 1 lab result from the EHR"))
        #expect(detail.contains("2\\.3"))
        #expect(fhir.paths.contains("/fhir/Patient/fhir-P003"))
        #expect(fhir.paths.contains("/fhir/Observation-page/fhir-P003"))
        // Without the next page: the Patient from the server, the night's routine advice.
        let plain = try await harness.call(path, body: Self.body(patientID: "fhir-P003", server: fhir.base), token: try token(harness))
        #expect(plain.status == 200)
        #expect(try ServiceHarness.cards(plain.body).first?["indicator"] == .string("info"))
    }

    @Test("a FHIR server slower than the budget gives 412 (the harness's budget is 3 s, the server's answer takes 10 s)")
    func slowServer() async throws {
        let harness = try await ServiceHarness.shared()
        let answer = try await harness.call(
            path, body: Self.body(patientID: "slow-P003", server: harness.fhir.base), token: try token(harness))
        #expect(answer.status == 412)
        #expect(answer.body.isEmpty)
    }

    @Test("a server other than the client's configured one, or no fhirAuthorization, is never read: 412")
    func refusedServers() async throws {
        let harness = try await ServiceHarness.shared()
        let fhir = harness.fhir
        let calls: [(String, [UInt8], String)] = [
            ("another server on the same host", Self.body(patientID: "fhir-P003", server: fhir.elsewhere), try token(harness)),
            (
                "a next page on another server",
                Self.body(patientID: "fhir-P003", server: fhir.base, next: fhir.elsewhere + "/Observation-page/fhir-P003"),
                try token(harness)
            ),
            ("no fhirAuthorization", Self.body(patientID: "fhir-P005", server: fhir.base, token: nil), try token(harness)),
            (
                "a client without a fhirServer", Self.body(patientID: "fhir-P005", server: fhir.base),
                try harness.signer.token(audience: ServiceHarness.publicURL + path)
            ),
            ("http off loopback", Self.body(patientID: "fhir-P005", server: "http://ehr.test/fhir"), try token(harness)),
        ]
        for (name, body, token) in calls {
            let answer = try await harness.call(path, body: body, token: token)
            if name == "a next page on another server" {
                // The Patient comes from the configured server; the page elsewhere is not read,
                // so the live labs were not checked.
                #expect(answer.status == 200, "\(name)")
                #expect(
                    try ServiceHarness.cards(answer.body).first?["detail"]?.string?.contains("live labs not checked") == true, "\(name)")
            } else {
                #expect(answer.status == 412, "\(name)")
            }
        }
        #expect(!fhir.paths.contains { $0.hasPrefix("/elsewhere/") })
        #expect(!fhir.paths.contains("/fhir/Patient/fhir-P005"))
        #expect(FHIRServerReader.mayRead(server: "http://ehr.test/fhir", token: "t", client: clientWith("http://ehr.test/fhir")) == false)
        #expect(FHIRServerReader.mayRead(server: "https://ehr.test/fhir/", token: "t", client: clientWith("https://ehr.test/fhir")))
        #expect(FHIRServerReader.mayRead(server: "http://[::1]:8080/fhir", token: "t", client: clientWith("http://[::1]:8080/fhir")))
        #expect(FHIRServerReader.mayRead(server: "https://ehr.test/fhir", token: "", client: clientWith("https://ehr.test/fhir")) == false)
    }

    func clientWith(_ server: String) -> ClientConfiguration {
        ClientConfiguration(
            iss: "i", jwks: nil, jku: nil, algs: nil, tenants: nil, mrnSystem: "m", fhirServer: server, origins: nil, orderables: nil)
    }
}
