import TriageModel
import TriageIngest

/// What a nightly batch is asked to do (SPEC §8).
public struct BatchOptions: Sendable, Hashable {
    /// The input folder.
    public var input: String
    /// The output folder.
    public var output: String
    /// The as-of date.
    public var asOf: LocalDate
    /// Reader options (`--date-order`).
    public var readOptions: ReadOptions
    /// Parallel jobs, at least 1.
    public var jobs: Int
    /// Rewrite every report even when unchanged.
    public var full: Bool
    /// Skip the final flush to disk (`--no-sync`).
    public var noSync: Bool
    /// Files larger than this are refused.
    public var maxFileSize: Int
    /// The shard to keep, if the night is split.
    public var shard: Shard?

    /// Creates options.
    public init(input: String, output: String, asOf: LocalDate, readOptions: ReadOptions = ReadOptions(), jobs: Int = 1,
                full: Bool = false, noSync: Bool = false, maxFileSize: Int = 256 << 20, shard: Shard? = nil) {
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
