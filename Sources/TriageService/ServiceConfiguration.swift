import MemberwiseInit

/// How `twitch-triage serve` runs (SPEC §7.2): where the night's reports and inputs are, who may
/// call, and where to listen.
@PackageMemberwiseInit
package struct ServiceConfiguration: Sendable {
    /// The batch's output folder (its ledger and patient reports).
    package var reports: String
    /// The night's input drop, read once at start and again when a new batch completes; nil:
    /// the night's referrals are used as they are and live labs cannot be merged.
    package var inputs: String?
    /// The EHRs allowed to call; empty only with ``insecureNoAuth``.
    package var clients: [ClientConfiguration]
    /// The address to listen on.
    package var host: String
    /// The port (0: any free port).
    package var port: Int
    /// The base URL the EHR calls, as configured (`--public-url`); nil: `http://host:port`.
    package var publicURL: String?
    /// The largest request body accepted (larger: 413).
    package var maxBody: Int
    /// No authentication at all: a local demo only, said in every log line and on `/healthz`.
    package var insecureNoAuth: Bool
    /// How long a call may wait for the EHR's FHIR server, in milliseconds (the specification's
    /// 500 ms answer leaves this much for reading).
    package var fhirBudgetMilliseconds: Int64 = 300
    /// How often the ledger is checked for a newly completed batch, in seconds.
    package var batchPollSeconds: Int = 5

    /// The base URL tokens' `aud` is checked against (plus the path): ``publicURL``, or
    /// `http://host:port` without one, with no trailing slash.
    package var audienceBase: String {
        var url = publicURL ?? "http://\(host):\(port)"
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// The default body limit: 10 MiB.
    package static let defaultMaxBody = 10 << 20
}
