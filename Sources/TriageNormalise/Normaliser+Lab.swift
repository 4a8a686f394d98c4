import TriageKnowledge
import TriageModel

extension Normaliser {
    /// Identifies, converts and classifies one lab result, or returns nil when it cannot be used.
    ///
    /// - The analyte is found by LOINC code, else by test name. A recognised code wins over a
    ///   name that says otherwise (warning); an unknown code with a recognised name is matched
    ///   by the name (warning); neither recognised is a warning and nil.
    /// - A unit the analyte is not reported in (potassium in mg/dL) is an error and nil: never
    ///   converted. A negative value is an error and nil.
    /// - The value goes to the canonical unit (`reported × factor + offset`), rounded to the
    ///   analyte's decimals; the reported value and unit are kept beside it.
    /// - The row's own reference range (converted with the same factor) wins over the default.
    ///   It is compared with the value in the reported unit, exactly as the lab printed both;
    ///   the default is compared with the rounded canonical value. Critical limits always come
    ///   from the knowledge tables, compared with the rounded canonical value. See
    ///   ``LabClassifier`` for limits and censored values.
    /// - `stale` when collected more than `stale-lab-days` before the as-of date.
    /// - The lab's flag is kept as written; one that disagrees with the computed status is a
    ///   warning and the computed status is kept.
    ///
    /// - Parameters:
    ///   - record: the result as read.
    ///   - diagnostics: where warnings and errors are appended.
    package func labResult(from record: LabRecord, diagnostics: inout [Diagnostic]) -> LabResult? {
        let patient = record.patientID
        guard let (analyte, loinc) = identify(record, diagnostics: &diagnostics) else { return nil }

        let unitText = record.unit.text.trimmingSpaces()
        guard let unit = analyte.unit(matching: unitText) else {
            let message = unitText.isEmpty ? NormaliserMessages.unitMissing(analyte) : NormaliserMessages.unitMismatch(analyte)
            var diagnostic = Diagnostic.error(at: record.unit.location, message, patientID: patient)
            diagnostic.misreportedAnalyte = analyte.id
            diagnostics.append(diagnostic)
            return nil
        }
        guard record.value.number >= 0 else {
            diagnostics.append(.error(at: record.valueLocation, NormaliserMessages.negativeValue, patientID: patient))
            return nil
        }

        let canonical = record.value.mapNumber { analyte.rounded(unit.toCanonical($0)) }
        let critical = (analyte.critical.low, analyte.critical.high)
        var reference: LabResult.ReferenceRange?
        var status: LabResult.Status
        if let range = reportedRange(record, diagnostics: &diagnostics) {
            reference = LabResult.ReferenceRange(
                low: range.low.map { analyte.rounded(unit.toCanonical($0)) },
                high: range.high.map { analyte.rounded(unit.toCanonical($0)) },
                unit: analyte.canonicalUnit, origin: .reported)
            status =
                LabClassifier.criticalStatus(canonical, low: critical.0, high: critical.1)
                ?? LabClassifier.status(record.value, range: range, critical: (nil, nil))
        } else {
            if analyte.reference.low != nil || analyte.reference.high != nil {
                reference = LabResult.ReferenceRange(
                    low: analyte.reference.low, high: analyte.reference.high,
                    unit: analyte.canonicalUnit, origin: .knowledgeDefault)
            }
            status = LabClassifier.status(canonical, range: (analyte.reference.low, analyte.reference.high), critical: critical)
        }

        var flagText: String?
        if let flag = record.flag, !flag.text.trimmingSpaces().isEmpty {
            flagText = flag.text.trimmingSpaces()
            switch LabFlag(flag.text) {
            case .none:
                diagnostics.append(.warning(at: flag.location, NormaliserMessages.unrecognisedFlag, patientID: patient))
            case .some(let labFlag):
                if status != .unclassified, !labFlag.agrees(with: status) {
                    diagnostics.append(.warning(at: flag.location, NormaliserMessages.flagDisagrees, patientID: patient))
                }
            }
        }

        let stale = record.collected.date.days(to: asOf) > staleLabDays
        var result = LabResult(
            source: record.source, patientID: patient, analyte: analyte.id, loinc: loinc,
            collected: record.collected,
            reported: .init(value: record.value, unit: record.unit.text),
            canonical: .init(value: canonical, unit: analyte.canonicalUnit),
            reference: reference, status: status, stale: stale, reportedFlag: flagText)
        if reference?.origin == .reported {
            result.reportedReference = .init(
                low: record.referenceLow, high: record.referenceHigh, unit: record.unit.text, origin: .reported)
        }
        let own = record.comment?.trimmingSpaces() ?? ""
        if !own.isEmpty { result.comment = own }
        markUnreliable(&result, own: own, panel: record.panelComment?.trimmingSpaces() ?? "")
        return result
    }

