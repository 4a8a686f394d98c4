/// The FHIR readers' messages: what is wrong and what was done, never a value or an id.
enum FHIRMessages {
    static let patientWithoutID = "Patient has no identifier and no id; patient skipped"
    static let patientOnlySocialSecurityNumber = "Patient's only identifier is a social security number, which is never used as a patient id, and it has no id; patient skipped"
    static let containedPatientOnlySocialSecurityNumber = "contained Patient's only identifier is a social security number, which is never used as a patient id; patient skipped"
    static let containedPatientWithoutIdentifier = "contained Patient has no identifier (its id names it only inside the resource that contains it, never a patient); patient skipped"
    static let birthDateInvalid = "Patient birthDate is not a full date; birth date not used"
    static let noSubject = "Observation subject does not name a patient (no Patient reference or identifier that resolves); result skipped"
    static let preliminary = "Observation status is preliminary; result used and marked preliminary"
    static let dataAbsent = "Observation has no value (dataAbsentReason given); no result recorded"
    static let noTime = "Observation has no effectiveDateTime, effectiveInstant, effectivePeriod.start or issued; result skipped"
    static let timeInvalid = "Observation effective time is not a full date or date-time; result skipped"
    static let timePartial = "Observation effective time gives only a year or a year and month, so the result cannot be placed on a day; result skipped"
    static let rangeUnitDiffers = "Observation referenceRange is in another unit than the value; range not used (the default range applies)"
    static let offScale = "Observation interpretation is off scale (< or >); value used as censored at the reported number"
    static let valueInvalid = "Observation value is not a number (or a censored one such as <5); result skipped"
    static let valueNotNumeric = "Observation value is not a valueQuantity, valueInteger or valueString; result skipped"
    static let noValue = "Observation has no value; result skipped"
    static let rangeInvalid = "Observation referenceRange low or high is not a number; result skipped"

    static func statusNeverUsed(_ status: String) -> String {
        "Observation status is \(status); result never used"
    }

    static func unknownLOINC(_ count: Int) -> String {
        count == 1 ? "1 Observation has a LOINC code of no analyte twitch-triage reads; skipped"
            : "\(count) Observations have a LOINC code of no analyte twitch-triage reads; skipped"
    }

    static func noLOINC(_ count: Int) -> String {
        count == 1 ? "1 Observation has no LOINC coding; skipped" : "\(count) Observations have no LOINC coding; skipped"
    }
}
