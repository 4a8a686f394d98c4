/// The HL7 v2 reader's messages: what is wrong and what was done, never a value or an id.
enum HL7v2Messages {
    static let segmentTooLong = "HL7 segment longer than 1 MiB; segment skipped"
    static let notASegment = "line is not an HL7 segment; line skipped"
    static let segmentBeforeMSH = "HL7 segment before any MSH; segment skipped"
    static let badMSH = "MSH segment too short to hold its encoding characters; message skipped"
    static let noMessageType = "MSH has no MSH-9 message type; message skipped"
    static let valueRepeated = "OBX-5 holds several repetitions (~), so which is the result is not known; result skipped"
    static let offScale = ResultMessages.offScale("OBX-8 abnormal flag")
    static let notORU = "MSH-9 message type is not ORU^R01; message skipped"
    static let noMessage = "no HL7 message (no MSH segment); file skipped"
    static let noPatientID = "PID-3 has no patient identifier; the message's results skipped"
    static let onlySocialSecurityNumber =
        "PID-3's only identifier is a social security number (type SS), which is never used as a patient id; the message's results skipped"
    static let noPatient = "OBX before any PID with a patient identifier; the message's results skipped"
    static let birthDateInvalid = "PID-7 birth date is not a date; birth date not used"
    static let preliminary = ResultMessages.preliminary("OBX-11 result status is P (preliminary)")
    static let statusNotUsed = "OBX-11 result status is not F, C, P or R; result skipped"
    static let noValue = ResultMessages.noValue("OBX-5")
    static let valueInvalid = ResultMessages.valueInvalid("OBX-5")
    static let structuredInvalid = "OBX-5 structured numeric value is not a number or a censored one (a range or ratio); result skipped"
    static let valueType = "OBX-2 value type is not NM, SN or ST; result skipped"
    static let noTime = "OBX has no time (OBX-14) and its OBR has none (OBR-7, OBR-8); result skipped"
    static let timeInvalid = "observation time is not an HL7 date-time with a full date; result skipped"
    static let rangeInvalid = "OBX-7 reference range is not low-high, <high or >low; range not used"

    /// The file's closing counts: `2 OBX segments have no LOINC identifier (LN); skipped`.
    static let counts = ResultCodeCounts.Wording(result: CountedNoun("OBX", "OBX segments"), code: "LOINC identifier (LN)")
}
