import TriageModel

/// One of N slices of a night's patients (`--shard K/N`), chosen by a stable hash of the
/// patient id, so N processes (a Kubernetes Indexed Job, a Slurm array) split a night and each
/// patient lands in exactly one.
package struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// This shard, 0..<count.
    package var index: Int
    /// The number of shards.
    package var count: Int

    /// Creates a shard, or nil when `index` is not in 0..<count.
    package init?(index: Int, count: Int) {
        guard count >= 1, (0..<count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `--shard`: `K/N`, or `auto/N` with K from `JOB_COMPLETION_INDEX` (a Kubernetes
    /// Indexed Job) or `SLURM_ARRAY_TASK_ID` (a Slurm array) in `environment`.
    ///
    /// - Throws: ``TriageError`` (usage) saying what `--shard` must be.
    package init(parsing text: String, environment: [String: String]) throws(TriageError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        var indexText = parts.first.map(String.init) ?? ""
        if indexText == "auto" {
            guard let fromEnvironment = environment["JOB_COMPLETION_INDEX"] ?? environment["SLURM_ARRAY_TASK_ID"] else {
                throw TriageError(.usage("--shard auto/N needs JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID in the environment."))
            }
            indexText = fromEnvironment
        }
        guard parts.count == 2, let index = Int(indexText), let count = Int(parts[1]), let shard = Shard(index: index, count: count) else {
            throw TriageError(.usage("--shard must be K/N or auto/N with 0 <= K < N, like 0/4; not '\(text)'."))
        }
        self = shard
    }

    /// Whether the patient belongs to this shard.
    package func contains(patientID: PatientID) -> Bool {
        Int(Self.stableHash(patientID.rawValue) % UInt64(count)) == index
    }

    /// FNV-1a, 64 bits, over the id's UTF-8: the same on every host and every run (Swift's
    /// `hashValue` is seeded per process and must not be used).
    package static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// `K/N`.
    package var description: String { "\(index)/\(count)" }
}
