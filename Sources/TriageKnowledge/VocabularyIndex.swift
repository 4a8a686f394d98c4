import TriageModel

/// The two categorical columns of a journal that are not free text: the side (`left`, `R`,
/// `both`, `left and right`) and the exercise level (`none`, `light`, `intense` and their
/// synonyms). Everything written in words (locations, symptoms, triggers, medications, notes)
/// is read by the ``ConceptMatcher``, which also takes its side words from here.
///
/// Matching is case-insensitive and treats spaces, `-`, `_`, `/` and other punctuation alike
/// (``TermKey``).
package struct VocabularyIndex: Sendable {
    /// The words for each side, which the ``ConceptMatcher`` reads as well.
    package static let sideWords: [String: JournalEntry.Side] = [
        "left": .left, "l": .left, "lt": .left,
        "right": .right, "r": .right, "rt": .right,
        "both": .both, "bilateral": .both, "bilat": .both, "bilaterally": .both,
    ]
    private static let sideFillers: Set<String> = ["side", "sides", "sided", "and"]
    private static let exerciseWords: [String: JournalEntry.Exercise] = [
        "none": .none, "no": .none, "no exercise": .none, "rest": .none, "rest day": .none,
        "light": .light, "mild": .light, "easy": .light, "moderate": .light, "walk": .light, "walking": .light,
        "low": .light,
        "intense": .intense, "intensive": .intense, "hard": .intense, "heavy": .intense, "vigorous": .intense,
        "strenuous": .intense, "high": .intense,
    ]

    /// Builds the index. The side and exercise words are the journal format's own scale, not
    /// clinical vocabulary, so they need no knowledge table.
    package init() {}

    /// The side `text` names (`left`, `R`, `both`, `bilateral`, `left and right`); nil otherwise.
    package func side(_ text: String) -> JournalEntry.Side? {
        let words = TermKey.words(text).filter { !Self.sideFillers.contains($0) }
        guard !words.isEmpty else { return nil }
        var sides: Set<JournalEntry.Side> = []
        for word in words {
            guard let side = Self.sideWords[word] else { return nil }
            sides.insert(side)
        }
        return sides.count == 1 ? sides.first! : .both
    }

    /// The exercise level `text` names (`none`, `light`, `intense` and their synonyms; the
    /// journal's scale has no middle, so `moderate` reads as light).
    package func exercise(_ text: String) -> JournalEntry.Exercise? {
        Self.exerciseWords[TermKey.key(text)]
    }
}
