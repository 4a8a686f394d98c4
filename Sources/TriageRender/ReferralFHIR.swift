import Crypto
import TriageKnowledge
import TriageModel

/// Writes `referral.fhir.json` (SPEC §7.1): a FHIR R4 Bundle of type `collection` an EHR can
/// import. A Patient (id and identifier, no name), an Observation per lab result (LOINC, the
/// canonical value in UCUM, interpretation, reference range, effective time) and a
/// ServiceRequest per ordered test: EMG, NCS, MRI (the region as `bodySite`), a neurology
/// examination, a same-day assessment, a swallow assessment, an eye examination, breathing
/// tests, and one per blood analyte with its LOINC code; each with who acts
/// (`performerType.text`), the end of its timeframe (`occurrencePeriod.end`) and, for a
/// conditional next step, its condition as the first `note`.
///
/// Codes come only from published systems: LOINC for the lab tests, HL7's observation category
/// and interpretation systems, UCUM. No SNOMED CT code has been checked against a published
/// source here, so the other tests and the MRI region carry `text` only. Deterministic: every
/// id and `urn:uuid` comes from a SHA-256 of the patient id and what the resource is; no clock.
package enum ReferralFHIR {
    static let loinc = "http://loinc.org"
    static let ucum = "http://unitsofmeasure.org"
    static let categorySystem = "http://terminology.hl7.org/CodeSystem/observation-category"
    static let interpretationSystem = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"

    /// The bundle as JSON text.
    package static func render(_ referral: Referral, knowledge: Knowledge) -> String {
        bundle(referral, knowledge: knowledge).written()
    }

    /// The bundle as a JSON value.
    package static func bundle(_ referral: Referral, knowledge: Knowledge) -> JSONValue {
        bundle(referral, labels: ReportLabels.shared(knowledge))
    }

    /// The bundle as a JSON value, with the labels of the page made for the same patient.
    package static func bundle(_ referral: Referral, labels: ReportLabels) -> JSONValue {
        let knowledge = labels.knowledge
        let patientID = referral.patient.id
        let patientRef = reference(patientID, "patient")
        var entries: [JSONValue] = []

        var patient: [String: JSONValue] = [
            "resourceType": .string("Patient"), "id": .string(id(patientID, "patient", prefix: "patient")),
            "identifier": .array([.object(["value": .string(patientID.rawValue)])]),
        ]
        switch referral.patient.sex {
        case .female?: patient["gender"] = .string("female")
        case .male?: patient["gender"] = .string("male")
        case .other?: patient["gender"] = .string("other")
        case .unknown?: patient["gender"] = .string("unknown")
        case nil: break
        }
        entries.append(entry(patientID, "patient", .object(patient)))

        var observationRefs: [(analyte: AnalyteID, abnormal: Bool, ref: String)] = []
        for lab in referral.labs {
            let key = "lab|\(lab.source.file)|\(lab.source.line ?? 0)|\(lab.analyte)|\(lab.collected)"
            observationRefs.append((lab.analyte, lab.status.isAbnormal, reference(patientID, key)))
            entries.append(entry(patientID, key, observation(lab, key: key, patientID: patientID, patientRef: patientRef, labels: labels)))
        }

        let reasonsOf: (Recommendation) -> [JSONValue] = { recommendation in
            recommendation.reasons.compactMap { id in referral.findings.first { $0.id == id && $0.present } }
                .map { .object(["text": .string(labels.words($0.summary))]) }
        }
        let abnormal = observationRefs.filter(\.abnormal).map(\.ref)
        let page = ReportDocumentBuilder(referral, labels: labels)
        for recommendation in referral.recommendations {
            let sameDay = page.isSameDay(recommendation)
            let priority = sameDay ? "asap" : Self.priority(recommendation.urgency)
            let days = labels.knowledge.page?.occurrenceDays.first {
                $0.urgency == (sameDay ? TimeframeID.sameDay : recommendation.urgency.timeframeID)
            }?.days
            let request = Request(
                priority: priority, periodEnd: days.map { referral.asOf.adding(days: $0) }, performer: labels.actor(recommendation))
            var notes = recommendation.when.map { [knowledge.phrase(.fhirWhen, ["when": $0])] } ?? []
            notes.append(ReportDocumentBuilder.detail(recommendation, knowledge: labels.knowledge))
            if let timeframe = recommendation.timeframe { notes.append(knowledge.phrase(.fhirTimeframe, ["timeframe": timeframe])) }
            notes.append(knowledge.phrase(.fhirSources, ["sources": recommendation.sources.map(labels.citedTitle).joined(separator: "; ")]))
            switch recommendation.test {
            case .bloodWork:
                for analyte in recommendation.analytes ?? [] {
                    let key = "request|bloodWork|\(analyte)"
                    let own = observationRefs.filter { $0.analyte == analyte }.map(\.ref)
                    var coding: [String: JSONValue] = [:]
                    if let code = knowledge.analyte(id: analyte)?.loinc.first {
                        coding["system"] = .string(loinc)
                        coding["code"] = .string(code)
                    }
                    let code: JSONValue =
                        coding["code"] == nil
                        ? .object(["text": .string(labels.analyteLabel(analyte))])
                        : .object(["coding": .array([.object(coding)]), "text": .string(labels.analyteLabel(analyte))])
                    entries.append(
                        entry(
                            patientID, key,
                            serviceRequest(
                                key: key, patientID: patientID, patientRef: patientRef, code: code, bodySite: nil, request: request,
                                authoredOn: referral.asOf, reasonRefs: unique(own + abnormal), reasonCodes: reasonsOf(recommendation),
                                notes: notes)))
                }
            case .emg, .ncs, .mri, .neurologyExam, .sameDayAssessment, .swallowAssessment, .eyeExamination, .breathingTests:
                let key = "request|\(recommendation.test.rawValue)|\(recommendation.region ?? "")"
                entries.append(
                    entry(
                        patientID, key,
                        serviceRequest(
                            key: key, patientID: patientID, patientRef: patientRef,
                            code: .object(["text": .string(labels.testName(recommendation))]),
                            bodySite: recommendation.region?.rawValue, request: request, authoredOn: referral.asOf,
                            reasonRefs: abnormal, reasonCodes: reasonsOf(recommendation), notes: notes)))
            case .clinicianReview, .prescriberReview, .lifestyle, .treatment:
                continue  // advice and reviews, not tests to order
            }
        }
        return .object([
            "resourceType": .string("Bundle"), "id": .string(id(patientID, "bundle", prefix: "bundle")),
            "type": .string("collection"), "entry": .array(entries),
        ])
    }

    /// SPEC §7.1: `urgent` for urgent (NICE's "urgently", within 2 weeks), `routine` for soon,
    /// routine and self-care (a same-day step is `asap`, and soon's 4 weeks are in
    /// `occurrencePeriod.end`), so a UK reader's "urgent" means what NICE means.
    package static func priority(_ urgency: Urgency) -> String {
        switch urgency {
        case .selfCare, .routine, .soon: "routine"
        case .urgent: "urgent"
        }
    }

    /// What a ServiceRequest says of when and by whom: its priority, the end of its timeframe
    /// (`occurrencePeriod.end`, from `page.json`'s days), who acts (`performerType.text`).
    struct Request {
        var priority: String
        var periodEnd: LocalDate?
        var performer: String
    }

    static func observation(_ lab: LabResult, key: String, patientID: PatientID, patientRef: String, labels: ReportLabels) -> JSONValue {
        let label = labels.analyteLabel(lab.analyte)
        var code: [String: JSONValue] = ["text": .string(label)]
        if let loincCode = lab.loinc ?? labels.knowledge.analyte(id: lab.analyte)?.loinc.first {
            code["coding"] = .array([.object(["system": .string(loinc), "code": .string(loincCode)])])
        }
        var value = quantity(lab.canonical.value.number, unit: lab.canonical.unit)
        if lab.canonical.value.isCensored, case .object(var object) = value {
            object["comparator"] = .string(lab.canonical.value.comparator.rawValue)
            value = .object(object)
        }
        var resource: [String: JSONValue] = [
            "resourceType": .string("Observation"), "id": .string(id(patientID, key, prefix: "obs")), "status": .string("final"),
            "category": .array([
                .object([
                    "coding": .array([
                        .object([
                            "system": .string(categorySystem), "code": .string("laboratory"),
                            "display": .string("Laboratory"),
                        ])
                    ])
                ])
            ]),
            "code": .object(code), "subject": .object(["reference": .string(patientRef)]),
            "effectiveDateTime": .string(dateTime(lab.collected)), "valueQuantity": value,
            "note": .array([
                .object([
                    "text": .string(
                        labels.knowledge.phrase(
                            .fhirAsReported, ["value": "\(lab.reported.value.reportedText)", "unit": "\(lab.reported.unit)"]))
                ])
            ]),
        ]
        if let interpretation = interpretation(lab.status) {
            resource["interpretation"] = .array([
                .object([
                    "coding": .array([
                        .object([
                            "system": .string(interpretationSystem), "code": .string(interpretation.code),
                            "display": .string(interpretation.display),
                        ])
                    ])
                ])
            ])
        }
        if let range = lab.reference, range.low != nil || range.high != nil {
            var object: [String: JSONValue] = [:]
            if let low = range.low { object["low"] = quantity(low, unit: range.unit) }
            if let high = range.high { object["high"] = quantity(high, unit: range.unit) }
            if range.origin == .knowledgeDefault { object["text"] = .string(labels.knowledge.phrase(.fhirDefaultRange)) }
            resource["referenceRange"] = .array([.object(object)])
        }
        return .object(resource)
    }

    static func serviceRequest(
        key: String, patientID: PatientID, patientRef: String, code: JSONValue, bodySite: String?, request: Request,
        authoredOn: LocalDate, reasonRefs: [String], reasonCodes: [JSONValue], notes: [String]
    ) -> JSONValue {
        var resource: [String: JSONValue] = [
            "resourceType": .string("ServiceRequest"), "id": .string(id(patientID, key, prefix: "req")),
            "status": .string("draft"), "intent": .string("proposal"), "priority": .string(request.priority), "code": code,
            "subject": .object(["reference": .string(patientRef)]), "authoredOn": .string(authoredOn.description),
            "note": .array(notes.map { .object(["text": .string($0)]) }),
        ]
        if let bodySite { resource["bodySite"] = .array([.object(["text": .string(bodySite)])]) }
        if let end = request.periodEnd {
            resource["occurrencePeriod"] = .object(["start": .string(authoredOn.description), "end": .string(end.description)])
        }
        // Who acts, as text: no published code system for these roles was checked here.
        if !request.performer.isEmpty { resource["performerType"] = .object(["text": .string(request.performer)]) }
        if !reasonRefs.isEmpty { resource["reasonReference"] = .array(reasonRefs.map { .object(["reference": .string($0)]) }) }
        if !reasonCodes.isEmpty { resource["reasonCode"] = .array(reasonCodes) }
        return .object(resource)
    }

    /// The HL7 v3 interpretation code of a status, nil when unclassified.
    static func interpretation(_ status: LabResult.Status) -> (code: String, display: String)? {
        switch status {
        case .low: ("L", "Low")
        case .normal: ("N", "Normal")
        case .high: ("H", "High")
        case .criticalLow: ("LL", "Critical low")
        case .criticalHigh: ("HH", "Critical high")
        case .unclassified, .unreliable: nil
        }
    }

    /// A UCUM quantity; the knowledge's `mIU/L` is coded `m[IU]/L`, as UCUM writes
    /// international units (the other canonical units are UCUM codes as written).
    static func quantity(_ value: Double, unit: String) -> JSONValue {
        let code = unit == "mIU/L" ? "m[IU]/L" : unit
        return .object(["value": .number(value), "unit": .string(unit), "system": .string(ucum), "code": .string(code)])
    }

    /// A FHIR dateTime: the date alone unless the time and its offset are known (FHIR requires
    /// seconds and a zone with a time).
    static func dateTime(_ timestamp: Timestamp) -> String {
        guard let minutes = timestamp.timeOfDayMinutes, let offset = timestamp.utcOffsetMinutes else { return timestamp.date.description }
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        let zone = offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + ":" + two(abs(offset) % 60)
        return "\(timestamp.date)T\(two(minutes / 60)):\(two(minutes % 60)):\(two(timestamp.seconds ?? 0))\(zone)"
    }

    package static func entry(_ patientID: PatientID, _ key: String, _ resource: JSONValue) -> JSONValue {
        .object(["fullUrl": .string(reference(patientID, key)), "resource": resource])
    }

    /// `urn:uuid:…` of a resource: a name-based UUID (version 5 layout) over SHA-256.
    package static func reference(_ patientID: PatientID, _ key: String) -> String {
        var bytes = Array(digest(patientID, key).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        var text = Array("urn:uuid:".utf8)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(0x2D) }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A resource id (`obs-1a2b…`, at most 64 characters of FHIR's id alphabet).
    package static func id(_ patientID: PatientID, _ key: String, prefix: String) -> String {
        var text = Array((prefix + "-").utf8)
        for byte in digest(patientID, key).prefix(12) {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    /// SHA-256 of the patient id, a zero byte and the key.
    package static func digest(_ patientID: PatientID, _ key: String) -> SHA256.Digest {
        var hasher = SHA256()
        hasher.update(data: Array(patientID.rawValue.utf8))
        hasher.update(data: [0])
        hasher.update(data: Array(key.utf8))
        return hasher.finalize()
    }

    package static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}
