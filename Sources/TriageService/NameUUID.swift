import Crypto

/// RFC 9562 name-based UUIDs, version 5 (SHA-1), in the service's own namespace: the same
/// name always gives the same uuid, so the same referral gives the same card.
package enum NameUUID {
    /// The service's namespace (a random version 4 uuid fixed once).
    static let namespace: [UInt8] = [0x6f, 0x1d, 0x3c, 0x52, 0x8e, 0x2a, 0x4b, 0x7d, 0x9a, 0x41, 0x0c, 0x55, 0x2e, 0x93, 0x7b, 0x18]

    /// The uuid of `parts` (joined with NUL bytes), lowercase with hyphens.
    package static func make(_ parts: [String]) -> String {
        var hasher = Insecure.SHA1()
        hasher.update(data: namespace)
        hasher.update(data: Array(parts.joined(separator: "\u{0}").utf8))
        var bytes = Array(hasher.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
