import Foundation

/// JWK Sets fetched from the `jku` URLs on the clients' allow-lists (SPEC §7.2): fetched with a
/// timeout, cached, and fetched again on an unknown `kid` at most once a minute per URL. A URL
/// that is on no allow-list is never fetched (``TokenVerifier`` checks before asking).
package actor KeySetCache {
    private struct Entry {
        var keys: [String: VerificationKey]
        var fetched: ContinuousClock.Instant
    }

    private var entries: [String: Entry] = [:]
    private var attempts: [String: ContinuousClock.Instant] = [:]
    private let client: HTTPFetcher
    private let timeout: Double
    private let minimumInterval: Duration

    /// Creates a cache fetching with `client`, `timeout` seconds a fetch.
    package init(client: HTTPFetcher, timeout: Double = 2, minimumInterval: Duration = .seconds(60)) {
        self.client = client
        self.timeout = timeout
        self.minimumInterval = minimumInterval
    }

    /// Whether a `jku` may be used at all: https, or http on the loopback interface (tests and
    /// local demos).
    package static func isAllowedURL(_ url: String) -> Bool {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), let host = parsed.host?.lowercased() else {
            return false
        }
        if scheme == "https" { return true }
        return scheme == "http" && (host == "127.0.0.1" || host == "localhost" || host == "::1" || host == "[::1]")
    }

    /// The key `kid` of the set at `url`: from the cache, or fetched when the set was never
    /// fetched or lacks the key and was last tried more than a minute ago.
    package func key(_ kid: String, at url: String) async -> VerificationKey? {
        if let key = entries[url]?.keys[kid] { return key }
        let now = ContinuousClock.now
        if let last = attempts[url], now - last < minimumInterval { return nil }
        attempts[url] = now
        guard let keys = await fetch(url) else { return entries[url]?.keys[kid] }
        entries[url] = Entry(keys: keys, fetched: now)
        return keys[kid]
    }

    private func fetch(_ url: String) async -> [String: VerificationKey]? {
        guard let body = await client.get(url, headers: ["Accept": "application/json"], timeout: timeout, maxBytes: 1 << 20) else {
            return nil
        }
        do {
            let set = try JSONDecoder().decode(JSONWebKeySet.self, from: Data(body))
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
