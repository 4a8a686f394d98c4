import Foundation

/// Loads the knowledge tables (SPEC §5) from the library's resources or from a directory, and
/// validates them before returning (the shipped tables were validated when their
/// ``KnowledgeSnapshot`` was compiled: SPEC §9).
///
/// A file that is missing, not JSON, missing a field, or breaking a rule of
/// ``KnowledgeValidator`` is a thrown ``KnowledgeError`` whose message names the file and row.
/// Use ``Knowledge/bundled`` for the tables shipped with the library: it loads them once.
public enum KnowledgeLoader {
    /// Loads the tables shipped in the library's resources: from their compiled snapshot when it
    /// was compiled from exactly the JSON tables beside it, else from the JSON, validated in full.
    ///
    /// - Throws: ``KnowledgeError`` if a table is missing or broken.
    public static func loadBundled() throws(KnowledgeError) -> Knowledge {
        guard let directory = bundledDirectory() else {
            throw KnowledgeError(file: KnowledgeFile.manifest.rawValue, reason: .fileMissing)
        }
        return try load(from: directory, trustingStamp: true)
    }

    /// The folder of the shipped tables inside the library's resource bundle.
    ///
    /// First where SwiftPM puts the bundle, beside the running executable: found with one
    /// `readlink` and one `access`, where `Bundle.module` first builds `Bundle.main` and scans
    /// folders (about 5% of a single report's instructions, callgrind). `Bundle.module` when it
    /// is not there.
    package static func bundledDirectory() -> URL? {
        if let beside = besideExecutable() { return beside }
        return Bundle.module.url(forResource: "knowledge", withExtension: "json", subdirectory: "Resources")?.deletingLastPathComponent()
    }

    /// The resource bundle's `Resources` folder next to the executable, if it holds the tables.
    private static func besideExecutable() -> URL? {
        #if os(Linux)
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            guard count > 0 else { return nil }
            let executable = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard let slash = executable.lastIndex(of: "/") else { return nil }
            let folder = executable[..<slash] + "/" + bundleName + "/Resources"
            guard access(folder + "/" + KnowledgeFile.manifest.rawValue, R_OK) == 0 else { return nil }
            return URL(fileURLWithPath: String(folder), isDirectory: true)
        #else
            return nil
        #endif
    }

    /// SwiftPM's name for this library's resource bundle: `<package>_<target>.resources` (the
    /// target is `TriageKnowledge` since the layers became targets).
    package static let bundleName = "twitch-triage_TriageKnowledge.resources"

    /// Loads and validates the tables in `directory` (`knowledge.json` and the files it lists).
    ///
    /// - Parameters:
    ///   - directory: the folder holding `knowledge.json` and the tables.
    /// - Throws: ``KnowledgeError`` if a table is missing or broken.
    package static func load(from directory: URL) throws(KnowledgeError) -> Knowledge {
        try load(from: directory, trustingStamp: false)
    }

    /// Loads the tables in `directory`: from the compiled snapshot when `trustingStamp` and the
    /// folder's ``KnowledgeSnapshot`` was compiled from exactly the bytes read (the shipped
    /// tables, which the test suite validates in full and compiles again), else from the JSON,
    /// validated in full.
    ///
    /// The shipped folder's large files (the snapshot, the vocabulary) are mapped, not copied
    /// (like the executable itself, they are part of the installation): hashing them and
    /// reading the snapshot touch the page cache's pages, with no heap pages to fill (SPEC §9).
    /// A folder by path is read into memory.
    package static func load(from directory: URL, trustingStamp: Bool) throws(KnowledgeError) -> Knowledge {
        let bytes = try tableBytes(in: directory, mapped: trustingStamp)
        if trustingStamp, KnowledgeDigest.files.allSatisfy({ bytes[$0] != nil }),
            let snapshot = try? Data(contentsOf: directory.appendingPathComponent(KnowledgeSnapshot.file), options: .alwaysMapped)
        {
            let digest = KnowledgeDigest.digest(KnowledgeDigest.files.map { ($0, bytes[$0]!) })
            if let compiled = snapshot.withUnsafeBytes({ KnowledgeSnapshot.read($0, digest: digest) }) { return compiled }
        }
        return try decodeAndValidate(bytes)
    }

