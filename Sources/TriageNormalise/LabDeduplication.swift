import TriageModel

/// A result that arrives twice, from two sources (an HL7 v2 message and its FHIR copy, a
/// C-CDA document and the lab's CSV), is used once (SPEC §3.9).
///
/// Two results are the same when they are the patient's, of the same analyte, taken on the
/// same day at the same minute (or both without a time of day), with the same canonical value
/// (comparator and number). Seconds and UTC offsets are not compared: exports of one result
/// differ in them (HL7 v2 writes no offset, FHIR usually does). The first in time-then-source
/// order is kept; each copy dropped becomes a warning at the kept result that names where the
/// copy was, so both sources stay in the report's evidence.
package enum LabDeduplication {
    private struct Key: Hashable {
        var analyte: AnalyteID
        var date: LocalDate
        var minute: Int?
        var comparator: LabValue.Comparator
        var number: Double
    }

    /// `labs` (sorted) without repeats, and a warning for each repeat dropped.
    package static func deduplicated(_ labs: [LabResult]) -> (labs: [LabResult], notes: [Diagnostic]) {
        guard labs.count > 1 else { return (labs, []) }
        var seen: [Key: LabResult] = [:]
        var kept: [LabResult] = []
        var notes: [Diagnostic] = []
        kept.reserveCapacity(labs.count)
        for lab in labs {
            let key = Key(
                analyte: lab.analyte, date: lab.collected.date, minute: lab.collected.timeOfDayMinutes,
                comparator: lab.canonical.value.comparator, number: lab.canonical.value.number)
            if let first = seen[key] {
                notes.append(.warning(at: first.source, message(copyAt: lab.source), patientID: lab.patientID))
                continue
            }
            seen[key] = lab
            kept.append(lab)
        }
        return (kept, notes)
    }

    static func message(copyAt location: SourceLocation) -> String {
        "the same result (analyte, time and value) is also reported at \(location.description); used once, both sources kept"
    }
}
