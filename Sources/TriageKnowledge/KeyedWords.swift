import TriageModel

/// Words keyed by a word of the code, with `{placeholders}` the writer fills in, and their sources:
/// a row of `rules.json` `sentences` and `findingSentences`, `page.json` `phrases`. The loader
/// requires a row for every key, so a lookup always finds one.
///
/// Generic, so the build's snapshot generator (`snapshot-coding-generator`, concrete types only)
/// leaves it alone: its snapshot form is written here, the same as a generated one (every stored
/// property in order).
package struct KeyedWords<Key: KnowledgeWord & Hashable>: Sendable, Hashable, Codable {
    /// Which words.
    package var id: Key
    /// The words, with `{placeholders}`.
    package var text: String
    /// Where they come from.
    package var sources: [Source]
}

extension KeyedWords: SnapshotCodable {
    package init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Malformed) {
        id = try reader.read()
        text = try reader.read()
        sources = try reader.read()
    }

    package func write(to writer: inout SnapshotWriter) {
        writer.write(id)
        writer.write(text)
        writer.write(sources)
    }
}

extension Array {
    /// The words of `id`, with their `{placeholders}`; empty when no row has it (knowledge built in
    /// code: the loader refuses tables without one).
    package func words<Key>(_ id: Key) -> String where Element == KeyedWords<Key> {
        first { $0.id == id }?.text ?? ""
    }

    /// The words of `id` with each `{name}` of `values` filled in, in one pass (``Swift/String/filledOnce(_:)``):
    /// a value is never searched again, so a patient's quote holding `{date}` stays as written.
    package func words<Key>(_ id: Key, _ values: KeyValuePairs<String, String>) -> String where Element == KeyedWords<Key> {
        words(id).filledOnce(values)
    }
}

extension String {
    /// The template with each `{name}` of `values` replaced by its value, reading the template once
    /// (values are not searched for placeholders); a `{name}` not in `values` stays as written.
    package func filledOnce(_ values: KeyValuePairs<String, String>) -> String {
        var out = ""
        var rest = self[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"),
                let value = values.first(where: { $0.key == rest[rest.index(after: open)..<close] })?.value
            else {
                out.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
