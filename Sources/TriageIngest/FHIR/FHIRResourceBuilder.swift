import TriageModel

/// Gathers FHIR R4 resources from a stream of element events, the same for JSON and XML
/// (a JSON key and an XML element have the same name in FHIR), and hands each top-level
/// resource (a Bundle with everything in it, or one resource) to ``FHIRLabMapping``.
///
/// Events: ``beginResource(_:at:)`` when a resource starts (the root, a Bundle entry's
/// `resource`, a `contained` one), ``enter(_:)`` and ``exit()`` around every element the
/// reader did not skip, ``value(_:at:)`` for a primitive's value (a JSON string or number, an
/// XML `value` attribute), ``endResource()``. Readers skip every element named `.other`
/// and every one that ``skips(_:)`` (the narrative `text`) without sending events.
struct FHIRResourceBuilder {
    private enum Kind {
        case observation, patient, report, bundle, other
    }

    /// An open resource: its kind (its gathered data is the last of ``openObservations``,
    /// ``openPatients`` or ``openReports``, since resources nest), and where its path starts.
    /// Data is moved out of those stacks and back for each event, never copied: copying a
    /// resource with its strings on every value was most of the reader's time.
    private struct Frame {
        var kind: Kind
        /// The path length when the resource began: its own elements come after.
        var base: Int
        /// The resource's number in the file (``FHIRObservation/serial``).
        var serial: Int
    }

    /// Resources begun so far in the file.
    private var serials = 0

    private var openObservations: [FHIRObservation] = []
    private var openPatients: [FHIRPatient] = []
    private var openReports: [FHIRDiagnosticReport] = []

    private var path: [FHIRName] = []
    private var frames: [Frame] = []
    private var pendingFullUrl: String?
    /// The `code.coding` being read: its system and code, until the coding ends.
    private struct Coding {
        var system: String?
        var code: (text: String, location: SourceLocation)?
        var display: String?
    }

    private var coding = Coding()
    private var identifierValue: String?
    private var identifierIsMR = false
    private var identifierSystem: String?
    private var identifierType: String?
    /// Resources of the current top-level resource, waiting for it to end.
    private var observations: [FHIRObservation] = []
    private var patients: [FHIRPatient] = []
    private var reports: [FHIRDiagnosticReport] = []
    /// Turns gathered resources into records.
    var mapping: FHIRMapping
    /// Codes, systems, units, statuses and references made once per distinct value.
    private let strings = ByteStringCache()

    /// Creates a builder for one file.
    init(file: String, options: ReadOptions, kind: FileKind, size: Int = 0) {
        mapping = FHIRMapping(file: file, options: options, kind: kind, size: size)
        path.reserveCapacity(32)
    }

    /// Whether a resource is open.
    var inResource: Bool { !frames.isEmpty }

    // MARK: Events

    /// A resource of `type` starts at `location`.
    mutating func beginResource(_ type: FHIRName.ResourceType, at location: SourceLocation) {
        var fullUrl: String?
        var containedIn: Int?
        if let parent = frames.last {
            if case .bundle = parent.kind, relative(parent, .entry, .resource) { fullUrl = pendingFullUrl }
            if relative(parent, .contained) { containedIn = parent.serial }
        }
        serials += 1
        let kind: Kind
        switch type {
        case .observation:
            kind = .observation
            openObservations.append(FHIRObservation(source: location, serial: serials, fullUrl: fullUrl))
        case .patient:
            kind = .patient
            openPatients.append(FHIRPatient(source: location, fullUrl: fullUrl, containedIn: containedIn))
        case .diagnosticReport:
            kind = .report
            openReports.append(FHIRDiagnosticReport(serial: serials))
        case .bundle: kind = .bundle
        case .other: kind = .other
        }
        frames.append(Frame(kind: kind, base: path.count, serial: serials))
    }

    /// The innermost resource ends; when it is the top-level one, its results are mapped.
    mutating func endResource() {
        guard let frame = frames.popLast() else { return }
        switch frame.kind {
        case .observation: observations.append(openObservations.removeLast())
        case .patient: patients.append(openPatients.removeLast())
        case .report: reports.append(openReports.removeLast())
        case .bundle, .other: break
        }
        if frames.isEmpty { flush() }
    }

    /// The reader stopped inside a resource (malformed input): what was gathered so far is
    /// mapped, the open resources are dropped.
    mutating func abandon() {
        frames.removeAll()
        path.removeAll()
        openObservations.removeAll()
        openPatients.removeAll()
        openReports.removeAll()
        flush()
    }

