import TriageModel

/// Turns the resources of one top-level FHIR resource (a Bundle, or one resource, or one
/// NDJSON line) into records (SPEC §3.9), and keeps the file's counts.
///
/// - Patient: id by ``FHIRPatient/patientID``; `gender` and `birthDate` become demographics.
/// - Observation: used when one of its `code.coding`s is LOINC (`http://loinc.org`) with a
///   code of a known analyte; others are counted per file (one warning at the end), never
///   warned row by row. Status rules: ``FHIRStatusRule``. Subject: through the Bundle
///   (`fullUrl`, `Patient/id`), else a `Patient/ID` reference gives ID, else
///   `subject.identifier.value`; an Observation without a subject or time inherits them from
///   the panel Observation whose `hasMember` names it, else from the DiagnosticReport whose
///   `result` names it (``Context``). Time: `effectiveDateTime`,
///   else `effectivePeriod.start`, else `issued`. Value: `valueQuantity` (with its
///   comparator; unit the UCUM `code`, else `unit`) or a `valueString` such as `<5`.
///   `referenceRange` (the first) low/high, `interpretation` L/H/LL/HH/N/A.
/// - Patients seen earlier in the file resolve later references (an NDJSON export's
///   Patient lines resolve the Observation lines after them). A reference's `_history/N` is
///   dropped before it is looked up (it names a version of the same Patient).
/// - A `contained` Patient is named by `#id` only inside the resource that contains it, and
///   only through its identifier: its id is local, never a patient id (without an identifier
///   it is reported and skipped).
/// - LOINC: ``FHIRCodeSystem/isLOINC(_:)``. Decimals may carry an exponent (`1.5e2`, as
///   FHIR's `decimal` allows) and keep the digits written (`2.0`).
/// - `effectiveInstant` is read like `effectiveDateTime`; `valueInteger` like a
///   `valueQuantity` without a unit (the analyte's unit check then reports it).
/// - A time with only a year or a year and month (FHIR allows `2026`, `2026-10`) cannot be
///   placed on a day: reported, the result skipped, never guessed.
/// - A reference range whose `low` or `high` has another unit (`code`, else `unit`) than the
///   value is not used (a warning; the default range applies).
/// - Interpretation `<` or `>` (off scale): a plain value becomes censored at its number
///   (a warning); it is not a flag.
/// - Local codes (SPEC §3.10): a `code.coding` of another system is read through the site's
///   code map, else by its `display` or the `code.text` (``LocalCodeReading``). An Observation
///   of no analyte that is flagged (an interpretation other than N) is kept as an other result.
/// - Comments: `note.text` is the result's comment; the `conclusion` of the DiagnosticReport
///   whose `result` names it (or its panel) is its panel's comment.
struct FHIRMapping {
    let file: String
    /// The file in the run's file table, for the locations made per record.
    let fileID: SourceFileID
    private let knownCodes: Set<String>
    /// What the file gave so far.
    var result: ReadResult
    /// Patient ids by reference (`fullUrl`, `Patient/id`), for the whole file.
    private var patientsByReference: [String: String] = [:]
    /// Contained Patients' ids by their container's serial and `#id`, for the current
    /// top-level resource only.
    private var containedPatients: [ContainedKey: String] = [:]
    private struct ContainedKey: Hashable {
        var container: Int
        var reference: String
    }
    private var counts = ResultCodeCounts()
    private var localCodes: LocalCodeReading

    init(file: String, options: ReadOptions, kind: FileKind, size: Int = 0) {
        self.file = file
        self.fileID = SourceFileID(file)
        self.knownCodes = options.loincCodes
        self.localCodes = options.localCodes(file: file)
        self.result = ReadResult(kind: kind)
        // A FHIR Observation with a value is 250 bytes or more of JSON or XML (usually 500 or
        // more): room for the results up front, so the array is never copied as it grows (pages
        // never written cost address space only).
        result.labs.reserveCapacity(CSVFileReader.reservation(size / 250, of: LabRecord.self))
    }

    /// How many lab results were kept so far.
    var keptCount: Int { result.labs.count }

    /// The subject and time an Observation has, or inherits from the panel Observation whose
    /// `hasMember` names it, or from the DiagnosticReport whose `result` names it or its panel.
    struct Context {
        /// The ``FHIRObservation/serial`` of the resource whose subject this is (a `#id`
        /// reference names a resource contained in it).
        var scope: Int
        var subjectReference: String?
        var subjectIdentifier: String?
        var time: (text: String, location: SourceLocation)?
        /// The `conclusion` of the DiagnosticReport whose `result` names the Observation or its panel.
        var conclusion: String?
    }

