/// The C-CDA reader's messages: what is wrong and what was done, never a value or an id.
enum CCDAMessages {
    static let nullFlavor = "observation value has a nullFlavor (no value reported); no result recorded"
    static let noTime = "observation has no effectiveTime and its organizer has none; result skipped"
    static let timeInvalid = "observation effectiveTime is not a date-time with a full date; result skipped"
    static let valueInvalid = ResultMessages.valueInvalid("observation")
    static let intervalNotCensored = "observation IVL_PQ value has two bounds (a range, not a censored value); result skipped"
    static let noValue = ResultMessages.noValue("observation")
    static let valueType = "observation value is not of xsi:type PQ, IVL_PQ or ST; result skipped"
    static let rangeInvalid = ResultMessages.rangeInvalid("observation referenceRange")
    static let negated = "observation has negationInd=\"true\" (the result is negated or the test was not done); result never used"
    static let active = ResultMessages.preliminary("observation statusCode is active (a result not yet final)")
    static let offScale = ResultMessages.offScale("observation interpretationCode")

    static func statusNeverUsed(_ status: String) -> String {
        ResultMessages.statusNeverUsed("observation statusCode", status)
    }

    static let rangeUnitDiffers = ResultMessages.rangeUnitDiffers("observation referenceRange")
    static let birthTimeInvalid = "patient birthTime is not a date; birth date not used"

    static func noPatient(_ results: Int) -> String {
        "ClinicalDocument has no patient id (no recordTarget/patientRole/id with an extension or a root); \(CountedNoun("result").counted(results)) skipped"
    }

    static func onlySocialSecurityNumber(_ results: Int) -> String {
        "ClinicalDocument's only patient id is a social security number (root 2.16.840.1.113883.4.1), which is never used as a patient id; \(CountedNoun("result").counted(results)) skipped"
    }

    static let rootOnlyID =
        "recordTarget/patientRole/id has only a root (no extension): the root is used as the patient id; it must be the id the journal uses"

    /// The file's closing counts: `2 result observations have no LOINC code; skipped`, and
    /// `2 observations have an interpretation code …`.
    static let counts = ResultCodeCounts.Wording(
        result: CountedNoun("observation"), coded: CountedNoun("result observation"),
        code: "LOINC code")
}
