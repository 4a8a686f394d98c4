import Foundation
import TriageModel

/// One EHR allowed to call the service: an entry of the `--clients` file (SPEC §7.2).
package struct ClientConfiguration: Sendable, Decodable, Hashable {
    /// A code of a code system (FHIR's Coding, as CDS Hooks trims it): the one the cards use.
    package typealias Coding = CDSCoding

    /// The token issuer (`iss`).
    package var iss: String
    /// Inline public keys.
    package var jwks: JSONWebKeySet?
    /// The JWK Set URLs a token may name (`jku`), exactly.
    package var jku: [String]?
    /// The signing algorithms accepted; ES384 and RS384 by default, nothing else ever.
    package var algs: [String]?
    /// When set, the token's `tenant` must be one of these.
    package var tenants: [String]?
    /// The `Patient.identifier` system that holds the MRN the journals use.
    package var mrnSystem: String
    /// The only FHIR server the service may read from, for this client.
    package var fhirServer: String?
    /// Browser origins allowed by CORS.
    package var origins: [String]?
    /// Order codes by recommended order (`EMG`, `MRI:cervical spine`, `potassium`).
    package var orderables: [String: Coding]?

    /// The algorithms in force.
    package var allowedAlgorithms: [String] { algs ?? Self.supportedAlgorithms }

    /// The only algorithms the service verifies (the CDS Hooks specification's recommended
    /// two; `none` and HMAC are never accepted).
    package static let supportedAlgorithms = ["ES384", "RS384"]

    /// Reads and checks a `--clients` file.
    ///
    /// - Throws: ``TriageError`` (configuration) naming the file and the entry when it cannot be
    ///   read or an entry is unusable (no keys, an algorithm other than ES384 or RS384, a
    ///   duplicate `iss`, a `jku` or `fhirServer` that is not https).
    package static func load(path: String) throws(TriageError) -> [ClientConfiguration] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw configurationError("\(path): cannot read the clients file (\(error.localizedDescription)); service not started")
        }
        return try parse(data, file: path)
    }

    /// Parses and checks the clients JSON (see ``load(path:)``).
    ///
    /// - Throws: ``TriageError`` (configuration), `file: entry: what; service not started`.
    package static func parse(_ data: Data, file: String) throws(TriageError) -> [ClientConfiguration] {
        struct File: Decodable { var clients: [ClientConfiguration] }
        let clients: [ClientConfiguration]
        do {
            clients = try JSONDecoder().decode(File.self, from: data).clients
        } catch {
            throw configurationError(
                "\(file): the clients file is not the JSON §7.2 describes (\(Self.describe(error))); service not started")
        }
        var seen: Set<String> = []
        for (index, client) in clients.enumerated() {
            let entry = "\(file): clients[\(index)]"
            guard seen.insert(client.iss).inserted else { throw configurationError("\(entry): iss is listed twice; service not started") }
            if client.jwks?.keys.isEmpty ?? true, client.jku?.isEmpty ?? true {
                throw configurationError("\(entry): no jwks and no jku, so no token can be checked; service not started")
            }
            for alg in client.allowedAlgorithms where !supportedAlgorithms.contains(alg) {
                throw configurationError("\(entry): algorithm \(alg) is not accepted (only ES384 and RS384); service not started")
            }
            for url in client.jku ?? [] where !KeySetCache.isAllowedURL(url) {
                throw configurationError("\(entry): jku \(url) is not an https URL; service not started")
            }
            if let server = client.fhirServer, !server.hasPrefix("https://") {
                throw configurationError("\(entry): fhirServer must be an https URL; service not started")
            }
            for key in client.jwks?.keys ?? [] {
                do {
                    _ = try key.verificationKey()
                } catch {
                    throw configurationError("\(entry): key \(key.kid ?? "without kid") is unusable (\(error)); service not started")
                }
            }
        }
        return clients
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(path(context.codingPath))"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "malformed JSON" : "bad value at \(path(context.codingPath))"
        default:
            return "unreadable"
        }
    }

    /// `clients[0].mrnSystem`.
    private static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let index = key.intValue { out += "[\(index)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        }
        return out
    }
}

/// A configuration that stops the service from starting (`EX_CONFIG`, 78), its message
/// `file: what, and what was done`.
func configurationError(_ message: String) -> TriageError {
    TriageError(.configuration(message))
}
