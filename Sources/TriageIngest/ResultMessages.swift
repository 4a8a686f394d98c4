/// The words the lab readers (HL7 v2, FHIR, C-CDA, the lab XML) share for the same problem with
/// a result, so that it reads alike in every format: each reader's messages file names its own
/// element or field (`OBX-5`, `Observation`, `observation`, `result`) and these say what is
/// wrong and what was done.
enum ResultMessages {
    /// `OBX-5 has no value; result skipped`.
    static func noValue(_ value: String) -> String {
        "\(value) has no value; result skipped"
    }

    /// `OBX-5 value is not a number (or a censored one such as <5); result skipped`.
    static func valueInvalid(_ value: String) -> String {
        "\(value) value is not a number (or a censored one such as <5); result skipped"
    }

    /// `OBX-8 abnormal flag is off scale (< or >); value used as censored at the reported number`.
    static func offScale(_ flag: String) -> String {
        "\(flag) is off scale (< or >); value used as censored at the reported number"
    }

    /// `Observation referenceRange low or high is not a number; result skipped`.
    static func rangeInvalid(_ range: String) -> String {
        "\(range) low or high is not a number; result skipped"
    }

    /// `Observation referenceRange is in another unit than the value; range not used (the default range applies)`.
    static func rangeUnitDiffers(_ range: String) -> String {
        "\(range) is in another unit than the value; range not used (the default range applies)"
    }

    /// `Observation status is cancelled; result never used`.
    static func statusNeverUsed(_ field: String, _ status: String) -> String {
        "\(field) is \(status); result never used"
    }

    /// `OBX-11 result status is P (preliminary); result used and marked preliminary`.
    static func preliminary(_ why: String) -> String {
        "\(why); result used and marked preliminary"
    }
}