    /// Maps one top-level resource's Observations, Patients and DiagnosticReports.
    mutating func map(observations: [FHIRObservation], patients: [FHIRPatient], reports: [FHIRDiagnosticReport]) {
        containedPatients.removeAll()
        for patient in patients { mapPatient(patient) }
        var reportByResult: [String: Int] = [:]
        for (index, report) in reports.enumerated() {
            for written in report.results {
                let reference = FHIRReference.withoutVersion(written)
                if reportByResult[reference] == nil { reportByResult[reference] = index }
            }
        }
        var panelByMember: [String: Int] = [:]
        // By index, the members read in place: `for (index, observation) in
        // observations.enumerated()` copied each whole Observation (a retain and a release of
        // each of its strings) to read one array that most leave empty.
        for index in observations.indices {
            for written in observations[index].members {
                let reference = FHIRReference.withoutVersion(written)
                if panelByMember[reference] == nil { panelByMember[reference] = index }
            }
        }
        func keys(_ observation: FHIRObservation) -> [String] {
            [observation.fullUrl, observation.id.map { "Observation/" + $0 }, observation.id.map { "#" + $0 }].compactMap { $0 }
        }
        // A conclusion is looked for only when a report has one: the keys are strings made per
        // Observation, and most files have no DiagnosticReport conclusion at all.
        let anyConclusion = reports.contains { $0.conclusion != nil }
        func context(_ index: Int, depth: Int) -> Context {
            // The fields are read in place: a copy of the whole Observation per result was a
            // retain and a release of each of its strings.
            var own = Context(
                scope: observations[index].serial, subjectReference: observations[index].subjectReference,
                subjectIdentifier: observations[index].subjectIdentifier,
                time: observations[index].effectiveDateTime ?? observations[index].effectivePeriodStart
                    ?? observations[index].issued)
            var found: [String]?
            if anyConclusion {
                let names = keys(observations[index])
                found = names
                if let report = names.lazy.compactMap({ reportByResult[$0] }).first {
                    own.conclusion = reports[report].conclusion
                } else if depth < 8, let panel = names.lazy.compactMap({ panelByMember[$0] }).first, panel != index {
                    own.conclusion = context(panel, depth: depth + 1).conclusion
                }
            }
            guard own.time == nil || (own.subjectReference == nil && own.subjectIdentifier == nil) else { return own }
            let names = found ?? keys(observations[index])
            var inherited: Context?
            if depth < 8, let panel = names.lazy.compactMap({ panelByMember[$0] }).first, panel != index {
                inherited = context(panel, depth: depth + 1)
            } else if let report = names.lazy.compactMap({ reportByResult[$0] }).first.map({ reports[$0] }) {
                inherited = Context(
                    scope: report.serial, subjectReference: report.subjectReference, subjectIdentifier: report.subjectIdentifier,
                    time: report.effectiveDateTime ?? report.effectivePeriodStart ?? report.issued)
            }
            if let inherited {
                if own.subjectReference == nil, own.subjectIdentifier == nil {
                    own.scope = inherited.scope
                    own.subjectReference = inherited.subjectReference
                    own.subjectIdentifier = inherited.subjectIdentifier
                }
                if own.time == nil { own.time = inherited.time }
            }
            return own
        }
        for index in observations.indices {
            mapObservation(observations[index], context: context(index, depth: 0))
        }
    }

    /// The file's closing counts, added once the whole file is read.
    mutating func finish() {
        counts.report(into: &result.diagnostics, fileID: fileID, FHIRMessages.counts)
    }

    private mutating func mapPatient(_ patient: FHIRPatient) {
        guard let id = patientID(of: patient, contained: patient.containedIn != nil) else { return }
        if let container = patient.containedIn {
            if let local = patient.id?.trimmingSpaces(), !local.isEmpty {
                containedPatients[ContainedKey(container: container, reference: "#" + local)] = id
            }
            return demographics(patient, id: id)
        }
        if let fullUrl = patient.fullUrl { patientsByReference[fullUrl] = id }
        if let resourceID = patient.id?.trimmingSpaces(), !resourceID.isEmpty {
            patientsByReference["Patient/" + resourceID] = id
            if resourceID != id { result.patientResources[resourceID] = id }
        }
        // An absolute fullUrl (`https://…/Patient/123`) names the Patient that a relative
        // `Patient/123` in the same Bundle names (FHIR R4, resolving references in Bundles),
        // also when the resource omits its id.
        if let fullUrl = patient.fullUrl, let urlID = FHIRReference.patientID(in: fullUrl), patientsByReference["Patient/" + urlID] == nil {
            patientsByReference["Patient/" + urlID] = id
            if urlID != id, result.patientResources[urlID] == nil { result.patientResources[urlID] = id }
        }
        demographics(patient, id: id)
    }

