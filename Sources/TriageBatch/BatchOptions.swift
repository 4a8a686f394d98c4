import TriageIngest
import TriageModel

/// What a nightly batch is asked to do (SPEC §8).
package struct BatchOptions: Sendable, Hashable {
    /// The input folder.
    package var input: String
    /// The output folder.
    package var output: String
    /// The as-of date.
    package var asOf: LocalDate
    /// Reader options (`--date-order`).
    package var readOptions: ReadOptions
    /// Parallel jobs, at least 1.
    package var jobs: Int
    /// Rewrite every report even when unchanged.
    package var full: Bool
    /// Skip the final flush to disk (`--no-sync`).
    package var noSync: Bool
    /// Files larger than this are refused.
    package var maxFileSize: Int
    /// The shard to keep, if the night is split.
    package var shard: Shard?

    /// Creates options.
    package init(
        input: String, output: String, asOf: LocalDate, readOptions: ReadOptions, jobs: Int = 1,
        full: Bool = false, noSync: Bool = false, maxFileSize: Int = 256 << 20, shard: Shard? = nil
    ) {
        self.input = input
        self.output = output
        self.asOf = asOf
        self.readOptions = readOptions
        self.jobs = max(1, jobs)
        self.full = full
        self.noSync = noSync
        self.maxFileSize = maxFileSize
        self.shard = shard
    }
}
