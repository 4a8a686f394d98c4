/// Text for a card's Markdown detail (GitHub Flavored Markdown, as CDS Hooks requires) that can
/// carry no raw HTML and no link: every ASCII punctuation character that can open a construct is
/// backslash-escaped (CommonMark allows it for all of them), so `<`, `&`, `[`, `(`, `*`, `_`,
/// `` ` ``, `#` and the `:`, `/`, `.` and `@` of a URL, a `www.` name or an e-mail address are
/// literal text; `,`, `;`, `'`, `"`, `?`, `%`, `=` stay as they are. Line breaks become spaces.
package enum Markdown {
    /// `text` escaped for Markdown.
    package static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}":
                out.append(" ")
            case _ where scalar.isMarkdownEscapable:
                out.append("\\")
                out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                continue
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Unicode.Scalar {
    /// The ASCII punctuation that can start Markdown, HTML or a link: !#$&()*+-./:<>@[\]^_`{|}~
    fileprivate var isMarkdownEscapable: Bool {
        switch self {
        case "!", "#", "$", "&", "(", ")", "*", "+", "-", ".", "/", ":", "<", ">", "@", "[", "\\", "]", "^", "_", "`", "{", "|", "}", "~":
            true
        default:
            false
        }
    }
}
