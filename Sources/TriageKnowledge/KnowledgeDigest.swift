import Crypto
import Foundation

/// The SHA-256 of a knowledge folder's tables: what a ``KnowledgeSnapshot`` records it was
/// compiled from, and what the stamp `knowledge.validated` holds (SPEC §9).
///
/// The digest covers `knowledge.json` and every table, in the order of ``KnowledgeFile``,
/// each as its name, a line feed, its length in bytes, a line feed and its bytes (so `sha256sum`
/// over the same stream gives the same value). The stamp file (beside the tables) holds the
/// digest as 64 lowercase hex digits and a line feed, for people and reviews; the loader trusts
/// only the snapshot, and only when the digest it records equals the digest of the bytes just
/// read (``KnowledgeLoader/loadBundled()``). `make knowledge-stamp` writes both.
package enum KnowledgeDigest {
    /// The stamp file's name, beside the tables.
    package static let stampFile = "knowledge.validated"

    /// The digest of the tables, as 64 lowercase hex digits.
    ///
    /// - Parameter files: each file's name and bytes, in the order above.
    package static func digest(_ files: [(name: String, bytes: Data)]) -> String {
        var hasher = SHA256()
        for file in files {
            hasher.update(data: Data("\(file.name)\n\(file.bytes.count)\n".utf8))
            hasher.update(data: file.bytes)
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The files the digest covers, in order.
    package static let files = KnowledgeFile.allCases.map(\.rawValue)

    /// The digest recorded in `directory`'s stamp file, or nil when there is none.
    package static func stamp(in directory: URL) -> String? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(stampFile)) else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.count == 64 ? text : nil
    }
}
