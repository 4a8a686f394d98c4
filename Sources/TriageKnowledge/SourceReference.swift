/// One entry of the source catalogue in `knowledge.json`: an article, a lab reference, or the
/// project itself, with what it is.
///
/// Every ``Source`` cited by a row must name an entry here; the articles must be exactly the
/// four of `shared/seeds/README.md` (``SourceReference/articleNames``).
package struct SourceReference: Sendable, Hashable, Codable {
    /// What kind of source it is.
    package enum Kind: String, Sendable, Hashable, Codable {
        /// One of the four popular-health articles the clinical knowledge comes from.
        case article
        /// A named lab or unit reference (atomic weights, reference ranges, critical limits);
        /// cited only by lab facts in `analytes.json`.
        case reference
        /// The project's own choice, always with the reason in the row's quote.
        case project
        /// A clinical guideline, formulary or clinical guidance page (NICE NG127, NG239, the BNF,
        /// an NHS trust's or a college's page), citable by any row (SPEC §6.4); a page carries its
        /// `url`.
        case guideline
    }

    /// The short name rows cite (`arm-twitching-guide`, `UCUM`, `twitch-triage`).
    package var name: String
    /// Article, reference or project.
    package var kind: Kind
    /// What it is: an article's title and seed file, a reference's full citation.
    package var description: String
    /// Where the quoted page is (a guideline page, an NHS trust's guideline, a college's
    /// guidance), so a reviewer can read the quote in place; nil for the articles, the project
    /// and references cited by their printed title.
    package var url: String?

    /// The four articles' short names, as `shared/seeds/README.md` gives them.
    package static let articleNames: Set<String> = [
        "arm-twitching-guide", "arm-twitching-causes", "random-twitches", "neurologist-guide",
    ]
}
