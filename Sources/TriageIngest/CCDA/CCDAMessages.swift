/// The C-CDA reader's messages: what is wrong and what was done, never a value or an id.
enum CCDAMessages {
    static let nullFlavor = "observation value has a nullFlavor (no value reported); no result recorded"
    static let noTime = "observation has no effectiveTime and its organizer has none; result skipped"
    static let timeInvalid = "observation effectiveTime is not a date-time with a full date; result skipped"
    static let valueInvalid = "observation value is not a number (or a censored one such as <5); result skipped"
    static let intervalNotCensored = "observation IVL_PQ value has two bounds (a range, not a censored value); result skipped"
    static let noValue = "observation has no value; result skipped"
    static let valueType = "observation value is not of xsi:type PQ, IVL_PQ or ST; result skipped"
    static let rangeInvalid = "observation referenceRange low or high is not a number; result skipped"
    static let negated = "observation has negationInd=\"true\" (the result is negated or the test was not done); result never used"
    static let active = "observation statusCode is active (a result not yet final); result used and marked preliminary"
    static let offScale = "observation interpretationCode is off scale (< or >); value used as censored at the reported number"

    static func statusNeverUsed(_ status: String) -> String {
        "observation statusCode is \(status); result never used"
    }

    static let rangeUnitDiffers = "observation referenceRange is in another unit than the value; range not used (the default range applies)"
    static let birthTimeInvalid = "patient birthTime is not a date; birth date not used"

    static func noPatient(_ results: Int) -> String {
        "ClinicalDocument has no patient id (no recordTarget/patientRole/id with an extension or a root); \(results == 1 ? "1 result" : "\(results) results") skipped"
    }

    static func onlySocialSecurityNumber(_ results: Int) -> String {
        "ClinicalDocument's only patient id is a social security number (root 2.16.840.1.113883.4.1), which is never used as a patient id; \(results == 1 ? "1 result" : "\(results) results") skipped"
    }

    static let rootOnlyID = "recordTarget/patientRole/id has only a root (no extension): the root is used as the patient id; it must be the id the journal uses"

    static func unknownLOINC(_ count: Int) -> String {
        count == 1 ? "1 result observation has a LOINC code of no analyte twitch-triage reads; skipped"
            : "\(count) result observations have a LOINC code of no analyte twitch-triage reads; skipped"
    }

    static func noLOINC(_ count: Int) -> String {
        count == 1 ? "1 result observation has no LOINC code; skipped" : "\(count) result observations have no LOINC code; skipped"
    }
}
