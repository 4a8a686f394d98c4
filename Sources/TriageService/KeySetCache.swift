import AsyncHTTPClient
import Foundation
import NIOCore

/// JWK Sets fetched from the `jku` URLs on the clients' allow-lists (SPEC §7.2): fetched with a
/// timeout, cached, and fetched again on an unknown `kid` at most once a minute per URL. A URL
/// that is on no allow-list is never fetched (``TokenVerifier`` checks before asking).
public actor KeySetCache {
    private struct Entry {
        var keys: [String: VerificationKey]
        var fetched: ContinuousClock.Instant
    }

    private var entries: [String: Entry] = [:]
    private var attempts: [String: ContinuousClock.Instant] = [:]
    private let client: HTTPClient
    private let timeout: TimeAmount
    private let minimumInterval: Duration

    /// Creates a cache fetching with `client`.
    public init(client: HTTPClient, timeout: TimeAmount = .seconds(2), minimumInterval: Duration = .seconds(60)) {
        self.client = client
        self.timeout = timeout
        self.minimumInterval = minimumInterval
    }

    /// Whether a `jku` may be used at all: https, or http on the loopback interface (tests and
    /// local demos).
    public static func isAllowedURL(_ url: String) -> Bool {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), let host = parsed.host?.lowercased() else { return false }
        if scheme == "https" { return true }
        return scheme == "http" && (host == "127.0.0.1" || host == "localhost" || host == "::1" || host == "[::1]")
    }

    /// The key `kid` of the set at `url`: from the cache, or fetched when the set was never
    /// fetched or lacks the key and was last tried more than a minute ago.
    public func key(_ kid: String, at url: String) async -> VerificationKey? {
        if let key = entries[url]?.keys[kid] { return key }
        let now = ContinuousClock.now
        if let last = attempts[url], now - last < minimumInterval { return nil }
        attempts[url] = now
        guard let keys = await fetch(url) else { return entries[url]?.keys[kid] }
        entries[url] = Entry(keys: keys, fetched: now)
        return keys[kid]
    }

    private func fetch(_ url: String) async -> [String: VerificationKey]? {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        do {
            let response = try await client.execute(request, timeout: timeout)
            guard response.status == .ok else { return nil }
            let body = try await response.body.collect(upTo: 1 << 20)
            let set = try JSONDecoder().decode(JSONWebKeySet.self, from: Data(buffer: body))
            var keys: [String: VerificationKey] = [:]
            for jwk in set.keys {
                guard let kid = jwk.kid, jwk.use == nil || jwk.use == "sig", let key = try? jwk.verificationKey() else { continue }
                if let alg = jwk.alg, alg != key.algorithm { continue }
                keys[kid] = key
            }
            return keys
        } catch {
            return nil
        }
    }
}
