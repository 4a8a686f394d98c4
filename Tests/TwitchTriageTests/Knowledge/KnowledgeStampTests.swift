import Foundation
import Testing
import TriageKnowledge

/// The pre-validated shipped tables (``KnowledgeDigest``): the stamp is the digest of the tables
/// in the source tree, the bundled load that trusts it gives exactly what the validated load of
/// the same JSON gives, and a table changed under the stamp is validated again.
@Suite struct KnowledgeStampTests {
    /// The tables in the source tree (what ships), not the build's copy.
    private static let sourceDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/TriageKnowledge/Resources", isDirectory: true)

    private func digest(of directory: URL) throws -> String {
        try KnowledgeDigest.digest(KnowledgeDigest.files.map { ($0, try Data(contentsOf: directory.appendingPathComponent($0))) })
    }

    @Test func theStampIsTheDigestOfTheShippedTables() throws {
        let current = try digest(of: Self.sourceDirectory)
        #expect(
            KnowledgeDigest.stamp(in: Self.sourceDirectory) == current,
            "knowledge.validated is stale: let this suite validate the tables, then `make knowledge-stamp` (\(current))")
    }

    @Test func theBuildsCopyCarriesTheSameStamp() throws {
        let bundled = try #require(KnowledgeLoader.bundledDirectory())
        #expect(KnowledgeDigest.stamp(in: bundled) == (try digest(of: bundled)))
    }

    @Test func theTrustedLoadEqualsTheValidatedLoad() throws {
        let validated = try KnowledgeLoader.load(from: Self.sourceDirectory)
        let trusted = try KnowledgeLoader.load(from: Self.sourceDirectory, trustingStamp: true)
        #expect(trusted == validated)
        #expect(try Knowledge.bundled == validated)
    }

    @Test func aTableChangedUnderTheStampIsValidated() throws {
        let copy = try BrokenKnowledge()
        defer { try? FileManager.default.removeItem(at: copy.directory) }
        try copy.replace("red-flags.json", "\"weakness\"", with: "\"weaknes\"")
        #expect(KnowledgeDigest.stamp(in: copy.directory) != (try digest(of: copy.directory)))
        #expect(throws: KnowledgeError.self) { try KnowledgeLoader.load(from: copy.directory, trustingStamp: true) }
    }

    @Test func aFolderGivenByPathIsValidatedEvenWithAMatchingStamp() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("red-flags.json", "\"weakness\"", with: "\"weaknes\"")
        try copy.write(KnowledgeDigest.stampFile, try digest(of: copy.directory) + "\n")
        #expect(
            copy.loadError()
                == #"red-flags.json: row 4 (progressive-weakness): names symptom "weaknes", which is not in vocabulary.json symptoms"#)
    }
}
