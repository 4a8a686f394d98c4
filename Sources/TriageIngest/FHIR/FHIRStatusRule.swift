import TriageModel

/// Which FHIR Observation statuses are used (SPEC §3.9), and FHIR's quantity comparators.
enum FHIRStatusRule {
    /// What to do with a result of some status.
    enum Decision: Equatable {
        /// Used (`final`, `amended`, `corrected`, `unknown`, or no status).
        case use
        /// Used, and marked in the patient's report (`preliminary`).
        case useMarked
        /// Never used (`entered-in-error`, `cancelled`, `registered`); the status as written
        /// (a code, never a patient value).
        case skip(String)
    }

    /// The decision for a status as written.
    static func decide(_ status: String?) -> Decision {
        guard let status = status?.trimmingSpaces() else { return .use }
        switch status {
        case "entered-in-error", "cancelled", "registered": return .skip(status)
        case "preliminary": return .useMarked
        default: return .use
        }
    }

    /// A `Quantity.comparator` (`<`, `<=`, `>=`, `>`) as a ``LabValue/Comparator``; `.equal`
    /// when absent; nil for anything else.
    static func comparator(_ text: String?) -> LabValue.Comparator? {
        guard let text = text?.trimmingSpaces(), !text.isEmpty else { return .equal }
        switch text {
        case "<": return .lessThan
        case "<=": return .lessThanOrEqual
        case ">": return .greaterThan
        case ">=": return .greaterThanOrEqual
        default: return nil
        }
    }
}
