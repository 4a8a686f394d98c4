import ArgumentParser
import TriageBatch
import TriageCommandLine

/// `twitch-triage feedback <dir>`: what clinicians did with the service's cards.
struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Print acceptance and override reasons of the CDS Hooks cards, per rule and recommendation.",
        discussion: "Reads the feedback the CDS Hooks service stored in the ledger of the batch's output folder."
    )

    @Argument(help: "The batch's output folder (the one `serve --reports` reads).")
    var reports: String

    func run() throws {
        let summary = try Ledger.feedbackSummary(output: reports)
        var lines = ["rule\trecommendation\tissued\taccepted\toverridden\toverride reasons"]
        for row in summary.rows {
            let reasons = row.reasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) (\($0.value))" }
            lines.append(
                [
                    row.rule, row.test ?? "card", "\(row.issued)", "\(row.accepted)", "\(row.overridden)",
                    reasons.isEmpty ? "-" : reasons.joined(separator: "; "),
                ].joined(separator: "\t"))
        }
        lines.append("feedback items: \(summary.feedbackItems); about cards never issued: \(summary.unknownCards)")
        Console.output(lines.joined(separator: "\n") + "\n")
    }
}
