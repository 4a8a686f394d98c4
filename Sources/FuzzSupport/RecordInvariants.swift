import TriageIngest
import TriageModel

/// Checks every diagnostic of a read: as ``checkDiagnostic(message:file:line:column:expectedFile:sentinelAllowed:)``.
package func checkDiagnostics(_ diagnostics: [Diagnostic], file: String, sentinelAllowed: Bool = false) {
    for diagnostic in diagnostics {
        let location = diagnostic.location
        checkDiagnostic(
            message: diagnostic.message, file: location.file, line: location.line, column: location.column,
            expectedFile: file, sentinelAllowed: sentinelAllowed)
    }
}

/// Checks a journal record: a patient id, counts and scores in range, every amount finite and
/// at least 0 (sleep at most 24 hours, stress at most 10).
package func checkJournalRecord(_ entry: JournalRecord) {
    check(!entry.patientID.rawValue.isEmpty, "journal record without patient id")
    check((entry.twitchCount ?? 0) >= 0 && (0...3).contains(entry.weakness ?? 0), "count or weakness out of range")
    checkNumber(entry.durationMinutes, atLeastZero, "duration")
    checkNumber(entry.lifestyle.caffeineMilligrams, atLeastZero, "caffeine")
    checkNumber(entry.lifestyle.alcoholUnits, atLeastZero, "alcohol")
    checkNumber(entry.lifestyle.waterLitres, atLeastZero, "water")
    checkNumber(entry.lifestyle.sleepHours, 0...24, "sleep")
    checkNumber(entry.lifestyle.stress, 0...10, "stress")
}

/// Checks a lab record: a patient id and finite numbers, and what identifies its test: from an
/// exchange format (`coded`), a LOINC code, else a unit and a test name or a LOINC code; either
/// way a local code the reader resolved to an analyte does instead (SPEC §3.10).
package func checkLabRecord(_ lab: LabRecord, coded: Bool) {
    if coded {
        check(!lab.patientID.rawValue.isEmpty && (lab.loinc != nil || lab.analyte != nil), "lab record without patient id or code")
    } else {
        check(!lab.patientID.rawValue.isEmpty && !lab.unit.text.isEmpty, "lab record without patient id or unit")
        check(lab.testName != nil || lab.loinc != nil || lab.analyte != nil, "lab record without test, loinc or analyte")
    }
    checkNumber(lab.value.number, anyFiniteNumber, "value")
    checkNumber(lab.referenceLow, anyFiniteNumber, "low")
    checkNumber(lab.referenceHigh, anyFiniteNumber, "high")
}

/// Checks what a reader made of a file: every diagnostic (as ``checkDiagnostics(_:file:sentinelAllowed:)``),
/// no records in a rejected file, and every record (``checkJournalRecord(_:)``,
/// ``checkLabRecord(_:coded:)``, a patient id on every demographics row).
///
/// - Returns: the read result, for a target's own further checks; nil for a refused file.
@discardableResult
package func checkOutcome(_ outcome: FileReadOutcome, file: String, coded: Bool, sentinelAllowed: Bool = false) -> ReadResult? {
    switch outcome {
    case .refused(let diagnostic):
        checkDiagnostics([diagnostic], file: file, sentinelAllowed: sentinelAllowed)
        return nil
    case .read(let result):
        checkDiagnostics(result.diagnostics, file: file, sentinelAllowed: sentinelAllowed)
        if result.rejected { check(result.journal.isEmpty && result.labs.isEmpty && result.demographics.isEmpty, "rejected with records") }
        result.journal.forEach(checkJournalRecord)
        for lab in result.labs { checkLabRecord(lab, coded: coded) }
        for patient in result.demographics { check(!patient.patientID.rawValue.isEmpty, "patient without id") }
        return result
    }
}
