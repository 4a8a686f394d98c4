import ArgumentParser
import TwitchTriage

/// The root command: turns symptom journals and lab results into referral summaries.
@main
struct TwitchTriageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twitch-triage",
        abstract: "Turn muscle-twitching journals and lab results into per-patient referral summaries.",
        discussion: "Decision support for clinicians, not a diagnosis and not advice to patients.",
        version: ToolInfo.version,
        subcommands: [ReportCommand.self, BatchCommand.self, VerifyCommand.self, WorklistCommand.self, KnowledgeCommand.self,
                      ServeCommand.self, FeedbackCommand.self]
    )

    /// Parses and runs the command; the one place where a ``TriageError`` becomes a message on
    /// stderr and its exit status (``ExitStatus``).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            ExitStatus.exit(with: error)
        }
    }
}
