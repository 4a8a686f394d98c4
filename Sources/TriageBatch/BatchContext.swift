import Logging
import TriageIngest
import TriageKnowledge
import TriageModel

/// What the batch's steps hand on to one another: the run's settings, and what each step has
/// found so far. Every step reads what earlier ones left and adds its own part.
struct BatchContext: Sendable {
    /// What to run.
    let options: BatchOptions
    /// The knowledge tables.
    let knowledge: Knowledge
    /// Where progress goes.
    let events: @Sendable (BatchEvent) -> Void
    /// Where logs go.
    let logger: Logger

    /// The lock on the output folder, held to the end of the run.
    var lock: OutputLock?
    /// The ledger.
    var ledger: Ledger?
    /// Completed runs in the ledger, newest first.
    var completedRuns: [Int64] = []
    /// The latest completed run's results by patient.
    var previous: [PatientID: Ledger.PreviousResult] = [:]
    /// This run's id in the ledger.
    var runID: Int64 = 0

    /// How the files are read (the options, the shard's patients).
    var reader: BatchPlan.Reader?
    /// The input files; let go once the plan holds what it needs of them (``fileCount``).
    var files: [InputDiscovery.Found] = []
    /// How many input files there were.
    var fileCount = 0
    /// What the first read of each file found, in file order.
    var reads: [BatchPlan.FirstRead] = []
    /// The shared files' parts and the single-patient files, by patient.
    var plan: BatchPlan?
    /// The patients this run builds, in id order.
    var turns: [PatientTurn] = []
    /// Patients with demographics only, counted by the file they are in.
    var demographicsOnly: [String: Int] = [:]
    /// Input files refused whole.
    var filesRefused = 0
    /// Problems for no patient.
    var unattributed: [Diagnostic] = []
    /// Each built patient's outcome, in id order.
    var outcomes: [PatientOutcome] = []
    /// Problems of the patients.
    var patientProblems: [Diagnostic] = []
    /// What the run came to, once the worklist step has it.
    var result: BatchResult?
    /// Set by a step that ends the run early (the worklist could not be written): the
    /// remaining steps are skipped and the run is not recorded.
    var stopped = false

    /// Sends a step's progress.
    func progress(_ step: String, done: Int, total: Int) {
        events(.progress(step: step, done: done, total: total))
    }
}