    /// The patient id of `patient`, or nil after an error that says why it has none. A
    /// contained resource's id is local to the resource that holds it: it names the patient
    /// only through an identifier.
    private mutating func patientID(of patient: FHIRPatient, contained: Bool) -> String? {
        if let id = contained ? patient.identifierPatientID : patient.patientID { return id }
        let message =
            switch (contained, patient.socialSecurityNumberLeftOut) {
            case (true, true): FHIRMessages.containedPatientOnlySocialSecurityNumber
            case (true, false): FHIRMessages.containedPatientWithoutIdentifier
            case (false, true): FHIRMessages.patientOnlySocialSecurityNumber
            case (false, false): FHIRMessages.patientWithoutID
            }
        result.diagnostics.append(.error(at: patient.source, message))
        return nil
    }

    private mutating func demographics(_ patient: FHIRPatient, id: String) {
        var birthDate: LocalDate?
        if let written = patient.birthDate {
            birthDate = LocalDate(iso: written.text.trimmingSpaces())
            if birthDate == nil {
                result.diagnostics.append(.warning(at: written.location, FHIRMessages.birthDateInvalid, patientID: PatientID(id)))
            }
        }
        let sex = patient.gender.flatMap { PatientDemographics.Sex(text: $0) }
        guard birthDate != nil || sex != nil else { return }
        result.demographics.append(
            ExchangeRecords.demographics(
                source: patient.source, patientID: id,
                birthDate: birthDate, sex: sex))
    }

    private mutating func mapObservation(_ observation: FHIRObservation, context: Context) {
        let code = observation.loincCodes.first(where: { knownCodes.contains($0.code) })
        let local =
            code != nil
            ? nil
            : localCodes.identifyFirst(
                observation.otherCodings.map { ($0.system, $0.code, $0.display.isEmpty ? observation.codeText ?? "" : $0.display) },
                unit: (observation.quantityCode?.text.trimmingSpaces()).flatMap { $0.isEmpty ? nil : $0 }
                    ?? observation.quantityUnit?.text.trimmingSpaces() ?? "",
                at: observation.source, diagnostics: &result.diagnostics)
        guard code != nil || local != nil else {
            if !keepOther(observation, context: context) {
                counts.countUnidentified(hadLOINC: !observation.loincCodes.isEmpty)
            }
            return
        }
        guard let patientID = resolve(reference: context.subjectReference, identifier: context.subjectIdentifier, scope: context.scope)
        else {
            result.diagnostics.append(.error(at: observation.source, FHIRMessages.noSubject))
            return
        }
        func note(_ message: String, _ severity: Diagnostic.Severity = .error) {
            result.diagnostics.append(Diagnostic(severity, at: observation.source, message, patientID: PatientID(patientID)))
        }
        switch FHIRStatusRule.decide(observation.status) {
        case .skip(let status): return note(FHIRMessages.statusNeverUsed(status), .warning)
        case .useMarked: note(FHIRMessages.preliminary, .warning)
        case .use: break
        }
        if observation.dataAbsent, observation.quantityValue == nil, observation.valueString == nil {
            return note(FHIRMessages.dataAbsent, .warning)
        }
        guard let time = context.time else { return note(FHIRMessages.noTime) }
        guard let collected = DateParser.parse(time.text, order: nil) else {
            return note(FHIRMapping.isPartialDate(time.text) ? FHIRMessages.timePartial : FHIRMessages.timeInvalid)
        }

        var value: LabValue
        let valueLocation: SourceLocation
        var unit: (text: String, location: SourceLocation)?
        if let quantity = observation.quantityValue {
            // FHIR keeps a decimal's precision as written (`2.0` is not `2`).
            guard let comparator = FHIRStatusRule.comparator(observation.quantityComparator),
                let parsed = LabValue.exchangeDecimal(quantity.text, comparator: comparator)
            else {
                return note(FHIRMessages.valueInvalid)
            }
            value = parsed
            valueLocation = quantity.location
            if let code = observation.quantityCode, !code.text.trimmingSpaces().isEmpty {
                unit = code
            } else if let written = observation.quantityUnit, !written.text.trimmingSpaces().isEmpty {
                unit = written
            }
        } else if let string = observation.valueString {
            guard let parsed = LabValue.parse(string.text) else { return note(FHIRMessages.valueInvalid) }
            value = parsed
            valueLocation = string.location
        } else {
            return note(observation.otherValue ? FHIRMessages.valueNotNumeric : FHIRMessages.noValue)
        }
        guard var range = ExchangeRecords.referenceRange(low: observation.referenceLow, high: observation.referenceHigh) else {
            return note(FHIRMessages.rangeInvalid)
        }
        if range.low != nil || range.high != nil, let valueUnit = unit?.text,
            !FHIRMapping.sameUnit(valueUnit, observation.referenceLowUnit)
                || !FHIRMapping.sameUnit(valueUnit, observation.referenceHighUnit)
        {
            note(FHIRMessages.rangeUnitDiffers, .warning)
            range = (nil, nil)
        }
        let (flag, censored, unread) = ExchangeRecords.interpret(observation.interpretation, value: &value)
        if censored { note(FHIRMessages.offScale, .warning) }
        if unread { counts.interpretationsNotRead += 1 }
        var unitText = unit?.text.trimmingSpaces() ?? ""
        if unitText.isEmpty, let mapUnit = local?.mapUnit { unitText = mapUnit }
        let conclusion = context.conclusion?.trimmingSpaces()
        result.labs.append(
            ExchangeRecords.lab(
                source: observation.source, patientID: patientID, collected: collected,
                loinc: code?.code, loincLocation: code?.location ?? observation.source, value: value,
                valueLocation: valueLocation,
                unit: unitText, unitLocation: unit?.location ?? valueLocation,
                referenceLow: range.low, referenceHigh: range.high, flag: flag, analyte: local?.analyteID,
                comment: observation.notes.isEmpty ? nil : observation.notes.joined(separator: "; "),
                panelComment: conclusion?.isEmpty == false ? conclusion : nil))
    }

