import Foundation

/// Checks the EHR's JWT on every call (SPEC §7.2, after the CDS Hooks specification's
/// "Trusting CDS Clients"): `alg` one of the client's (ES384 or RS384; never `none` nor HMAC)
/// and matching the key's type; `kid` naming a key of the client's inline set or of a `jku` that
/// is exactly on its allow-list; `iss` allow-listed; `tenant` one of the client's when set;
/// `aud` (a string or an array) containing the URL called; `exp` in the future and at most an
/// hour ahead; `nbf` passed; `iat` at most 60 s ahead; `jti` not seen before for that `iss`.
/// Any failure is the same nil: the caller answers 401 with no detail.
package struct TokenVerifier: Sendable {
    /// Who called, once the token is verified.
    package struct Caller: Sendable, Hashable {
        /// The client's index in the configuration.
        package var client: Int
        /// The issuer.
        package var iss: String
        /// The tenant, if the token named one.
        package var tenant: String?
        /// The token's id.
        package var jti: String
    }

    private struct Header: Decodable {
        var alg: String
        var kid: String?
        var jku: String?
        var typ: String?
    }

    private struct Claims: Decodable {
        var iss: String
        var aud: Audience
        var exp: Double
        var iat: Double
        var nbf: Double?
        var jti: String
        var tenant: String?
    }

    private enum Audience: Decodable {
        case one(String)
        case many([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) {
                self = .one(one)
            } else {
                self = .many(try container.decode([String].self))
            }
        }

        func contains(_ url: String) -> Bool {
            switch self {
            case .one(let value): value == url
            case .many(let values): values.contains(url)
            }
        }
    }

    private let clients: [ClientConfiguration]
    private let inlineKeys: [[String: (key: VerificationKey, alg: String?)]]
    private let clientByIssuer: [String: Int]
    private let keySets: KeySetCache?
    private let replay: ReplayGuard

    /// Creates a verifier for `clients`.
    ///
    /// - Parameters:
    ///   - keySets: where `jku` sets are fetched; nil: tokens naming a `jku` fail.
    ///   - replay: the `jti`s seen.
    package init(clients: [ClientConfiguration], keySets: KeySetCache?, replay: ReplayGuard) {
        self.clients = clients
        self.keySets = keySets
        self.replay = replay
        var byIssuer: [String: Int] = [:]
        for (index, client) in clients.enumerated() { byIssuer[client.iss] = index }
        clientByIssuer = byIssuer
        inlineKeys = clients.map { client in
            var keys: [String: (key: VerificationKey, alg: String?)] = [:]
            for jwk in client.jwks?.keys ?? [] {
                guard let kid = jwk.kid, jwk.use == nil || jwk.use == "sig", let key = try? jwk.verificationKey() else { continue }
                keys[kid] = (key, jwk.alg)
            }
            return keys
        }
    }

    /// The caller of a token presented for `audience` (the URL called), or nil.
    ///
    /// - Parameter now: seconds since the epoch.
    package func verify(_ token: Substring, audience: String, now: Int64) async -> Caller? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Base64URL.decode(parts[0]), let claimBytes = Base64URL.decode(parts[1]),
            let signature = Base64URL.decode(parts[2])
        else { return nil }
        let decoder = JSONDecoder()
        guard let header = try? decoder.decode(Header.self, from: Data(headerBytes)),
            let claims = try? decoder.decode(Claims.self, from: Data(claimBytes)),
            let index = clientByIssuer[claims.iss]
        else { return nil }
        let client = clients[index]
        // The algorithm: the client's, and only ES384 or RS384 (never none, never HMAC).
        guard ClientConfiguration.supportedAlgorithms.contains(header.alg), client.allowedAlgorithms.contains(header.alg),
            header.typ == nil || header.typ == "JWT", let kid = header.kid
        else { return nil }
        // Claims before the signature: cheap refusals first (the jti is recorded only after).
        let slack: Double = 60
        let clock = Double(now)
        guard claims.exp > clock, claims.exp <= clock + 3600, claims.iat <= clock + slack,
            claims.nbf.map({ $0 <= clock }) ?? true, claims.aud.contains(audience), !claims.jti.isEmpty
        else { return nil }
        if let tenants = client.tenants {
            guard let tenant = claims.tenant, tenants.contains(tenant) else { return nil }
        }
        // The key: from the inline set, or from a jku exactly on the allow-list.
        var key: VerificationKey?
        if let jku = header.jku {
            guard client.jku?.contains(jku) == true, let keySets else { return nil }
            key = await keySets.key(kid, at: jku)
        } else if let inline = inlineKeys[index][kid] {
            guard inline.alg == nil || inline.alg == header.alg else { return nil }
            key = inline.key
        } else if let keySets {
            for url in client.jku ?? [] {
                if let found = await keySets.key(kid, at: url) {
                    key = found
                    break
                }
            }
        }
        guard let key, key.algorithm == header.alg else { return nil }
        let signingInput = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        guard key.verifies(signature, over: signingInput) else { return nil }
        guard replay.firstUse(iss: claims.iss, jti: claims.jti, expiry: Int64(claims.exp.rounded(.up)), now: now) else { return nil }
        return Caller(client: index, iss: claims.iss, tenant: claims.tenant, jti: claims.jti)
    }
}
