import Foundation

/// Loads the knowledge tables (SPEC §5) from the library's resources or from a directory, and
/// validates them before returning.
///
/// A file that is missing, not JSON, missing a field, or breaking a rule of
/// ``KnowledgeValidator`` is a thrown ``KnowledgeError`` whose message names the file and row.
/// Use ``Knowledge/bundled`` for the tables shipped with the library: it loads them once.
public enum KnowledgeLoader {
    /// Loads and validates the tables shipped in the library's resources.
    ///
    /// - Throws: ``KnowledgeError`` if a table is missing or broken.
    public static func loadBundled() throws(KnowledgeError) -> Knowledge {
        guard let directory = bundledDirectory() else {
            throw KnowledgeError(file: KnowledgeFile.manifest, reason: .fileMissing)
        }
        return try load(from: directory)
    }

    /// The folder of the shipped tables inside the library's resource bundle.
    static func bundledDirectory() -> URL? {
        Bundle.module.url(forResource: "knowledge", withExtension: "json", subdirectory: "Resources")?.deletingLastPathComponent()
    }

    /// Loads and validates the tables in `directory` (`knowledge.json` and the files it lists).
    ///
    /// - Parameters:
    ///   - directory: the folder holding `knowledge.json` and the tables.
    /// - Throws: ``KnowledgeError`` if a table is missing or broken.
    public static func load(from directory: URL) throws(KnowledgeError) -> Knowledge {
        let manifest = try read(KnowledgeManifest.self, KnowledgeFile.manifest, in: directory)
        for file in KnowledgeFile.tables where !manifest.files.contains(file) {
            throw KnowledgeError(file: KnowledgeFile.manifest, reason: .fileNotListed(file))
        }
        for file in manifest.files where !KnowledgeFile.tables.contains(file) {
            throw KnowledgeError(file: KnowledgeFile.manifest, reason: .unknownFile(file))
        }
        var knowledge = Knowledge(
            version: manifest.version,
            vocabulary: try read(Vocabulary.self, KnowledgeFile.vocabulary, in: directory),
            analytes: try read([AnalyteDefinition].self, KnowledgeFile.analytes, in: directory),
            conditions: try read([Condition].self, KnowledgeFile.conditions, in: directory),
            contrasts: try read([FeatureContrast].self, KnowledgeFile.contrasts, in: directory),
            redFlags: try read([RedFlag].self, KnowledgeFile.redFlags, in: directory),
            tests: try read([DiagnosticTest].self, KnowledgeFile.tests, in: directory),
            thresholds: try read([Threshold].self, KnowledgeFile.thresholds, in: directory),
            advice: try read([Advice].self, KnowledgeFile.advice, in: directory))
        knowledge.sourceCatalogue = manifest.sources
        knowledge.contrastMap = try read(ContrastMap.self, KnowledgeFile.contrastMap, in: directory)
        knowledge.rules = try read(RuleKnowledge.self, KnowledgeFile.rules, in: directory)
        knowledge.timeframes = try read([Timeframe].self, KnowledgeFile.timeframes, in: directory)
        try KnowledgeValidator(knowledge).validate()
        return knowledge
    }

    private static func read<T: Decodable>(_ type: T.Type, _ file: String, in directory: URL) throws(KnowledgeError) -> T {
        let url = directory.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw KnowledgeError(file: file, reason: .fileMissing)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw KnowledgeError(file: file, reason: .unreadable(error.localizedDescription))
        }
        return try KnowledgeDecoding.decode(T.self, from: data, file: file)
    }
}
