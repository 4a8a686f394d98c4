/// Finds a phrase in free text on word boundaries, in any case: the way a duration phrase
/// ("for months") or a feared condition's name ("ALS") is found in a note. The phrases are
/// data (`rules.json`); this only matches them.
///
/// Works on UTF-8 bytes with ASCII case folding (the phrases are ASCII): a note is folded once
/// and searched for every phrase, so a batch of many notes stays cheap. A non-ASCII byte counts
/// as part of a word, so "ALSé" is not "ALS".
enum TextMatch {
    /// Text folded for matching.
    struct Folded {
        let bytes: [UInt8]

        init(_ text: String) {
            bytes = text.utf8.map(TextMatch.fold)
        }

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }
    }

    static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    private static func isWord(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    /// Whether `text` holds `phrase` as whole words, ignoring ASCII case.
    static func contains(_ text: Folded, _ phrase: Folded) -> Bool {
        let haystack = text.bytes
        let needle = phrase.bytes
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            var equal = true
            for offset in 1..<needle.count where haystack[start + offset] != needle[offset] {
                equal = false
                break
            }
            guard equal else { continue }
            let end = start + needle.count
            let before = start == 0 || !isWord(haystack[start - 1])
            let after = end == haystack.count || !isWord(haystack[end])
            if before, after { return true }
        }
        return false
    }

    /// Whether `text` holds `phrase` as whole words, ignoring ASCII case.
    static func contains(_ text: String, _ phrase: String) -> Bool { contains(Folded(text), Folded(phrase)) }

    /// Whether `text` holds `phrase` in a stretch (between `,` `.` `;` `:` `!` `?` and line
    /// breaks) that also holds one of `subjects`: "twitching for months" says how long the
    /// twitching lasts; "twitching, on metformin for years" does not.
    static func contains(_ text: Folded, _ phrase: Folded, withAnyOf subjects: [Folded]) -> Bool {
        var stretches: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in text.bytes.enumerated() where [0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x0A, 0x0D].contains(byte) {
            stretches.append(text.bytes[start..<index])
            start = index + 1
        }
        stretches.append(text.bytes[start...])
        return stretches.contains { stretch in
            let piece = Folded(bytes: Array(stretch))
            return contains(piece, phrase) && subjects.contains { contains(piece, $0) }
        }
    }
}
