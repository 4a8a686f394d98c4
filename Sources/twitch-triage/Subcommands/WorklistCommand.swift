import ArgumentParser
import TriageBatch
import TriageCommandLine
import TriageKnowledge
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
                "Report links in the merged worklist point into the shards' folders. Its words come from the knowledge tables (the shipped ones, or --knowledge DIR), which must be the version the shards wrote with. Exit 65 when a worklist is missing, unreadable, or the shards disagree; 78 when the tables do not load or a shard's knowledge version is not theirs; 73 when the merged worklist cannot be written."
        )

        @Argument(help: "The shards' output folders.")
        var shards: [String]

        @Option(name: .long, help: "Where to write the merged worklist.")
        var out: String

        @OptionGroup var tables: KnowledgeOptions

        func run() throws {
            // The tables the merged worklist's words come from: the shards' version, else refused.
            let knowledge = try tables.load()
            let worklist = try WorklistMerge.merge(shards: shards, output: out, knowledge: knowledge)
            try WorklistMerge.write(worklist, knowledge: knowledge, to: out)
        }
    }
}
