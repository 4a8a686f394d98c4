@preconcurrency import Crypto
@preconcurrency import _CryptoExtras

/// A public key as a JWK (RFC 7517), the two kinds CDS Hooks recommends: EC P-384 and RSA.
package struct JSONWebKey: Sendable, Codable, Hashable {
    /// `EC` or `RSA`.
    package var kty: String
    /// The key id tokens name.
    package var kid: String?
    /// The curve of an EC key (`P-384`).
    package var crv: String?
    /// An EC key's x coordinate, base64url.
    package var x: String?
    /// An EC key's y coordinate, base64url.
    package var y: String?
    /// An RSA key's modulus, base64url.
    package var n: String?
    /// An RSA key's exponent, base64url.
    package var e: String?
    /// The algorithm the key is for, if the set says.
    package var alg: String?
    /// `sig` for a signing key, if the set says.
    package var use: String?

    /// Why a JWK cannot be used.
    package enum Problem: Error, Sendable, CustomStringConvertible {
        /// A key type or curve other than EC P-384 and RSA.
        case unsupported(String)
        /// A member missing or not base64url.
        case malformed(String)

        /// The problem in words.
        package var description: String {
            switch self {
            case .unsupported(let what): "unsupported \(what)"
            case .malformed(let what): "malformed \(what)"
            }
        }
    }

    /// The key, ready to verify.
    package func verificationKey() throws(Problem) -> VerificationKey {
        switch kty {
        case "EC":
            guard crv == "P-384" else { throw .unsupported("curve \(crv ?? "none")") }
            guard let x = x.flatMap(Base64URL.decode), let y = y.flatMap(Base64URL.decode), x.count == 48, y.count == 48 else {
                throw .malformed("x or y")
            }
            do {
                return .ecP384(try P384.Signing.PublicKey(rawRepresentation: x + y))
            } catch {
                throw .malformed("point")
            }
        case "RSA":
            guard let n = n.flatMap(Base64URL.decode), let e = e.flatMap(Base64URL.decode), !n.isEmpty, !e.isEmpty else {
                throw .malformed("n or e")
            }
            do {
                return .rsa(try _RSA.Signing.PublicKey(n: n, e: e))
            } catch {
                throw .unsupported("RSA key (at least 2048 bits)")
            }
        default:
            throw .unsupported("key type \(kty)")
        }
    }
}

/// A JWK Set (`{"keys": [...]}`).
package struct JSONWebKeySet: Sendable, Codable, Hashable {
    /// The keys.
    package var keys: [JSONWebKey]
}

/// A key that verifies a token's signature.
package enum VerificationKey: Sendable {
    /// ES384.
    case ecP384(P384.Signing.PublicKey)
    /// RS384.
    case rsa(_RSA.Signing.PublicKey)

    /// The JWS algorithm this key verifies.
    package var algorithm: String {
        switch self {
        case .ecP384: "ES384"
        case .rsa: "RS384"
        }
    }

    /// Whether `signature` signs `input` (ES384: the 96-byte r‖s of RFC 7518; RS384:
    /// RSASSA-PKCS1-v1_5 with SHA-384).
    package func verifies(_ signature: [UInt8], over input: [UInt8]) -> Bool {
        switch self {
        case .ecP384(let key):
            guard signature.count == 96, let parsed = try? P384.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: SHA384.hash(data: input))
        case .rsa(let key):
            let parsed = _RSA.Signing.RSASignature(rawRepresentation: signature)
            return key.isValidSignature(parsed, for: SHA384.hash(data: input), padding: .insecurePKCS1v1_5)
        }
    }
}

/// base64url without padding (RFC 7515 §2).
package enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// The bytes of `text`, or nil when it is not unpadded base64url.
    package static func decode<S: StringProtocol>(_ text: S) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in text.utf8 {
            let value = values[Int(byte)]
            guard value != 0xFF else { return nil }
            buffer = (buffer << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        // A lone 6-bit tail cannot encode a byte; leftover bits must be zero (canonical form).
        guard bits < 6, buffer & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        return out
    }

    /// `bytes` as unpadded base64url.
    package static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 6 {
                bits -= 6
                out.append(alphabet[Int((buffer >> UInt32(bits)) & 0x3F)])
            }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(6 - bits)) & 0x3F)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
