import ArgumentParser
import TriageBatch
import TriageCommandLine
import TriageKnowledge
import TriageModel

/// `twitch-triage verify <samples> <reports>`: fails on any difference between the committed
/// reports and what the code writes now.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Regenerate the reports of the samples and compare them byte for byte.",
        discussion:
            "Uses the as-of date recorded in <reports>/run.json. Exit 0 when identical, 1 on any difference (missing, extra or changed files, with a diff of the first differing lines), 65 when <reports>/run.json records no as-of date or a folder cannot be read, 78 when the code map cannot be used."
    )

    @Argument(help: "The samples folder.")
    var samples: String

    @Argument(help: "The committed reports folder.")
    var reports: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A code map to use instead of the one run.json records (one kept outside the samples folder).", valueName: "file"))
    var codeMap: String?

    func run() async throws {
        let differences = try await SampleVerification.verify(
            samples: samples, reports: reports, knowledge: try Knowledge.shipped,
            jobs: System.processorCount, codeMap: codeMap)
        if differences.isEmpty {
            Console.output("verify: \(reports) matches what the code writes from \(samples)\n")
            return
        }
        for difference in differences { Console.output(difference.description + "\n") }
        Console.error(
            "verify: \(differences.count) difference\(differences.count == 1 ? "" : "s") between \(reports) and a fresh run over \(samples)"
        )
        throw ExitStatus.failure(.differences)
    }
}
