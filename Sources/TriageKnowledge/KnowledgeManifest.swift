/// `knowledge.json`: the version of the tables, the table files, and the source catalogue.
struct KnowledgeManifest: Sendable, Hashable, Codable {
    /// The version that goes into every report's provenance.
    var version: String
    /// The table files, each exactly once.
    package var files: [String]
    /// The sources rows may cite.
    var sources: [SourceReference]
}

/// The file names of the knowledge tables.
enum KnowledgeFile {
    static let manifest = "knowledge.json"
    static let vocabulary = "vocabulary.json"
    static let analytes = "analytes.json"
    static let analyteNameWords = "analyte-name-words.json"
    static let conditions = "conditions.json"
    static let contrasts = "contrasts.json"
    static let redFlags = "red-flags.json"
    static let tests = "tests.json"
    static let thresholds = "thresholds.json"
    static let advice = "advice.json"
    static let contrastMap = "contrast-map.json"
    package static let rules = "rules.json"
    static let timeframes = "timeframes.json"
    static let specimenComments = "specimen-comments.json"
    static let labActions = "lab-actions.json"
    static let medicationNotes = "medication-notes.json"
    static let page = "page.json"

    /// Every table file `knowledge.json` must list.
    static let tables = [
        vocabulary, analytes, analyteNameWords, conditions, contrasts, redFlags, tests, thresholds, advice, contrastMap, rules, timeframes,
        specimenComments, labActions, medicationNotes, page,
    ]
}
