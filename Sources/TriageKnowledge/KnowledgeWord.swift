import TriageModel

/// A field of a knowledge table that holds one of a fixed set of words (an urgency, who acts, a
/// test, a lab band, an advice kind): decoded as its enum, so that a word the code does not know
/// is a decoding error naming the file, the row and the field, not a check of its own.
///
/// A word is also written to and read from the knowledge snapshot as its raw value
/// (``SnapshotCodable``), so the snapshot generator (`SnapshotCodingPlugin`) writes nothing for these types.
package protocol KnowledgeWord: RawRepresentable, CaseIterable, Codable, Sendable, SnapshotCodable where RawValue == String {
    /// What the field must hold, for the error message: by default every word, quoted
    /// (`"any" or "all"`); a type with many words names them instead.
    static var expectedWords: String { get }
}

extension KnowledgeWord {
    /// Every word, quoted: `"any" or "all"`, `"a", "b" or "c"`.
    package static var expectedWords: String {
        let quoted = allCases.map { "\"\($0.rawValue)\"" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }

    /// Reads the word; one the type does not have throws ``UnknownKnowledgeWord``.
    package init(from decoder: Decoder) throws {
        let word = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: word) else {
            throw UnknownKnowledgeWord(codingPath: decoder.codingPath, word: word, expected: Self.expectedWords)
        }
        self = value
    }

    /// Writes the word.
    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A knowledge field holds a word its type does not have; ``KnowledgeDecoding`` turns it into
/// a ``KnowledgeError`` at the row and field.
struct UnknownKnowledgeWord: Error {
    /// Where the word is.
    var codingPath: [CodingKey]
    /// The word.
    var word: String
    /// What the field may hold (``KnowledgeWord/expectedWords``).
    var expected: String
}

extension Urgency: KnowledgeWord {}
extension Recommendation.Test: KnowledgeWord {}
extension Recommendation.Actor: KnowledgeWord {}
extension ContrastSignal: KnowledgeWord {
    /// Too many to list in a message.
    package static var expectedWords: String { "a signal the evaluator computes (ContrastSignal)" }
}
