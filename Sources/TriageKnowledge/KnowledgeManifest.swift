/// `knowledge.json`: the version of the tables, the table files, and the source catalogue.
struct KnowledgeManifest: Sendable, Hashable, Codable {
    /// The version that goes into every report's provenance.
    var version: String
    /// The table files, each exactly once.
    package var files: [String]
    /// The sources rows may cite.
    var sources: [SourceReference]
}

/// The file names of the knowledge: `knowledge.json`, then the tables, in the order the digest
/// reads them (``KnowledgeDigest``).
enum KnowledgeFile: String, CaseIterable {
    case manifest = "knowledge.json"
    case vocabulary = "vocabulary.json"
    case analytes = "analytes.json"
    case analyteNameWords = "analyte-name-words.json"
    case conditions = "conditions.json"
    case contrasts = "contrasts.json"
    case redFlags = "red-flags.json"
    case tests = "tests.json"
    case thresholds = "thresholds.json"
    case advice = "advice.json"
    case contrastMap = "contrast-map.json"
    case rules = "rules.json"
    case timeframes = "timeframes.json"
    case specimenComments = "specimen-comments.json"
    case labActions = "lab-actions.json"
    case medicationNotes = "medication-notes.json"
    case page = "page.json"

    /// Every table file `knowledge.json` must list: every file but itself.
    static let tables = allCases.filter { $0 != .manifest }.map(\.rawValue)
}
