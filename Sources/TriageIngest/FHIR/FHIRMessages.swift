/// The FHIR readers' messages: what is wrong and what was done, never a value or an id.
enum FHIRMessages {
    static let patientWithoutID = "Patient has no identifier and no id; patient skipped"
    static let patientOnlySocialSecurityNumber =
        "Patient's only identifier is a social security number, which is never used as a patient id, and it has no id; patient skipped"
    static let containedPatientOnlySocialSecurityNumber =
        "contained Patient's only identifier is a social security number, which is never used as a patient id; patient skipped"
    static let containedPatientWithoutIdentifier =
        "contained Patient has no identifier (its id names it only inside the resource that contains it, never a patient); patient skipped"
    static let birthDateInvalid = "Patient birthDate is not a full date; birth date not used"
    static let noSubject = "Observation subject does not name a patient (no Patient reference or identifier that resolves); result skipped"
    static let preliminary = ResultMessages.preliminary("Observation status is preliminary")
    static let dataAbsent = "Observation has no value (dataAbsentReason given); no result recorded"
    static let noTime = "Observation has no effectiveDateTime, effectiveInstant, effectivePeriod.start or issued; result skipped"
    static let timeInvalid = "Observation effective time is not a full date or date-time; result skipped"
    static let timePartial =
        "Observation effective time gives only a year or a year and month, so the result cannot be placed on a day; result skipped"
    static let rangeUnitDiffers = ResultMessages.rangeUnitDiffers("Observation referenceRange")
    static let offScale = ResultMessages.offScale("Observation interpretation")
    static let valueInvalid = ResultMessages.valueInvalid("Observation")
    static let valueNotNumeric = "Observation value is not a valueQuantity, valueInteger or valueString; result skipped"
    static let noValue = ResultMessages.noValue("Observation")
    static let rangeInvalid = ResultMessages.rangeInvalid("Observation referenceRange")

    static func statusNeverUsed(_ status: String) -> String {
        ResultMessages.statusNeverUsed("Observation status", status)
    }

    /// The file's closing counts: `2 Observations have no LOINC coding; skipped`.
    static let counts = ResultCodeCounts.Wording(result: CountedNoun("Observation"), code: "LOINC coding")
}