    /// Marks `result` unreliable when its own comment or its panel's names a specimen problem
    /// that the knowledge links to its analyte (`specimen-comments.json`: haemolysed →
    /// potassium and magnesium); a panel comment that does so is then shown with the result too.
    /// A critical value keeps its critical status (the specimen word is given beside it): a
    /// comment never hides a critical value; the rules decide what it calls for.
    func markUnreliable(_ result: inout LabResult, own: String, panel: String) {
        guard !own.isEmpty || !panel.isEmpty else { return }
        let table = knowledge.specimenComments
        let analyte = result.analyte
        let linked = { (text: String) in table.problems(in: text).filter { $0.analytes.contains(analyte) } }
        let fromOwn = linked(own)
        let fromPanel = panel == own ? [] : linked(panel).filter { problem in !fromOwn.contains { $0.id == problem.id } }
        let problems = fromOwn + fromPanel
        guard !problems.isEmpty else { return }
        if !fromPanel.isEmpty, !own.contains(panel) {
            result.comment = own.isEmpty ? panel : own + "; " + panel
        }
        result.unreliableBecause = problems.map(\.label).joined(separator: ", ")
        if !result.status.isCritical { result.status = .unreliable }
    }

    /// The result as an "other result" (SPEC §3.10) when it is of no analyte the knowledge
    /// reads and the lab flagged it (any flag but `N`); nil otherwise, and then
    /// ``labResult(from:diagnostics:)`` says what is wrong with it.
    package func otherResult(from record: LabRecord) -> Referral.OtherResult? {
        guard record.analyte == nil, let flag = record.flag?.text.trimmingSpaces(), !flag.isEmpty,
            LabFlag(flag) != .normal
        else { return nil }
        let code = record.loinc.map { $0.text.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        let name = record.testName.map { $0.text.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        guard code.flatMap({ analytes.analyte(loinc: $0) }) == nil, name.flatMap({ analytes.analyte(named: $0) }) == nil else { return nil }
        let unit = record.unit.text.trimmingSpaces()
        return Referral.OtherResult(
            name: name ?? code ?? "", code: code, system: code == nil ? nil : "http://loinc.org",
            value: record.value.reportedText, unit: unit.isEmpty ? nil : unit, flag: flag,
            collected: record.collected, source: record.source, comment: record.comment)
    }

    /// Whether ``labResult(from:diagnostics:)`` would give the record something to triage: a
    /// usable result, or an error (a unit that does not fit, a negative value). Both follow once
    /// the analyte is identified; an unidentified one is only a warning. The same answer without
    /// converting, classifying or writing any diagnostic, for the patients a report does not
    /// build (``PatientRecordAssembler/parts(of:fileIndex:building:)``).
    package func givesTriageData(_ record: LabRecord) -> Bool {
        if let id = record.analyte, analytes.analyte(id: id) != nil { return true }
        if let code = record.loinc.map({ $0.text.trimmingSpaces() }), !code.isEmpty, analytes.analyte(loinc: code) != nil {
            return true
        }
        if let name = record.testName.map({ $0.text.trimmingSpaces() }), !name.isEmpty, analytes.analyte(named: name) != nil {
            return true
        }
        return false
    }

    /// The analyte and the recognised LOINC code, or nil (with a warning) when unknown.
    private func identify(_ record: LabRecord, diagnostics: inout [Diagnostic]) -> (AnalyteDefinition, String?)? {
        if let id = record.analyte, let analyte = analytes.analyte(id: id) { return (analyte, nil) }
        let code = record.loinc.map { $0.text.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        let name = record.testName.map { $0.text.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        let byCode = code.flatMap { analytes.analyte(loinc: $0) }
        let byName = name.flatMap { analytes.analyte(named: $0) }
        if let byCode {
            if let byName, byName.id != byCode.id, let term = record.testName {
                diagnostics.append(
                    .warning(at: term.location, NormaliserMessages.nameDisagreesWithLOINC(byCode.id.rawValue), patientID: record.patientID))
            }
            return (byCode, code)
        }
        if let byName {
            if code != nil, let term = record.loinc {
                diagnostics.append(
                    .warning(
                        at: term.location, NormaliserMessages.unknownLOINC(matchedByName: byName.id.rawValue), patientID: record.patientID))
            }
            return (byName, nil)
        }
        let location = (name != nil ? record.testName?.location : nil) ?? record.loinc?.location ?? record.source
        diagnostics.append(.warning(at: location, NormaliserMessages.unknownTest, patientID: record.patientID))
        return nil
    }

    /// The row's own range in the reported unit, if it has a usable one.
    private func reportedRange(_ record: LabRecord, diagnostics: inout [Diagnostic]) -> (low: Double?, high: Double?)? {
        guard record.referenceLow != nil || record.referenceHigh != nil else { return nil }
        if let low = record.referenceLow, let high = record.referenceHigh, !(low < high) {
            diagnostics.append(.warning(at: record.source, NormaliserMessages.invalidReportedRange, patientID: record.patientID))
            return nil
        }
        return (record.referenceLow, record.referenceHigh)
    }
}
