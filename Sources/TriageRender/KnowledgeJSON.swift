import Foundation
import TriageKnowledge
import TriageModel

/// Renders the knowledge tables as JSON for `twitch-triage knowledge --format json`: every
/// table with its sources (``KnowledgeTables``), keys sorted, pretty-printed, so the output is
/// byte-stable.
package enum KnowledgeJSON {
    /// The whole of `knowledge` as a JSON document ending in a newline.
    ///
    /// - Throws: ``TriageError`` (software) only if a number is not finite, which validated
    ///   tables never hold.
    package static func render(_ knowledge: Knowledge) throws(TriageError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(KnowledgeTables(knowledge))
        } catch {
            throw TriageError(.unexpected("the knowledge tables cannot be written as JSON (\(error))"))
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
