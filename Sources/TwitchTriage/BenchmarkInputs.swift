import TriageBatch
import TriageIngest
import TriageKnowledge
import TriageModel

/// What the Benchmarks packages build their referrals from: every patient's record under some
/// paths, read as `report` and the batch read them (the batch's steps, through `Ingestion`,
/// which is the package's own).
public enum BenchmarkInputs {
    /// Every patient with journal or lab data under `paths`, sorted by id, read with the
    /// default reader options of `knowledge`.
    ///
    /// - Throws: the library's error (input) when a path does not exist or cannot be listed.
    public static func records(under paths: [String], knowledge: Knowledge, asOf: LocalDate) throws -> [PatientRecord] {
        try Ingestion.run(paths: paths, options: ReadOptions(knowledge: knowledge), knowledge: knowledge, asOf: asOf).patients
    }
}
