import TriageModel

/// What reading one input file came to: records of a known kind, or a refusal.
public enum FileReadOutcome: Sendable, Hashable {
    /// The file's kind was recognised and it was read (perhaps with row errors, perhaps
    /// rejected whole: see ``ReadResult/rejected``).
    case read(ReadResult)
    /// The file is of no known kind, or cannot be read as CSV or XML at all; the diagnostic
    /// says why and that the file was skipped.
    case refused(Diagnostic)
}
