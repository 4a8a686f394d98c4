/// The words a lab's name for a test is read by when it is matched to an analyte by name
/// (`analyte-name-words.json`, SPEC §3.7, §3.10): the words that make it a different measurement
/// from the analyte's (`urine`, `ionized`, `free`, `2h`, `calcitriol`), and the words that do not
/// change what is measured and are dropped (`serum`, `plasma`, `level`). Each group of words has
/// its sources (LOINC's long common names name the specimen, timing and fraction; the project's
/// choices say why).
package struct AnalyteNameWords: Sendable, Hashable, Codable {
    /// A group of words with its sources.
    package struct Group: Sendable, Hashable, Codable {
        /// The group's id (`urine`).
        package var id: String
        /// The words, each one word as a name is split into words (``TermKey/words(_:)``).
        package var words: [String]
        /// Where they come from.
        package var sources: [Source]
    }

    /// Words that make a name a different measurement: a name with one finds no analyte unless
    /// it is an analyte's name as written.
    package var differentMeasurement: [Group]
    /// Words dropped from a name that does not match as written (the specimen, "level").
    package var sameMeasurement: [Group]

    /// An empty table (knowledge built in code): names match as written or cut at `(`, `,`, `[`.
    package static let empty = AnalyteNameWords(differentMeasurement: [], sameMeasurement: [])

    /// Checks the table against the source catalogue.
    ///
    /// - Throws: ``KnowledgeError`` naming the row: an empty or repeated id, no words, a word that
    ///   is not one word as names are split, a word in both lists, a row without a source or
    ///   citing one that is not in the catalogue.
    func validate(catalogue: [SourceReference]) throws(KnowledgeError) {
        let file = KnowledgeFile.analyteNameWords.rawValue
        let known = Set(catalogue.map(\.name))
        var seen: Set<String> = []
        var listed: [String: String] = [:]
        for (list, groups) in [("differentMeasurement", differentMeasurement), ("sameMeasurement", sameMeasurement)] {
            for (index, group) in groups.enumerated() {
                let row = KnowledgeError.Row(list: list, number: index + 1, id: group.id)
                if group.id.isEmpty || !seen.insert(group.id).inserted {
                    throw KnowledgeError(
                        file: file, row: row, reason: .invalidValue(field: "id", value: group.id, expected: "a unique, non-empty id"))
                }
                if group.words.isEmpty { throw KnowledgeError(file: file, row: row, reason: .emptyField("words")) }
                for word in group.words {
                    guard TermKey.words(word) == [word] else {
                        throw KnowledgeError(
                            file: file, row: row,
                            reason: .invalidValue(
                                field: "words", value: word,
                                expected: "one lower-case word with no punctuation"))
                    }
                    if let other = listed[word], other != list {
                        throw KnowledgeError(
                            file: file, row: row,
                            reason: .invalidValue(
                                field: "words", value: word,
                                expected: "a word in one list only (it is in \(other))"))
                    }
                    listed[word] = list
                }
                guard !group.sources.isEmpty else { throw KnowledgeError(file: file, row: row, reason: .noSource) }
                for source in group.sources where !known.contains(source.name) {
                    throw KnowledgeError(file: file, row: row, reason: .unknownSource(source.name, allowed: "in knowledge.json's sources"))
                }
            }
        }
    }
}