    /// The reader gave up on the current top-level resource (a broken NDJSON line): nothing
    /// of it is used.
    mutating func discardOpen() {
        frames.removeAll()
        path.removeAll()
        openObservations.removeAll()
        openPatients.removeAll()
        openReports.removeAll()
        observations.removeAll(keepingCapacity: true)
        patients.removeAll()
        reports.removeAll()
    }

    /// Whether the reader skips element `name` here, with its subtree, sending no events: a
    /// resource's own `text` is its narrative (only `code.text` and `note.text` are read).
    @inline(__always)
    func skips(_ name: FHIRName) -> Bool {
        name == .text && frames.last.map { path.count == $0.base } == true
    }

    /// An element starts.
    mutating func enter(_ name: FHIRName) {
        path.append(name)
        guard let frame = frames.last else { return }
        let depth = path.count - frame.base
        switch frame.kind {
        case .observation:
            if depth == 1, name == .dataAbsentReason {
                openObservations[openObservations.count - 1].dataAbsent = true
            } else if depth == 1, name == .valueOther {
                openObservations[openObservations.count - 1].otherValue = true
            } else if name == .coding {
                coding = Coding()
            }
        case .patient:
            if depth == 1, name == .identifier {
                identifierValue = nil
                identifierIsMR = false
                identifierSystem = nil
                identifierType = nil
            }
        case .bundle:
            if depth == 1, name == .entry { pendingFullUrl = nil }
        case .report, .other:
            break
        }
    }

    /// The innermost element ends.
    mutating func exit() {
        guard !path.isEmpty else { return }
        if let frame = frames.last, path.count - frame.base >= 1 {
            switch frame.kind {
            case .observation:
                if relative(frame, .code, .coding) {
                    if FHIRCodeSystem.isLOINC(coding.system), let code = coding.code {
                        openObservations[openObservations.count - 1].loincCodes.append((code.text, code.location))
                        // The coding's own display first: most codings have none.
                        if let display = coding.display, !display.isEmpty, openObservations[openObservations.count - 1].loincDisplay == nil
                        {
                            openObservations[openObservations.count - 1].loincDisplay = display
                        }
                    } else if let code = coding.code {
                        openObservations[openObservations.count - 1].otherCodings.append(
                            (coding.system ?? "", code.text, coding.display ?? ""))
                    }
                } else if relative(frame, .referenceRange) {
                    openObservations[openObservations.count - 1].referenceRangeDone = true
                }
            case .patient:
                if relative(frame, .identifier), let value = identifierValue {
                    if FHIRCodeSystem.isSocialSecurity(system: identifierSystem, type: identifierType) {
                        openPatients[openPatients.count - 1].socialSecurityNumberLeftOut = true
                    } else {
                        openPatients[openPatients.count - 1].identifiers.append((value, identifierIsMR))
                    }
                }
            default:
                break
            }
        }
        path.removeLast()
    }

    /// A primitive value of the innermost element.
    package mutating func value(_ bytes: UnsafeBufferPointer<UInt8>, at location: @autoclosure () -> SourceLocation) {
        guard let frame = frames.last else { return }
        let strings = self.strings
        let text = { strings.string(bytes) }
        switch frame.kind {
        case .observation:
            // In place: the Observation gathered so far is neither copied nor moved per value.
            FHIRResourceBuilder.observationValue(
                &openObservations[openObservations.count - 1], coding: &coding, path: path,
                frame: frame, text: text, location: location)
        case .patient:
            var patient = openPatients.removeLast()
            defer { openPatients.append(patient) }
            if relative(frame, .id) {
                patient.id = text()
            } else if relative(frame, .identifier, .value) {
                identifierValue = text()
            } else if relative(frame, .identifier, .system) {
                identifierSystem = text().trimmingSpaces()
            } else if relative(frame, .identifier, .type, .coding, .code) {
                let code = text().trimmingSpaces()
                if code == "MR" { identifierIsMR = true }
                if code == "SS" { identifierType = code }
                return
            } else if relative(frame, .gender) {
                patient.gender = text()
            } else if relative(frame, .birthDate) {
                patient.birthDate = (text(), location())
            }
        case .report:
            var report = openReports.removeLast()
            defer { openReports.append(report) }
            if relative(frame, .subject, .reference) {
                report.subjectReference = text()
            } else if relative(frame, .subject, .identifier, .value) {
                report.subjectIdentifier = text()
            } else if relative(frame, .effectiveDateTime) {
                report.effectiveDateTime = (text(), location())
            } else if relative(frame, .effectivePeriod, .start) {
                report.effectivePeriodStart = (text(), location())
            } else if relative(frame, .issued) {
                report.issued = (text(), location())
            } else if relative(frame, .result, .reference) {
                report.results.append(text())
            } else if relative(frame, .conclusion) {
                report.conclusion = text()
            }
        case .bundle:
            if relative(frame, .entry, .fullUrl) { pendingFullUrl = text() }
        case .other:
            break
        }
    }

