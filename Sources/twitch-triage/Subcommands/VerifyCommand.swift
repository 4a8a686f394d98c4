import ArgumentParser
import TriageBatch
import TriageCommandLine
import TriageKnowledge

/// `twitch-triage verify <samples> <reports>`: fails on any difference between the committed
/// reports and what the code writes now.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Regenerate the reports of the samples and compare them byte for byte.",
        discussion: "Uses the as-of date recorded in <reports>/run.json. Exit 0 when identical, 1 on any difference (missing, extra or changed files, with a diff of the first differing lines)."
    )

    @Argument(help: "The samples folder.")
    var samples: String

    @Argument(help: "The committed reports folder.")
    var reports: String

    @Option(name: .long, help: ArgumentHelp("A code map to use instead of the one run.json records (one kept outside the samples folder).", valueName: "file"))
    var codeMap: String?

    func run() async throws {
        let differences: [FolderComparison.Difference]
        do {
            differences = try await SampleVerification.verify(samples: samples, reports: reports, knowledge: try Knowledge.bundled,
                                                              jobs: System.processorCount, codeMap: codeMap)
        } catch let failure as SampleVerification.Failure {
            Console.error(failure.description)
            throw ExitCode(1)
        }
        if differences.isEmpty {
            Console.output("verify: \(reports) matches what the code writes from \(samples)\n")
            return
        }
        for difference in differences { Console.output(difference.description + "\n") }
        Console.error("verify: \(differences.count) difference\(differences.count == 1 ? "" : "s") between \(reports) and a fresh run over \(samples)")
        throw ExitCode(1)
    }
}
