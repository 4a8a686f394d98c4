import TriageModel

/// A row of words keyed by a word of the code (`rules.json` `sentences` and `findingSentences`,
/// `page.json` `phrases`): the loader requires a row for every key, so a lookup always finds one.
package protocol WordingRow {
    /// The key's type.
    associatedtype Key: KnowledgeWord
    /// Which words.
    var id: Key { get }
    /// The words, with `{placeholders}`.
    var text: String { get }
}

extension Array where Element: WordingRow {
    /// The words of `id`, with their `{placeholders}`; empty when no row has it (knowledge built in
    /// code: the loader refuses tables without one).
    package func words(_ id: Element.Key) -> String {
        first { $0.id == id }?.text ?? ""
    }

    /// The words of `id` with each `{name}` of `values` filled in, in one pass (``Swift/String/filledOnce(_:)``):
    /// a value is never searched again, so a patient's quote holding `{date}` stays as written.
    package func words(_ id: Element.Key, _ values: KeyValuePairs<String, String>) -> String {
        words(id).filledOnce(values)
    }
}

extension RuleKnowledge.Sentence: WordingRow {}
extension RuleKnowledge.FindingSentence: WordingRow {}
extension PageKnowledge.Phrase: WordingRow {}

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
