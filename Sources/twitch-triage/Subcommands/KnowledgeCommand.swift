import ArgumentParser
import Foundation
import TriageCommandLine
import TriageEngine
import TriageKnowledge
import TriageModel
import TriageRender

/// `twitch-triage knowledge`: prints every knowledge table with its sources, so a clinician can
/// review what the rules rest on; with `--compile DIR`, validates the tables in DIR and writes
/// their compiled form beside them (`make knowledge-stamp`).
struct KnowledgeCommand: ParsableCommand {
    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown
        case json
    }

    static let configuration = CommandConfiguration(
        commandName: "knowledge",
        abstract: "Print the knowledge tables (conditions, contrasts, red flags, tests, analytes, thresholds, advice) with their sources."
    )

    @Option(help: "Output format: markdown or json.")
    var format: Format = .markdown

    @OptionGroup var tables: KnowledgeOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Validate the tables in this folder in full and write their compiled form (knowledge.snapshot) and digest (knowledge.validated) beside them; print nothing else.",
            discussion: "`make knowledge-stamp` runs it on the shipped tables; the test suite fails while the shipped snapshot is stale.",
            valueName: "dir"))
    var compile: String?

    func run() throws {
        if let compile {
            try write(compiledFrom: compile)
            return
        }
        let knowledge = try tables.load()
        switch format {
        case .markdown: print(KnowledgeMarkdown.render(knowledge), terminator: "")
        case .json: print(try KnowledgeJSON.render(knowledge), terminator: "")
        }
    }

    private func write(compiledFrom folder: String) throws(TriageError) {
        let written = try KnowledgeLoader.compile(folder: folder)
        Console.error("\(written.snapshot): \(written.bytes) bytes; \(written.stamp): \(written.digest)")
    }
}
