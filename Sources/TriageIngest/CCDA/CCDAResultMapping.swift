import TriageModel

/// Turns C-CDA Results-section observations into ``LabRecord``s (SPEC §3.9) and the
/// `recordTarget` into demographics.
///
/// - An observation is used when its `code` (or a `translation`) is LOINC
///   (2.16.840.1.113883.6.1) with the code of a known analyte; the others are counted per file.
/// - Value by `xsi:type`: PQ (`@value`, `@unit`); IVL_PQ with one bound (a low of 0 counts as
///   none) is censored: `high` gives `<=` (`<` when `inclusive="false"`), `low` gives `>=`
///   (`>`); ST is read as text (`<5`). A `nullFlavor` value is a data-quality note.
/// - Time: the observation's `effectiveTime`, else its organizer's.
/// - Range: the first `referenceRange/observationRange/value` low and high (not used, with a
///   warning, when a bound's unit is not the value's); flag from `interpretationCode` (L, H,
///   LL, HH, N, A).
/// - No patient (`recordTarget/patientRole/id/@extension`): an id with only a `root` (a UUID
///   or an OID naming the patient, SPEC §3.10) is the id, with a warning; without one every
///   result is skipped, with one error that says why (only a social security number; no id).
/// - Local codes (another code system than LOINC, on `code` or a `translation`): the site's
///   code map, else the `displayName` by name (``LocalCodeReading``). An observation of no
///   analyte that is flagged (`interpretationCode` other than N) is kept as an other result.
/// - Comments: an observation's Comment Activities (`entryRelationship/act/text`) and its own
///   `text` are its comment; an organizer's Comment Activities are every result's comment and
///   the panel's.
/// - An observation with `negationInd="true"` says the result is negated or the test was not
///   done: never used (a warning).
/// - `statusCode`: `completed` (or none) is used; `active` (not yet final) is used and marked
///   preliminary, like FHIR's `preliminary`; every other ActStatus (`aborted`, `cancelled`,
///   `nullified`, `obsolete`, `held`, `new`, `suspended`) is never used (a warning).
/// - A PQ's `value` may carry an exponent (HL7 v3 `REAL`: `1.5E1`) and keeps its digits.
/// - `interpretationCode` `<` or `>` (off scale): a plain value becomes censored at its
///   number (a warning); not a flag.
/// - The Results section is found by its LOINC code or by its templateId
///   (2.16.840.1.113883.10.20.22.2.3.1, or .2.3 with entries optional) when the code is missing.
struct CCDAResultMapping {
    let file: String
    /// The file in the run's file table, for the locations made per record.
    let fileID: SourceFileID
    private let knownCodes: Set<String>
    var patientID: String?
    var patientSource: SourceLocation?
    var gender: String?
    var birthTime: (text: String, location: SourceLocation)?
    private var result = ReadResult(kind: .ccda)
    private var counts = ResultCodeCounts()
    private var withoutPatient = 0
    /// Whether `recordTarget/patientRole` held an id under the US SSN root.
    var sawSocialSecurityNumber = false
    /// The first `recordTarget/patientRole/id` with a root and no extension.
    var rootOnlyID: (root: String, location: SourceLocation)?
    private var localCodes: LocalCodeReading
    /// Where the open organizer's results start.
    private var organizerStart = (labs: 0, others: 0)

    init(file: String, options: ReadOptions) {
        self.file = file
        self.fileID = SourceFileID(file)
        knownCodes = options.loincCodes
        localCodes = options.localCodes(file: file)
    }

    /// `recordTarget` ended: a root-only id is the patient id when no id had an extension.
    mutating func closeRecordTarget() {
        guard patientID == nil, let rootOnly = rootOnlyID else { return }
        patientID = rootOnly.root
        patientSource = rootOnly.location
        result.diagnostics.append(.warning(at: rootOnly.location, CCDAMessages.rootOnlyID, patientID: PatientID(rootOnly.root)))
    }

    /// An organizer of the Results section starts.
    mutating func openOrganizer() {
        organizerStart = (result.labs.count, result.otherResults.count)
    }

    /// An organizer ends: its comments go to each of its results and are their panel's.
    mutating func closeOrganizer(comments: [String]) {
        guard !comments.isEmpty else { return }
        let text = comments.joined(separator: "; ")
        for index in organizerStart.labs..<result.labs.count {
            result.labs[index].comment = result.labs[index].comment.map { $0 + "; " + text } ?? text
            result.labs[index].panelComment = result.labs[index].panelComment.map { $0 + "; " + text } ?? text
        }
        for index in organizerStart.others..<result.otherResults.count {
            result.otherResults[index].result.comment = result.otherResults[index].result.comment.map { $0 + "; " + text } ?? text
        }
    }

