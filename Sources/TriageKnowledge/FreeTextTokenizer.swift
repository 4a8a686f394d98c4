/// Splits free text into the words the ``ConceptMatcher`` compares, the same way for the
/// vocabulary when it is compiled and for what patients write.
///
/// A word is a run of letters and digits, lowercased; an apostrophe inside a word joins
/// (`can't` is `cant`), a possessive `'s` is dropped (`dad's` is `dad`); `&` reads as `and`; a
/// `.` between digits stays in the number. `.`, `;`, `!`, `?`, `:` and line breaks end a
/// clause (`?` also marks it a question); a `,` marks the next word (``Token/afterComma``), so the
/// ``ConceptMatcher`` can tell a list from a new statement. Each word carries a stem: a light suffix stripper
/// (`-ing`, `-ed`, `-es`, `-s`, a final `-e`, a doubled final consonant) so that `buttoning`
/// and `button`, `cramps` and `cramp`, `choking` and `choke` compare equal. The stemmer only
/// has to agree with itself: both sides of every comparison go through it.
package enum FreeTextTokenizer {
    /// One word, or the end of a clause.
    struct Token: Sendable, Hashable {
        /// The word, lowercased, apostrophes removed; empty for a clause end.
        var word: String
        /// Its stem.
        var stem: String
        /// Where it starts and ends in the text, in UTF-8 bytes.
        var start: Int
        var end: Int
        /// Whether this token ends a clause instead of being a word.
        var isClauseEnd: Bool
        /// Whether the clause it ends is a question.
        var isQuestion: Bool
        /// Whether a comma stands just before this word.
        var afterComma = false
        /// Whether that comma starts a new statement (set by the ``ConceptMatcher``).
        var startsStatement = false
        /// Whether the words from that comma to the next hold a list's conjunction (`or`).
        var listConjunction = false
    }

    /// The tokens of `text`.
    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(16)
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        var lastWasDigit = false
        var comma = false
        func flush(at end: Int) {
            guard !current.isEmpty else { return }
            var word = String(current).lowercased()
            if word.hasSuffix("'s") || word.hasSuffix("\u{2019}s") { word = String(word.dropLast(2)) }
            word.removeAll { $0 == "'" || $0 == "\u{2019}" }
            if !word.isEmpty {
                tokens.append(
                    Token(word: word, stem: stem(word), start: start, end: end, isClauseEnd: false, isQuestion: false, afterComma: comma))
                comma = false
            }
            current = String.UnicodeScalarView()
        }
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let width = UTF8.width(scalar)
            defer { offset += width }
            let isDigit = isNumeric(scalar)
            if isDigit || isLetter(scalar) {
                if current.isEmpty { start = offset }
                current.append(scalar)
                lastWasDigit = isDigit
                continue
            }
            if scalar == "'" || scalar == "\u{2019}", !current.isEmpty {
                current.append(scalar)
                continue
            }
            if scalar == ".", lastWasDigit, index + 1 < scalars.count, isNumeric(scalars[index + 1]) {
                current.append(scalar)
                continue
            }
            flush(at: offset)
            lastWasDigit = false
            switch scalar {
            case "&":
                tokens.append(Token(word: "and", stem: "and", start: offset, end: offset + width, isClauseEnd: false, isQuestion: false))
            case ",":
                comma = true
            case ".", ";", "!", "?", ":", "\n", "\r":
                comma = false
                if let last = tokens.last, last.isClauseEnd {
                    if scalar == "?" { tokens[tokens.count - 1].isQuestion = true }
                } else {
                    tokens.append(
                        Token(word: "", stem: "", start: offset, end: offset + width, isClauseEnd: true, isQuestion: scalar == "?"))
                }
            default:
                break
            }
        }
        flush(at: text.utf8.count)
        return tokens
    }

    /// Whether `scalar` is alphabetic (Unicode); ASCII answered without the property tables,
    /// which a profile of the matcher's build showed as its largest cost (SPEC §9).
    @inline(__always)
    package static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return (scalar.value | 0x20) &- 0x61 < 26 }
        return scalar.properties.isAlphabetic
    }

    /// Whether `scalar` has a Unicode numeric type; ASCII answered without the property tables.
    @inline(__always)
    package static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value &- 0x30 < 10 }
        return scalar.properties.numericType != nil
    }

    /// The stem of a lowercased word.
    static func stem(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        guard scalars.count > 3, scalars.allSatisfy({ isLetter($0) }) else { return word }
        func ends(_ suffix: String) -> Bool {
            let tail = Array(suffix.unicodeScalars)
            return scalars.count > tail.count && Array(scalars.suffix(tail.count)) == tail
        }
        func undouble() {
            if scalars.count > 3, scalars[scalars.count - 1] == scalars[scalars.count - 2],
                !"aeiouls".unicodeScalars.contains(scalars[scalars.count - 1])
            {
                scalars.removeLast()
            }
        }
        if ends("ies"), scalars.count > 4 {
            scalars.removeLast(3)
            scalars.append("y")
        } else if ends("ing"), scalars.count > 5 {
            scalars.removeLast(3)
            undouble()
        } else if ends("ed"), scalars.count > 4 {
            scalars.removeLast(2)
            undouble()
        } else if ends("es"), scalars.count > 4, "sxz".unicodeScalars.contains(scalars[scalars.count - 3]) || ends("ches") || ends("shes") {
            scalars.removeLast(2)
        } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            scalars.removeLast()
        }
        if scalars.count >= 4, scalars.last == "e" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
