import ArgumentParser
import TriageCommandLine
import TriageModel

/// The root command: turns symptom journals and lab results into referral summaries. Its entry
/// point is `main.swift`, which calls ``start()``.
struct TwitchTriageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twitch-triage",
        abstract: "Turn muscle-twitching journals and lab results into per-patient referral summaries.",
        discussion: "Decision support for clinicians, not a diagnosis and not advice to patients.",
        version: ToolInfo.version,
        subcommands: [
            ReportCommand.self, BatchCommand.self, VerifyCommand.self, WorklistCommand.self, KnowledgeCommand.self,
            ServeCommand.self, FeedbackCommand.self,
        ]
    )

    /// `serve …` goes to the service executable (``ServiceLauncher``); anything else is parsed and
    /// run here, a ``TriageError`` becoming its message on stderr and its exit status: report,
    /// worklist, knowledge and feedback on the main thread, batch and verify on the concurrency
    /// runtime (``ExitStatus/run(_:)``).
    static func start() -> Never {
        if let arguments = ServiceLauncher.serviceArguments(CommandLine.arguments) {
            ServiceLauncher.exec(arguments)
        }
        ExitStatus.run(Self.self)
    }
}
