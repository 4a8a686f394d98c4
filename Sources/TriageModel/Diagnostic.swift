/// A problem with the input, as the user reads it: `file:line[:column]: what, and what was done`.
///
/// Diagnostics are values, not errors: a reader hands them back beside the records it could
/// read, and the report lists them under data quality. The message says both what is wrong and
/// what was done about it ("row skipped", "file skipped", "kept as unrecognised").
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How much of the input a problem cost.
    public enum Severity: String, Sendable, Hashable {
        /// The data was used, perhaps partly (an unknown column, an unrecognised term).
        case warning
        /// Data was lost: a row or a whole file was skipped.
        case error
    }

    /// Where the problem is.
    package var location: SourceLocation
    /// What is wrong, and what was done about it.
    package var message: String
    /// Whether data was lost.
    public var severity: Severity
    /// The patient the problem concerns, when the reader could tell; used to put the note in
    /// that patient's report. Never printed in logs.
    package var patientID: PatientID?
    /// For a lab row skipped because its unit does not fit the analyte, the analyte's id: the
    /// report then says the analyte was reported in a unit that does not fit, never that it
    /// was never measured (SPEC §6.2).
    package var misreportedAnalyte: AnalyteID?

    /// Creates a diagnostic.
    package init(_ severity: Severity, at location: SourceLocation, _ message: String, patientID: PatientID? = nil) {
        self.location = location
        self.message = message
        self.severity = severity
        self.patientID = patientID
    }

    /// Shorthand for a warning.
    package static func warning(at location: SourceLocation, _ message: String, patientID: PatientID? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, patientID: patientID)
    }

    /// Shorthand for an error.
    package static func error(at location: SourceLocation, _ message: String, patientID: PatientID? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, patientID: patientID)
    }

    /// `file:line:column: message`.
    public var description: String { "\(location.description): \(message)" }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}
