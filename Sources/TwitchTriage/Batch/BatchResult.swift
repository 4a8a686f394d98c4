/// What a batch run came to, and the exit status it maps to (SPEC §8).
public struct BatchResult: Sendable, Hashable {
    /// How the run ended.
    public enum Outcome: String, Sendable, Hashable {
        /// Everything read and written (warnings allowed): exit 0.
        case ok
        /// Some input could not be read; everything else was written: exit 65.
        case inputProblems = "input-problems"
        /// Some output could not be written: exit 73.
        case outputFailed = "output-failed"

        /// The sysexits code.
        public var exitCode: Int32 {
            switch self {
            case .ok: 0
            case .inputProblems: 65
            case .outputFailed: 73
            }
        }
    }

    /// The outcome.
    public var outcome: Outcome
    /// Input files found.
    public var files: Int
    /// Input files refused whole.
    public var filesRefused: Int
    /// Patients in this run (this shard).
    public var patients: Int
    /// Reports (patient folders) written or rewritten.
    public var patientsWritten: Int
    /// Patients whose reports were already up to date.
    public var patientsUnchanged: Int
    /// Every problem, input and output, sorted.
    public var problems: [Diagnostic]
}
