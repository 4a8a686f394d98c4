/// The form free text is compared in: lowercase words of letters and digits, separated by one
/// space, so that `Pins-and-Needles`, `pins & needles` and ` pins and needles ` are all
/// `pins and needles`, and `25(OH)D` is `25 oh d`.
///
/// Used both when the vocabulary and analyte indexes are built and when a term is looked up, so
/// the two always agree. No regular expressions: one pass over the scalars.
package enum TermKey {
    /// The words of `text`: runs of letters and digits, lowercased; `&` reads as `and`.
    package static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                words.append(String(current).lowercased())
                current = String.UnicodeScalarView()
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue  // don't, Isaacs' — an apostrophe joins, it does not split
            } else {
                flush()
                if scalar == "&" { words.append("and") }
            }
        }
        flush()
        return words
    }

    /// The words of `text` joined by single spaces.
    package static func key(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// A unit as compared: lowercase, no spaces, micro sign and Greek mu read as `u`.
    static func unit(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case " ", "\t": continue
            case "\u{00B5}", "\u{03BC}": out.append("u")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