    mutating func map(_ observation: CCDAObservation, organizerTime: (text: String, location: SourceLocation)?) {
        let code = observation.loincCodes.first(where: { knownCodes.contains($0.code) })
        let local =
            code != nil
            ? nil
            : localCodes.identifyFirst(
                observation.localCodes, unit: observation.unit ?? observation.high?.unit ?? observation.low?.unit ?? "",
                at: observation.source, diagnostics: &result.diagnostics)
        guard code != nil || local != nil else {
            if !keepOther(observation, organizerTime: organizerTime) {
                counts.countUnidentified(hadLOINC: !observation.loincCodes.isEmpty)
            }
            return
        }
        guard let patientID else {
            withoutPatient += 1
            return
        }
        func skip(_ message: String, _ severity: Diagnostic.Severity = .error, at location: SourceLocation? = nil) {
            result.diagnostics.append(Diagnostic(severity, at: location ?? observation.source, message, patientID: PatientID(patientID)))
        }
        if observation.negated { return skip(CCDAMessages.negated, .warning) }
        if let status = observation.status {
            switch status.code {
            case "completed": break
            case "active": skip(CCDAMessages.active, .warning, at: status.location)
            default: return skip(CCDAMessages.statusNeverUsed(CCDAResultMapping.statusName(status.code)), .warning, at: status.location)
            }
        }
        let valueLocation = observation.valueLocation ?? observation.source
        if observation.nullFlavor != nil, observation.quantity == nil, observation.low == nil, observation.high == nil {
            return skip(CCDAMessages.nullFlavor, .warning, at: valueLocation)
        }
        guard let time = observation.effectiveTime ?? organizerTime else { return skip(CCDAMessages.noTime) }
        guard let collected = HL7v2DateTime.parse(time.text) else { return skip(CCDAMessages.timeInvalid, at: time.location) }
        var value: LabValue
        var unit: String?
        switch observation.valueType {
        case "PQ"?:
            guard let text = observation.quantity, let parsed = LabValue.exchangeDecimal(text) else {
                return skip(CCDAMessages.valueInvalid, at: valueLocation)
            }
            value = parsed
            unit = observation.unit
        case "IVL_PQ"?:
            let low = observation.low.flatMap { bound in NumberParser.parseAllowingExponent(bound.value).map { ($0, bound) } }
            let high = observation.high.flatMap { bound in NumberParser.parseAllowingExponent(bound.value).map { ($0, bound) } }
            switch (low, high) {
            case (let low?, nil):
                value = LabValue(low.0, comparator: low.1.inclusive ? .greaterThanOrEqual : .greaterThan)
                unit = low.1.unit
            case (let low, let high?) where low == nil || low!.0 == 0:
                value = LabValue(high.0, comparator: high.1.inclusive ? .lessThanOrEqual : .lessThan)
                unit = high.1.unit
            default:
                return skip(CCDAMessages.intervalNotCensored, at: valueLocation)
            }
        case "ST"?:
            guard let parsed = observation.text.withUnsafeBufferPointer({ LabValue.parse(XMLBytes.trimmed($0)) }) else {
                return skip(CCDAMessages.valueInvalid, at: valueLocation)
            }
            value = parsed
        case nil where observation.valueLocation == nil:
            return skip(CCDAMessages.noValue)
        default:
            return skip(CCDAMessages.valueType, at: valueLocation)
        }
        guard var range = ExchangeRecords.referenceRange(low: observation.rangeLow, high: observation.rangeHigh) else {
            return skip(CCDAMessages.rangeInvalid)
        }
        if range.low != nil || range.high != nil, let unit, !unit.isEmpty,
            observation.rangeUnits.contains(where: { $0.lowercased() != unit.lowercased() })
        {
            skip(CCDAMessages.rangeUnitDiffers, .warning)
            range = (nil, nil)
        }
        let (flag, censored, unread) = ExchangeRecords.interpret(observation.interpretation, value: &value)
        if censored, let written = observation.interpretation { skip(CCDAMessages.offScale, .warning, at: written.location) }
        if unread { counts.interpretationsNotRead += 1 }
        var ownUnit = unit ?? ""
        if ownUnit.trimmingSpaces().isEmpty, let mapUnit = local?.mapUnit { ownUnit = mapUnit }
        result.labs.append(
            ExchangeRecords.lab(
                source: observation.source, patientID: patientID, collected: collected, loinc: code?.code,
                loincLocation: code?.location ?? observation.source,
                value: value, valueLocation: valueLocation, unit: ownUnit, unitLocation: valueLocation,
                referenceLow: range.low, referenceHigh: range.high, flag: flag, analyte: local?.analyteID,
                comment: observation.comments.isEmpty ? nil : observation.comments.joined(separator: "; ")))
    }

