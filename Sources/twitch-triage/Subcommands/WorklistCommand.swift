import ArgumentParser
import TriageBatch
import TriageModel

/// `twitch-triage worklist merge <dir>… --out <dir>`.
struct WorklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worklist",
        abstract: "Work with worklists.",
        subcommands: [Merge.self]
    )

    /// Joins the shards' worklists.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            // Named here rather than derived from the type's name, which costs every start of
            // the tool (any command) about 3% of a single report's instructions.
            commandName: "merge",
            abstract: "Join the worklists of shards (batch --shard K/N) into one.",
            discussion:
                "Report links in the merged worklist point into the shards' folders. Exit 65 when a worklist is missing, unreadable, or the shards disagree; 73 when the merged worklist cannot be written."
        )

        @Argument(help: "The shards' output folders.")
        var shards: [String]

        @Option(name: .long, help: "Where to write the merged worklist.")
        var out: String

        func run() throws {
            let worklist = try WorklistMerge.merge(shards: shards, output: out)
            try WorklistMerge.write(worklist, to: out)
        }
    }
}
