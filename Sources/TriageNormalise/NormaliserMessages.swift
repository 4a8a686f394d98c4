import TriageIngest
import TriageKnowledge
import TriageModel

/// The messages the normaliser puts in diagnostics, in one place so that tests and the README
/// quote them exactly.
///
/// Privacy: diagnostics reach stderr and logs, so no message holds a term as the patient wrote
/// it, a value, or a patient id. Analyte names and units come from the knowledge tables.
enum NormaliserMessages {
    static let unrecognisedLocation = unrecognised("location")
    static let unrecognisedSide = unrecognised("side")
    static let unrecognisedTrigger = unrecognised("trigger")
    static let symptomTextNotUnderstood = "symptom text not understood; kept for a clinician to read"
    static let unrecognisedSymptomLocation = unrecognised("symptom location")
    static let unrecognisedExercise = unrecognised("exercise level")
    static let sideConflict = "side in the location disagrees with the side column; the location's side kept"
    static func phoneDaysAfterAsOf(_ count: Int, asOf: LocalDate) -> String {
        "Apple Health export has \(CountedNoun("day").counted(count)) after the as-of date \(asOf); \(count == 1 ? "that day" : "those days") ignored"
    }
    /// `entry dated after the as-of date 2026-11-20; entry ignored`.
    static func afterAsOf(_ record: String, asOf: LocalDate) -> String {
        "\(record) dated after the as-of date \(asOf); \(record) ignored"
    }
    static let weaknessConflict = "weakness column says none but a weakness symptom is listed; both kept"

    static let unknownTest = "test is not one of the recognised analytes; result not used"
    static func unknownLOINC(matchedByName analyte: String) -> String {
        "LOINC code is not one the knowledge tables list; matched by test name as \(analyte)"
    }
    static func nameDisagreesWithLOINC(_ analyte: String) -> String {
        "test name and LOINC code name different analytes; the LOINC code's analyte (\(analyte)) used"
    }
    static func unitMismatch(_ analyte: AnalyteDefinition) -> String {
        "unit does not fit the analyte (\(analyte.id) is reported in \(analyte.unitList)); row skipped"
    }
    static func unitMissing(_ analyte: AnalyteDefinition) -> String {
        "no unit given (\(analyte.id) is reported in \(analyte.unitList)); row skipped"
    }
    static let negativeValue = "value is below zero; row skipped"
    static let invalidReportedRange = "reference range low is not below high; the default range used"
    static let flagDisagrees = "lab flag disagrees with the reference range; computed status kept"
    static let unrecognisedFlag = "unrecognised lab flag; kept as reported"

    /// `unrecognised side; kept as unrecognised`: a journal term the vocabulary does not know,
    /// kept (as unrecognised) for a clinician to read.
    private static func unrecognised(_ what: String) -> String {
        "unrecognised \(what); kept as unrecognised"
    }
}
