import ArgumentParser
import TriageCommandLine
import TriageModel

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

    /// `serve …` goes to the service executable (``ServiceLauncher``); anything else is parsed and
    /// run here, a ``TriageError`` becoming its message on stderr and its exit status (``ExitStatus``).
    static func main() async {
        if let arguments = ServiceLauncher.serviceArguments(CommandLine.arguments) {
            ServiceLauncher.exec(arguments)
        }
        await ExitStatus.main(Self.self)
    }
}