    /// Keeps an observation of no analyte as an other result (SPEC §3.10) when it is flagged
    /// (`interpretationCode` other than N), has a patient, a usable status and a value; false otherwise.
    private mutating func keepOther(_ observation: CCDAObservation, organizerTime: (text: String, location: SourceLocation)?) -> Bool {
        guard let patientID, let flag = observation.interpretation?.text.trimmingSpaces(), !flag.isEmpty, flag != "N",
            !observation.negated, observation.status.map({ $0.code == "completed" || $0.code == "active" }) ?? true
        else { return false }
        var value: String
        var unit = observation.unit
        switch observation.valueType {
        case "PQ"?: value = observation.quantity ?? ""
        case "ST"?: value = observation.text.withUnsafeBufferPointer { String(decoding: XMLBytes.trimmed($0), as: UTF8.self) }
        case "IVL_PQ"?:
            if let high = observation.high, observation.low.map({ NumberParser.parseAllowingExponent($0.value) == 0 }) ?? true {
                value = (high.inclusive ? "<=" : "<") + high.value
                unit = high.unit
            } else if let low = observation.low, observation.high == nil {
                value = (low.inclusive ? ">=" : ">") + low.value
                unit = low.unit
            } else {
                value = ""
            }
        default: value = ""
        }
        value = value.trimmingSpaces()
        guard !value.isEmpty else { return false }
        let coded =
            observation.loincCodes.first.map { ($0.code, "2.16.840.1.113883.6.1", observation.loincDisplay ?? "") }
            ?? observation.localCodes.first.map { ($0.code, $0.system, $0.text) }
        let time = (observation.effectiveTime ?? organizerTime).flatMap { HL7v2DateTime.parse($0.text) }
        let name = coded.map { $0.2.isEmpty ? $0.0 : $0.2 } ?? ""
        result.otherResults.append(
            OtherLabRecord(
                patientID: PatientID(patientID),
                result: Referral.OtherResult(
                    name: name, code: coded?.0, system: coded?.1, value: value, unit: unit?.trimmingSpaces().isEmpty == false ? unit : nil,
                    flag: flag, collected: time, source: observation.source,
                    comment: observation.comments.isEmpty ? nil : observation.comments.joined(separator: "; "))))
        return true
    }

    /// A status code for a message: one of HL7's ActStatus codes as written, else `not one
    /// of HL7's ActStatus codes` (a message never carries free text from the file).
    static func statusName(_ code: String) -> String {
        switch code {
        case "aborted", "cancelled", "held", "new", "normal", "nullified", "obsolete", "suspended": return code
        default: return "not completed or active"
        }
    }

    /// The file's records and diagnostics, with its demographics and counts.
    mutating func finish() -> ReadResult {
        if let patientID {
            var birthDate: LocalDate?
            if let birthTime {
                birthDate = HL7v2DateTime.parse(birthTime.text)?.date
                if birthDate == nil {
                    result.diagnostics.append(
                        .warning(at: birthTime.location, CCDAMessages.birthTimeInvalid, patientID: PatientID(patientID)))
                }
            }
            let sex = gender.flatMap { PatientDemographics.Sex(text: $0) }
            if birthDate != nil || sex != nil {
                result.demographics.append(
                    ExchangeRecords.demographics(
                        source: patientSource ?? SourceLocation(fileID: fileID),
                        patientID: patientID, birthDate: birthDate, sex: sex))
            }
        } else {
            let message =
                sawSocialSecurityNumber ? CCDAMessages.onlySocialSecurityNumber(withoutPatient) : CCDAMessages.noPatient(withoutPatient)
            result.diagnostics.append(.error(at: SourceLocation(fileID: fileID), message))
        }
        counts.report(into: &result.diagnostics, fileID: fileID, CCDAMessages.counts)
        return result
    }
}
