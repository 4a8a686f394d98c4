import TriageModel

/// What a batch run came to, and the exit status it maps to (SPEC §8).
package struct BatchResult: Sendable, Hashable {
    /// How the run ended.
    package enum Outcome: String, Sendable, Hashable {
        /// Everything read and written (warnings allowed): exit 0.
        case ok
        /// Some input could not be read; everything else was written: exit 65.
        case inputProblems = "input-problems"
        /// Some output could not be written: exit 73.
        case outputFailed = "output-failed"

        /// The kind of failure, nil when the run went well.
        package var category: TriageError.Category? {
            switch self {
            case .ok: nil
            case .inputProblems: .input
            case .outputFailed: .output
            }
        }

        /// The sysexits code (0 when the run went well).
        package var exitCode: Int32 { category?.exitCode ?? 0 }
    }

    /// The outcome.
    package var outcome: Outcome
    /// Input files found.
    package var files: Int
    /// Input files refused whole.
    package var filesRefused: Int
    /// Patients in this run (this shard).
    package var patients: Int
    /// Reports (patient folders) written or rewritten.
    package var patientsWritten: Int
    /// Patients whose reports were already up to date.
    package var patientsUnchanged: Int
    /// Every problem, input and output, sorted.
    package var problems: [Diagnostic]
}
