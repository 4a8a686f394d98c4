/// What a running batch reports as it goes, for a progress line or a log. Carries counts,
/// file names and step names only: never values, names or free text (SPEC §10).
public enum BatchEvent: Sendable, Hashable {
    /// A step starts: `[index/count] name`.
    case step(index: Int, count: Int, name: String)
    /// Files read so far, of the total.
    case filesRead(done: Int, total: Int)
    /// Patients finished so far, of the total.
    case patientsDone(done: Int, total: Int)
}