    /// Fills an Observation's element (or the coding being read) from the value at `path`.
    private static func observationValue(
        _ observation: inout FHIRObservation, coding: inout Coding, path: [FHIRName],
        frame: Frame, text: () -> String, location: () -> SourceLocation
    ) {
        let depth = path.count - frame.base
        let first = path[frame.base]
        switch (depth, first) {
        case (1, .id): observation.id = text()
        case (1, .status): observation.status = text()
        case (1, .effectiveDateTime), (1, .effectiveInstant): observation.effectiveDateTime = (text(), location())
        case (1, .issued): observation.issued = (text(), location())
        case (1, .valueString): observation.valueString = (text(), location())
        case (1, .valueInteger): observation.quantityValue = (text(), location())
        case (2, .effectivePeriod) where path[frame.base + 1] == .start:
            observation.effectivePeriodStart = (text(), location())
        case (2, .subject) where path[frame.base + 1] == .reference:
            observation.subjectReference = text()
        case (2, .hasMember) where path[frame.base + 1] == .reference:
            observation.members.append(text())
        case (3, .subject) where path[frame.base + 1] == .identifier && path[frame.base + 2] == .value:
            observation.subjectIdentifier = text()
        case (2, .valueQuantity):
            switch path[frame.base + 1] {
            case .value: observation.quantityValue = (text(), location())
            case .comparator: observation.quantityComparator = text()
            case .unit: observation.quantityUnit = (text(), location())
            case .code: observation.quantityCode = (text(), location())
            default: break
            }
        case (3, .code) where path[frame.base + 1] == .coding:
            switch path[frame.base + 2] {
            case .system: coding.system = text().trimmingSpaces()
            case .code: coding.code = (text().trimmingSpaces(), location())
            case .display: coding.display = text().trimmingSpaces()
            default: break
            }
        case (2, .code) where path[frame.base + 1] == .text:
            observation.codeText = text().trimmingSpaces()
        case (2, .note) where path[frame.base + 1] == .text:
            let note = text().trimmingSpaces()
            if !note.isEmpty { observation.notes.append(note) }
        case (3, .interpretation) where path[frame.base + 1] == .coding && path[frame.base + 2] == .code:
            if observation.interpretation == nil { observation.interpretation = (text(), location()) }
        case (3, .referenceRange) where !observation.referenceRangeDone:
            switch (path[frame.base + 1], path[frame.base + 2]) {
            case (.low, .value): observation.referenceLow = text()
            case (.high, .value): observation.referenceHigh = text()
            case (.low, .code): observation.referenceLowUnit.code = text()
            case (.low, .unit): observation.referenceLowUnit.unit = text()
            case (.high, .code): observation.referenceHighUnit.code = text()
            case (.high, .unit): observation.referenceHighUnit.unit = text()
            default: break
            }
        default:
            break
        }
    }

    /// Whether the path inside `frame`'s resource is exactly the names given (up to four; no
    /// array is built, as this runs for every value).
    @inline(__always)
    private func relative(
        _ frame: Frame, _ first: FHIRName, _ second: FHIRName? = nil, _ third: FHIRName? = nil,
        _ fourth: FHIRName? = nil
    ) -> Bool {
        let count = second == nil ? 1 : third == nil ? 2 : fourth == nil ? 3 : 4
        guard path.count - frame.base == count, path[frame.base] == first else { return false }
        if let second, path[frame.base + 1] != second { return false }
        if let third, path[frame.base + 2] != third { return false }
        if let fourth, path[frame.base + 3] != fourth { return false }
        return true
    }

    private mutating func flush() {
        mapping.map(observations: observations, patients: patients, reports: reports)
        observations.removeAll(keepingCapacity: true)
        patients.removeAll()
        reports.removeAll()
    }
}
