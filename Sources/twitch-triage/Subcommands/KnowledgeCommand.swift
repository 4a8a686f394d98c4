import ArgumentParser
import TwitchTriage

/// `twitch-triage knowledge`: prints every knowledge table with its sources, so a clinician can
/// review what the rules rest on.
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

    func run() throws {
        let knowledge = try Knowledge.bundled
        switch format {
        case .markdown: print(KnowledgeMarkdown.render(knowledge), terminator: "")
        case .json: print(try KnowledgeJSON.render(knowledge), terminator: "")
        }
    }
}
