import Foundation

/// Reads from the EHR's FHIR server when a prefetch is missing (SPEC §7.2): only when the call
/// gives both `fhirServer` and `fhirAuthorization`, over https, only the client's configured
/// server, and within the call's budget. The token is sent, never logged.
///
/// As for a `jku` (``KeySetCache/isAllowedURL(_:)``), plain http is accepted on the loopback
/// interface only (127.0.0.1, ::1, localhost): the token then never leaves the machine. That is
/// what lets the tests run a FHIR server of their own (URLSession on Linux cannot be told to
/// trust a test certificate, and a TLS server would need swift-nio-ssl); a deployment whose
/// FHIR server is elsewhere must configure, and be called with, an https URL.
package struct FHIRServerReader: Sendable {
    private let client: HTTPFetcher

    /// Creates a reader.
    package init(client: HTTPFetcher) {
        self.client = client
    }

    /// Whether a call may read from `server` for `client`.
    package static func mayRead(server: String?, token: String?, client: ClientConfiguration) -> Bool {
        guard let server, let token, !token.isEmpty, let configured = client.fhirServer, KeySetCache.isAllowedURL(server) else {
            return false
        }
        return trimmed(server) == trimmed(configured)
    }

    static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// `GET url` (which must be under `server`) with the bearer token, before `deadline`; the
    /// body, or nil on any failure.
    package func read(_ url: String, server: String, token: String, deadline: ContinuousClock.Instant, maxBytes: Int) async -> [UInt8]? {
        guard url.hasPrefix(Self.trimmed(server) + "/") else { return nil }
        let left = ContinuousClock.now.duration(to: deadline)
        let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
        guard seconds > 0 else { return nil }
        return await client.get(
            url, headers: ["Accept": "application/fhir+json", "Authorization": "Bearer " + token], timeout: seconds,
            maxBytes: maxBytes)
    }
}