    /// Loads and validates the tables in `directory` in full, and gives their digest.
    static func loadValidated(from directory: URL) throws(KnowledgeError) -> (knowledge: Knowledge, digest: String) {
        let bytes = try tableBytes(in: directory)
        let knowledge = try decodeAndValidate(bytes)
        // Every file of the digest was read: decoding needs them all.
        return (knowledge, KnowledgeDigest.digest(KnowledgeDigest.files.map { ($0, bytes[$0] ?? Data()) }))
    }

    /// The bytes of every table file present in `directory`, by name. With `mapped`, a file of
    /// 64 KiB or more is mapped; a smaller one costs less to read than to map and unmap. One
    /// `stat` per file says whether it is there and how large (paths joined as strings: a
    /// `URL` per file cost more than the read, SPEC §9).
    private static func tableBytes(in directory: URL, mapped: Bool = false) throws(KnowledgeError) -> [String: Data] {
        var bytes: [String: Data] = [:]
        let folder = directory.path
        for file in KnowledgeDigest.files {
            let path = folder.hasSuffix("/") ? folder + file : folder + "/" + file
            var status = stat()
            guard stat(path, &status) == 0 else { continue }
            bytes[file] = try contents(of: file, at: path, mapped: mapped && status.st_size >= 64 * 1024)
        }
        return bytes
    }

    /// Decodes the tables from their JSON and validates them in full.
    private static func decodeAndValidate(_ bytes: [String: Data]) throws(KnowledgeError) -> Knowledge {
        func read<T: Decodable>(_ type: T.Type, _ file: KnowledgeFile) throws(KnowledgeError) -> T {
            guard let data = bytes[file.rawValue] else { throw KnowledgeError(file: file.rawValue, reason: .fileMissing) }
            return try KnowledgeDecoding.decode(T.self, from: data, file: file.rawValue)
        }
        let manifest = try read(KnowledgeManifest.self, .manifest)
        for file in KnowledgeFile.tables where !manifest.files.contains(file) {
            throw KnowledgeError(file: KnowledgeFile.manifest.rawValue, reason: .fileNotListed(file))
        }
        for file in manifest.files where !KnowledgeFile.tables.contains(file) {
            throw KnowledgeError(file: KnowledgeFile.manifest.rawValue, reason: .unknownFile(file))
        }
        var knowledge = Knowledge(
            version: manifest.version,
            vocabulary: try read(Vocabulary.self, .vocabulary),
            analytes: try read([AnalyteDefinition].self, .analytes),
            conditions: try read([Condition].self, .conditions),
            contrasts: try read([FeatureContrast].self, .contrasts),
            redFlags: try read([RedFlag].self, .redFlags),
            tests: try read([DiagnosticTest].self, .tests),
            thresholds: try read([Threshold].self, .thresholds),
            advice: try read([Advice].self, .advice))
        knowledge.sourceCatalogue = manifest.sources
        knowledge.analyteNameWords = try read(AnalyteNameWords.self, .analyteNameWords)
        knowledge.contrastMap = try read(ContrastMap.self, .contrastMap)
        knowledge.rules = try read(RuleKnowledge.self, .rules)
        knowledge.timeframes = try read([Timeframe].self, .timeframes)
        knowledge.specimenComments = try read(SpecimenComments.self, .specimenComments)
        knowledge.labActions = try read(LabActionTable.self, .labActions)
        knowledge.medicationNotes = try read([MedicationNote].self, .medicationNotes)
        knowledge.page = try read(PageKnowledge.self, .page)
        try knowledge.page?.validate(catalogue: Set(manifest.sources.map(\.name)))
        try KnowledgeValidator(knowledge).validate()
        try knowledge.analyteNameWords.validate(catalogue: knowledge.sourceCatalogue)
        try knowledge.specimenComments.validate(analytes: Set(knowledge.analytes.map(\.id)), catalogue: knowledge.sourceCatalogue)
        return knowledge
    }

    private static func contents(of file: String, at path: String, mapped: Bool) throws(KnowledgeError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path, isDirectory: false), options: mapped ? .alwaysMapped : [])
        } catch {
            throw KnowledgeError(file: file, reason: .unreadable(error.localizedDescription))
        }
    }
}
