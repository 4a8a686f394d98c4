import ArgumentParser
import Foundation
import TriageKnowledge
import TriageModel

/// The flag of every command that uses the knowledge tables: `--knowledge DIR`, a clinic's own
/// edited copy of the tables (SPEC §5), loaded and validated in full at start; without it, the
/// tables shipped with the tool (their compiled, pre-validated form, SPEC §9).
package struct KnowledgeOptions: ParsableArguments {
    /// The flag unset: the shipped tables.
    package init() {}

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A folder of knowledge tables to use instead of the shipped ones (knowledge.json and the tables it lists).",
            discussion: "Validated in full at start; a table that does not validate stops the command with its file and row.",
            valueName: "dir"))
    package var knowledge: String?

    /// The tables: the folder's, validated, or the shipped ones.
    ///
    /// - Throws: ``TriageError`` (configuration) naming the folder's file and row that does not
    ///   load or validate (or the shipped file, for a broken installation).
    package func load() throws(TriageError) -> Knowledge {
        guard let knowledge else { return try Knowledge.shipped }
        return try KnowledgeLoader.load(folder: knowledge)
    }
}
