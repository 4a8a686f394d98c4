import TriageModel

/// The one place where the exchange-format readers (FHIR, C-CDA, HL7 v2, Synthea, Apple
/// Health's `Me`) build their record values, and what they share in reading a result's flags:
/// a change to ``LabRecord`` or ``PatientDemographics`` touches these functions, not every
/// reader.
enum ExchangeRecords {
    /// A lab result identified by its LOINC code (the test name is left out: the readers keep
    /// only codes of a known analyte, so the code alone identifies it), or, with `analyte`, by a
    /// local code (SPEC §3.10: no LOINC code is kept then), with the lab's comments.
    ///
    /// Readers append the call's result straight into their array: a record built in a local
    /// variable and then appended was copied (a few hundred bytes and a retain per string) and
    /// destroyed, per result. The record is made by one initialiser call (a record filled in
    /// field by field was copied and destroyed again inside), and the function is inlined, as it
    /// was before it took the local code and the comments.
    @inline(__always)
    static func lab(
        source: SourceLocation, patientID: String, collected: Timestamp,
        loinc: String?, loincLocation: SourceLocation,
        value: LabValue, valueLocation: SourceLocation,
        unit: String, unitLocation: SourceLocation,
        referenceLow: Double? = nil, referenceHigh: Double? = nil,
        flag: (text: String, location: SourceLocation)? = nil,
        analyte: String? = nil, comment: String? = nil, panelComment: String? = nil
    ) -> LabRecord {
        LabRecord(
            source: source, patientID: PatientID(patientID), collected: collected, testName: nil,
            loinc: analyte == nil ? loinc.map { Term($0, at: loincLocation) } : nil,
            value: value, valueLocation: valueLocation, unit: Term(unit, at: unitLocation),
            referenceLow: referenceLow, referenceHigh: referenceHigh,
            flag: flag.map { Term($0.text, at: $0.location) }, lab: nil,
            analyte: analyte.map(AnalyteID.init(rawValue:)), comment: comment, panelComment: panelComment)
    }

    /// A reference range's bounds as written, each nil when not given; nil when a given bound
    /// is not a number (``NumberParser/parseAllowingExponent(_:)``). Inlined: it runs once per
    /// result.
    @inline(__always)
    static func referenceRange(low: String?, high: String?) -> (low: Double?, high: Double?)? {
        var range: (low: Double?, high: Double?) = (nil, nil)
        if let low {
            guard let number = NumberParser.parseAllowingExponent(low) else { return nil }
            range.low = number
        }
        if let high {
            guard let number = NumberParser.parseAllowingExponent(high) else { return nil }
            range.high = number
        }
        return range
    }

    /// Demographics: birth date and sex only (names are never read from exchange files).
    static func demographics(
        source: SourceLocation, patientID: String, birthDate: LocalDate?,
        sex: PatientDemographics.Sex?
    ) -> PatientDemographics {
        PatientDemographics(source: source, patientID: PatientID(patientID), birthDate: birthDate, sex: sex)
    }

    /// The interpretation and abnormal flags SPEC §3.9 reads (`L`, `H`, `LL`, `HH`, `N`, `A`);
    /// nil for any other code.
    static func flag(_ text: String) -> String? {
        switch text {  // as written, the usual case: no trimming or case change needed
        case "L", "H", "LL", "HH", "N", "A": return text
        case "": return nil
        default: break
        }
        let normal = text.trimmingSpaces().uppercased()
        switch normal {
        case "L", "H", "LL", "HH", "N", "A": return normal
        default: return nil
        }
    }

    /// The comparator an off-scale interpretation or abnormal flag means: `<` (below the
    /// instrument's low limit, HL7 v3 ObservationInterpretation and HL7 v2 table 0078) is
    /// `<`, `>` is `>`; nil for any other code. A reader gives it to a plain value, whose
    /// number is then the bound the lab could measure, and never keeps it as a flag.
    static func offScale(_ text: String) -> LabValue.Comparator? {
        switch text.trimmingSpaces() {
        case "<": return .lessThan
        case ">": return .greaterThan
        default: return nil
        }
    }

    /// What an interpretation or abnormal-flag code makes of a result: the flag kept
    /// (``flag(_:)``), or, for an off-scale `<`/`>` (``offScale(_:)``), no flag and a plain
    /// `value` censored at its number; `censored` says when the value was changed, so that the
    /// reader can warn in its own words; `unread` that a code was written that is neither
    /// (`AA`, `HU`, `U`…), which the reader counts (``interpretationsNotRead(_:_:)``).
    static func interpret(
        _ written: (text: String, location: SourceLocation)?,
        value: inout LabValue
    ) -> (flag: (text: String, location: SourceLocation)?, censored: Bool, unread: Bool) {
        guard let written, !written.text.trimmingSpaces().isEmpty else { return (nil, false, false) }
        guard let offScale = offScale(written.text) else {
            let flag = flag(written.text)
            return (flag.map { ($0, written.location) }, false, flag == nil)
        }
        guard value.comparator == .equal else { return (nil, false, false) }
        value.comparator = offScale
        return (nil, true, false)
    }

    /// The file's count of results whose interpretation code was not read (SPEC §3.9 reads L,
    /// H, LL, HH, N, A; `<` and `>` censor the value): said once per file, never per result.
    static func interpretationsNotRead(_ count: Int, _ noun: CountedNoun) -> String {
        noun.counted(
            count,
            have:
                "an interpretation code twitch-triage does not read (it reads L, H, LL, HH, N, A, < and >); used, and judged by the reference range"
        )
    }
}
