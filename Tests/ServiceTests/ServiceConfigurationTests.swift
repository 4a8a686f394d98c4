import Testing
import TriageService

/// The base URL tokens' audience is checked against (SPEC §7.2).
@Suite struct ServiceConfigurationTests {
    func configuration(publicURL: String?) -> ServiceConfiguration {
        ServiceConfiguration(
            reports: "Reports", clients: [], host: "127.0.0.1", port: 8443, publicURL: publicURL, maxBody: 1 << 20,
            insecureNoAuth: false)
    }

    @Test func withoutAPublicURLTheAudienceIsTheListeningAddress() {
        #expect(configuration(publicURL: nil).audienceBase == "http://127.0.0.1:8443")
    }

    @Test func aPublicURLIsTheAudienceWithoutItsTrailingSlashes() {
        #expect(configuration(publicURL: "https://triage.example.org/cds//").audienceBase == "https://triage.example.org/cds")
        #expect(configuration(publicURL: "https://triage.example.org").audienceBase == "https://triage.example.org")
    }
}