    /// Keeps an Observation of no analyte as an other result (SPEC §3.10) when it is flagged
    /// (an interpretation other than N), its subject resolves, its status is used and it has a
    /// value; false otherwise.
    private mutating func keepOther(_ observation: FHIRObservation, context: Context) -> Bool {
        guard let flag = observation.interpretation?.text.trimmingSpaces(), !flag.isEmpty, flag != "N" else { return false }
        if case .skip = FHIRStatusRule.decide(observation.status) { return false }
        let value = ((observation.quantityComparator ?? "") + (observation.quantityValue?.text ?? observation.valueString?.text ?? ""))
            .trimmingSpaces()
        guard !value.isEmpty,
            let patientID = resolve(reference: context.subjectReference, identifier: context.subjectIdentifier, scope: context.scope)
        else { return false }
        let coding =
            observation.loincCodes.first.map { (system: "http://loinc.org", code: $0.code, display: observation.loincDisplay ?? "") }
            ?? observation.otherCodings.first
        let name = observation.codeText ?? coding.map { $0.display.isEmpty ? $0.code : $0.display } ?? ""
        let unit = (observation.quantityUnit?.text ?? observation.quantityCode?.text)?.trimmingSpaces()
        let time = context.time.flatMap { DateParser.parse($0.text, order: nil) }
        result.otherResults.append(
            OtherLabRecord(
                patientID: PatientID(patientID),
                result: Referral.OtherResult(
                    name: name, code: coding?.code, system: coding?.system, value: value, unit: unit?.isEmpty == false ? unit : nil,
                    flag: flag, collected: time, source: observation.source,
                    comment: observation.notes.isEmpty ? nil : observation.notes.joined(separator: "; "))))
        return true
    }

    /// Whether a FHIR `dateTime` is a year or a year and month only (`2026`, `2026-10`): FHIR
    /// allows them, but such a result cannot be placed on a day, so it is reported, not guessed.
    static func isPartialDate(_ text: String) -> Bool {
        let bytes = Array(text.trimmingSpaces().utf8)
        let digits = { (range: Range<Int>) in range.allSatisfy { bytes[$0] &- 0x30 < 10 } }
        return (bytes.count == 4 && digits(0..<4)) || (bytes.count == 7 && digits(0..<4) && bytes[4] == 0x2D && digits(5..<7))
    }

    /// Whether a reference range bound's unit (its `code`, else its `unit`; none counts as the
    /// same) is the value's unit, compared without case (`mmol/l` is `mmol/L`).
    static func sameUnit(_ valueUnit: String, _ bound: (code: String?, unit: String?)) -> Bool {
        let code = bound.code?.trimmingSpaces() ?? ""
        let written = code.isEmpty ? bound.unit?.trimmingSpaces() ?? "" : code
        return written.isEmpty || written.lowercased() == valueUnit.trimmingSpaces().lowercased()
    }

    /// The patient id a subject names (SPEC §3.9), or nil.
    private mutating func resolve(reference: String?, identifier: String?, scope: Int) -> String? {
        if let written = reference?.trimmingSpaces(), !written.isEmpty {
            if written.hasPrefix("#") { return containedPatients[ContainedKey(container: scope, reference: written)] }
            let reference = FHIRReference.withoutVersion(written)
            if let id = patientsByReference[reference] { return id }
            if let id = FHIRReference.patientID(in: reference) {
                // No Patient resource of this file is named: another file's may be.
                result.referencedPatients.insert(id)
                return id
            }
        }
        if let identifier = identifier?.trimmingSpaces(), !identifier.isEmpty { return identifier }
        return nil
    }
}
