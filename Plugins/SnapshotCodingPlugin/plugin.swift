import Foundation
import PackagePlugin

/// Writes the knowledge snapshot's readers and writers at build time (SPEC §9, ``SnapshotCodable``):
/// for each knowledge file listed here, `snapshot-coding-generator` reads `<Type>.swift` and writes
/// `<Type>+Snapshot.swift` into the plugin's work directory, which SwiftPM compiles into the target,
/// as swift-protobuf's and swift-openapi-generator's build-tool plugins do. The generated code is
/// never committed: SwiftPM runs the generator again whenever a listed file (or the generator)
/// changes, so a reader cannot be out of date with the type it reads.
@main
struct SnapshotCodingPlugin: BuildToolPlugin {
    /// The files of TriageKnowledge whose Codable (or Encodable) types are written to the knowledge snapshot: the
    /// one list of them. A type of another file that the snapshot holds is a build error (no
    /// `SnapshotCodable` conformance), so a file missing here cannot go unnoticed.
    static let knowledgeFiles = [
        "Vocabulary", "ReadingRules", "AnalyteDefinition", "AnalyteNameWords", "Condition", "FeatureContrast", "RedFlag",
        "DiagnosticTest", "Threshold", "Advice", "SourceReference", "ContrastMap", "RuleKnowledge", "LabActionTable",
        "MedicationNote", "Timeframe", "SpecimenComments", "PageKnowledge", "Source", "KnowledgeTables",
    ]

    /// A listed file the target does not have.
    struct MissingFile: Error, CustomStringConvertible {
        /// The file's name.
        var name: String
        /// The target.
        var target: String

        var description: String { "SnapshotCodingPlugin: \(target) has no \(name).swift, which its list names; no readers written" }
    }

    /// One command per file, so that a change to one knowledge type regenerates only its readers.
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let generator = try context.tool(named: "snapshot-coding-generator").url
        let sources = (target as? SourceModuleTarget)?.sourceFiles(withSuffix: ".swift").map(\.url) ?? []
        return try Self.knowledgeFiles.map { file in
            guard let input = sources.first(where: { $0.lastPathComponent == "\(file).swift" }) else {
                throw MissingFile(name: file, target: target.name)
            }
            let output = context.pluginWorkDirectoryURL.appending(path: "\(file)+Snapshot.swift")
            return .buildCommand(
                displayName: "Generating \(file)+Snapshot.swift",
                executable: generator,
                arguments: [input.path(), output.path()],
                inputFiles: [input],
                outputFiles: [output]
            )
        }
    }
}
