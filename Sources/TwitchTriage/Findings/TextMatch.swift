/// Finds a phrase in free text on word boundaries, in any case: the way a duration phrase
/// ("for months") or a feared condition's name ("ALS") is found in a note. The phrases are
/// data (`rules.json`); this only matches them.
enum TextMatch {
    /// Whether `text` holds `phrase` as whole words, ignoring case.
    static func contains(_ text: String, _ phrase: String) -> Bool {
        range(of: phrase, in: text) != nil
    }

    /// The character offsets of the first whole-word occurrence of `phrase` in `text`, ignoring case.
    static func range(of phrase: String, in text: String) -> Range<Int>? {
        let haystack = Array(text.lowercased()), needle = Array(phrase.lowercased())
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            guard Array(haystack[start..<(start + needle.count)]) == needle else { continue }
            let before = start == 0 || !isWord(haystack[start - 1])
            let end = start + needle.count
            let after = end == haystack.count || !isWord(haystack[end])
            if before, after { return start..<end }
        }
        return nil
    }

    private static func isWord(_ character: Character) -> Bool { character.isLetter || character.isNumber }
}
