import Crypto
import Foundation
import Logging
import Synchronization
import TriageBatch
import TriageModel
import TriageRender

/// Answers one service call (SPEC §7.2 "Call"): finds the patient of the last completed batch
/// by the MRN in the Patient's identifiers, merges prefetched Observations newer than the batch
/// with the night's inputs and re-evaluates, and makes the cards. The same library calls as the
/// batch (``LiveEvaluation``); no patient value reaches a log.
package final class HookEvaluator: Sendable {
    /// A call's answer.
    package enum Answer: Sendable {
        /// 200 with cards.
        case cards(CDSHooksResponse)
        /// 400: malformed JSON, a missing field, or a hook that is not the service's.
        case badRequest
        /// 404: no such service.
        case notFound
        /// 412: the Patient could not be had.
        case preconditionFailed
    }

    /// The services and their hooks.
    package static let services: [String: Set<String>] = [
        "twitch-triage": ["patient-view"],
        "twitch-triage-orders": ["order-select", "order-sign"],
    ]

    /// The prefetch key of the Patient.
    package static let patientKey = "patient"
    /// The prefetch key of the lab Observations.
    package static let observationsKey = "observations"

    private let batch: NightBatch
    private let evaluation: LiveEvaluation
    private let builder: CardBuilder
    private let fhir: FHIRServerReader?
    private let ledger: Ledger?
    private let metrics: ServiceMetrics
    private let budget: Int64
    private let maxBody: Int
    private let logger: Logger
    private let recorded = Mutex<Set<String>>([])
    /// Re-evaluated referrals by batch run, patient and digest of the merged live results: the
    /// same chart opened again with the same labs gives the same referral without running the
    /// rules again. Two generations of at most 128 each (256 in all): when the newer is full it
    /// becomes the older and the older is let go (outside the lock); one found in the older is
    /// moved to the newer. The memory it holds stays between 128 and 256 referrals.
    private let reevaluated = Mutex<(newer: [String: ReferralDocuments], older: [String: ReferralDocuments])>(([:], [:]))
    /// Referrals per generation of ``reevaluated``.
    static let memoGeneration = 128

    /// Creates an evaluator.
    package init(
        batch: NightBatch, evaluation: LiveEvaluation, fhir: FHIRServerReader?, ledger: Ledger?, metrics: ServiceMetrics,
        budgetMilliseconds: Int64, maxBody: Int, logger: Logger
    ) {
        self.batch = batch
        self.evaluation = evaluation
        self.builder = CardBuilder(knowledge: evaluation.knowledge)
        self.fhir = fhir
        self.ledger = ledger
        self.metrics = metrics
        self.budget = budgetMilliseconds
        self.maxBody = maxBody
        self.logger = logger
    }

    /// Decodes a request body; nil when it is not a CDS Hooks request (``CDSHooksRequest/decode(_:)``).
    package static func decode(_ body: [UInt8]) -> CDSHooksRequest? {
        CDSHooksRequest.decode(body)
    }

    /// Answers a call to `serviceID` with `body` (decoded as `request`, nil when it could not
    /// be) from `client`.
    package func answer(serviceID: String, request: CDSHooksRequest?, body: [UInt8], client: ClientConfiguration) async -> Answer {
        guard let hooks = Self.services[serviceID] else { return .notFound }
        guard let request, hooks.contains(request.hook) else { return .badRequest }
        let deadline = ContinuousClock.now + .milliseconds(budget)
        guard let patient = await patient(request, client: client, deadline: deadline) else { return .preconditionFailed }
        guard let snapshot = batch.snapshot,
            let mrn = patient.identifier?.first(where: { client.mrnSystem == "*" || $0.system == client.mrnSystem })?.value.map(
                PatientID.init(rawValue:)),
            let result = snapshot.results[mrn], let night = snapshot.documents(of: mrn)
        else {
            return .cards(CDSHooksResponse(cards: []))
        }
        var documents = night
        var fingerprint = result.fingerprint
        var live = CardBuilder.LiveLabs.notChecked
        if let bundle = await observations(request, body: body, client: client, deadline: deadline, nightAsOf: snapshot.asOf) {
            let record = snapshot.records[mrn]
            let labs = bundle.withUnsafeBytes { bytes in
                evaluation.liveLabs(
                    fhirJSON: bytes, name: "EHR prefetch (\(Self.observationsKey))", patientID: mrn,
                    nightAsOf: snapshot.asOf, night: record)
            }
            if labs.labs.isEmpty {
                live = .noneNewer
            } else if let record, snapshot.hasInputs {
                let digest = Self.digest(labs.labs)
                let key = "\(snapshot.runID)|\(mrn)|\(digest)"
                if let kept = memo(key) {
                    documents = kept
                    fingerprint += "|" + digest
                    live = .merged(count: labs.labs.count, asOf: labs.asOf.description)
                } else {
                    let referral = evaluation.referral(night: record, live: labs)
                    let json = Data(ReferralJSON.render(referral).utf8)
                    if let document = try? JSONDecoder().decode(ReferralDocument.self, from: json) {
                        let made = ReferralDocuments(
                            referral: document,
                            serviceRequests: evaluation.serviceRequests(of: referral).mapValues(JSONNode.init))
                        remember(made, for: key)
                        documents = made
                        fingerprint += "|" + digest
                        live = .merged(count: labs.labs.count, asOf: labs.asOf.description)
                    }
                }
            }
        }
        let drafted = Self.drafted(request, client: client)
        let output = builder.cards(
            CardBuilder.Input(
                documents: documents, patientID: mrn, fingerprint: fingerprint,
                contextPatientID: request.context.patientId, encounterID: request.context.encounterId,
                client: client, drafted: drafted, live: live))
        record(output.issued)
        metrics.cards(output.cards)
        return .cards(CDSHooksResponse(cards: output.cards))
    }

    /// The Patient: prefetched, or read from the FHIR server; nil when neither gives one whose
    /// id is `context.patientId`.
    func patient(_ request: CDSHooksRequest, client: ClientConfiguration, deadline: ContinuousClock.Instant) async -> FHIRView? {
        let id = request.context.patientId
        if case let patient?? = request.prefetch?[Self.patientKey], patient.resourceType == "Patient", patient.id == id {
            return patient
        }
        guard let fhir, let server = request.fhirServer, let token = request.fhirAuthorization?.accessToken,
            FHIRServerReader.mayRead(server: server, token: token, client: client),
            let encodedID = id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-."))),
            let bytes = await fhir.read(
                FHIRServerReader.trimmed(server) + "/Patient/" + encodedID, server: server, token: token,
                deadline: deadline, maxBytes: 1 << 20),
            let patient = try? JSONDecoder().decode(FHIRView.self, from: Data(bytes)),
            patient.resourceType == "Patient", patient.id == id
        else { return nil }
        return patient
    }

    /// The prefetched lab Observations of the patient in context with status final, amended or
    /// corrected, as a FHIR searchset Bundle of their bytes as written (a `next` page read within
    /// the budget); nil when they could not be read (absent, an OperationOutcome, a page that
    /// could not be had).
    ///
    /// An Observation whose `effectiveDateTime` (or `effectiveInstant`) is a date more than two
    /// days before `nightAsOf` is left out before the FHIR reader sees it: only results newer
    /// than the night's batch are merged (SPEC §7.2), and the reader would place it on that date
    /// (the two days cover any time-zone offset). Anything else (no such element, a partial or
    /// malformed date, a later date) goes to the reader, which decides as the batch does.
    func observations(
        _ request: CDSHooksRequest, body: [UInt8], client: ClientConfiguration, deadline: ContinuousClock.Instant,
        nightAsOf: LocalDate
    ) async -> [UInt8]? {
        guard case let view?? = request.prefetch?[Self.observationsKey], view.resourceType == "Bundle",
            let located = request.prefetchRanges[Self.observationsKey]
        else { return nil }
        var out = Array(#"{"resourceType":"Bundle","type":"searchset","entry":["#.utf8)
        out.reserveCapacity(16 << 10)
        var first = true
        let subject = Array(("Patient/" + request.context.patientId).utf8)
        let cutoff = Array(nightAsOf.adding(days: -2).description.utf8)
        func append(raw: [UInt8], range: Range<Int>, containers: JSONContainerIndex) {
            raw.withUnsafeBufferPointer { bytes in
                guard let entry = RawJSON.member("entry", in: bytes, object: range, index: containers),
                    let elements = RawJSON.elements(in: bytes, array: entry, index: containers)
                else { return }
                for element in elements {
                    var resource: Range<Int>?
                    RawJSON.forEachMember(in: bytes, object: element, index: containers) { key, value in
                        guard RawJSON.key(key, in: bytes, is: "resource") else { return true }
                        resource = value
                        return false
                    }
                    guard let resource, Self.isKept(bytes, resource: resource, containers: containers, subject: subject, cutoff: cutoff)
                    else {
                        continue
                    }
                    if !first { out.append(UInt8(ascii: ",")) }
                    first = false
                    out.append(contentsOf: #"{"resource":"#.utf8)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[resource]))
                    out.append(UInt8(ascii: "}"))
                }
            }
        }
        append(raw: body, range: located, containers: request.containers)
        var next = view.nextPage
        var pages = 0
        while let url = next {
            pages += 1
            guard pages <= 10, let fhir, let server = request.fhirServer, let token = request.fhirAuthorization?.accessToken,
                FHIRServerReader.mayRead(server: server, token: token, client: client),
                let page = await fhir.read(url, server: server, token: token, deadline: deadline, maxBytes: maxBody),
                let containers = page.withUnsafeBufferPointer({ JSONValidator.index($0) }),
                let pageView = page.withUnsafeBufferPointer({
                    FHIRView(
                        validated: $0, object: RawJSON.document($0, index: containers),
                        containers: containers)
                }),
                pageView.resourceType == "Bundle"
            else {
                return nil
            }
            let range = page.withUnsafeBufferPointer { RawJSON.document($0, index: containers) }
            append(raw: page, range: range, containers: containers)
            next = pageView.nextPage
        }
        out.append(contentsOf: "]}".utf8)
        return out
    }

    /// Whether the resource at `resource` is an Observation of `subject` (`Patient/{id}`, or a
    /// full URL ending `/Patient/{id}`) with status final, amended or corrected, not dated
    /// before `cutoff` (an ISO date) by its `effectiveDateTime` or `effectiveInstant`. One pass
    /// over the resource's members.
    static func isKept(
        _ bytes: UnsafeBufferPointer<UInt8>, resource: Range<Int>, containers: JSONContainerIndex, subject: [UInt8],
        cutoff: [UInt8]
    ) -> Bool {
        var isObservation = false
        var statusKept = false
        var subjectRange: Range<Int>?
        var effective: Range<Int>?
        let isObject = RawJSON.forEachMember(in: bytes, object: resource, index: containers) { key, value in
            if RawJSON.key(key, in: bytes, is: "resourceType") {
                isObservation = RawJSON.stringValue(in: bytes, at: value) == "Observation"
            } else if RawJSON.key(key, in: bytes, is: "status") {
                let status = RawJSON.stringValue(in: bytes, at: value)
                statusKept = status == "final" || status == "amended" || status == "corrected"
            } else if RawJSON.key(key, in: bytes, is: "subject") {
                subjectRange = value
            } else if RawJSON.key(key, in: bytes, is: "effectiveDateTime") || RawJSON.key(key, in: bytes, is: "effectiveInstant") {
                effective = effective ?? value
            }
            return true
        }
        guard isObject, isObservation, statusKept, let subjectRange,
            let reference = RawJSON.member("reference", in: bytes, object: subjectRange, index: containers),
            let text = RawJSON.stringValue(in: bytes, at: reference)
        else { return false }
        let written = Array(text.utf8)
        guard
            written == subject
                || (written.count > subject.count && written.suffix(subject.count + 1).elementsEqual([UInt8(ascii: "/")] + subject))
        else { return false }
        // A date well before the night: not newer than the batch.
        if let effective, effective.count >= 12, bytes[effective.lowerBound] == UInt8(ascii: "\"") {
            let date = UnsafeBufferPointer(rebasing: bytes[(effective.lowerBound + 1)..<(effective.lowerBound + 11)])
            if isISODate(date), date.lexicographicallyPrecedes(cutoff) { return false }
        }
        return true
    }

    /// Whether `bytes` are `YYYY-MM-DD` (digits and dashes in place).
    static func isISODate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 10 else { return false }
        for (offset, byte) in bytes.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            }
        }
        return true
    }

    /// The drafted orders (order-select: the selected ones; order-sign: all) that the client's
    /// `orderables` name, by key.
    static func drafted(_ request: CDSHooksRequest, client: ClientConfiguration) -> [(key: String, label: String)] {
        guard request.hook == "order-select" || request.hook == "order-sign", let entries = request.context.draftOrders?.entry else {
            return []
        }
        var keyByCode: [String: (key: String, label: String)] = [:]
        for (key, coding) in client.orderables ?? [:] { keyByCode[coding.system + "|" + coding.code] = (key, coding.display ?? key) }
        let selections = request.hook == "order-select" ? request.context.selections.map(Set.init) : nil
        var out: [(key: String, label: String)] = []
        var seen: Set<String> = []
        for entry in entries {
            guard let resource = entry.resource, let type = resource.resourceType else { continue }
            if let selections, let id = resource.id, !selections.contains(type + "/" + id) { continue }
            for coding in resource.code?.coding ?? [] {
                guard let system = coding.system, let code = coding.code, let found = keyByCode[system + "|" + code] else { continue }
                if seen.insert(found.key).inserted { out.append(found) }
            }
        }
        return out.sorted { $0.key < $1.key }
    }

    /// A digest of the live results merged (analyte, time, value, unit, status).
    static func digest(_ labs: [LabResult]) -> String {
        var hasher = SHA256()
        for lab in labs {
            hasher.update(
                data: Array(
                    "\(lab.analyte)|\(lab.collected)|\(lab.canonical.value.number)|\(lab.canonical.unit)|\(lab.status.rawValue)\n".utf8))
        }
        return hasher.finalize().map { String($0, radix: 16) }.joined()
    }

    /// Records issued cards and suggestions in the ledger without waiting for it (the write is
    /// queued on the ledger's writer queue, off the service's threads; feedback stored later is
    /// queued after it). Each uuid is asked for once while it is among the last
    /// ``recordedLimit`` remembered (the set is emptied when full: the ledger ignores a uuid
    /// already there, so forgetting costs only a write).
    private func record(_ items: [Ledger.IssuedItem]) {
        guard let ledger else { return }
        let limit = Self.recordedLimit
        let fresh = recorded.withLock { seen in
            if seen.count >= limit { seen.removeAll(keepingCapacity: true) }
            return items.filter { seen.insert($0.uuid).inserted }
        }
        guard !fresh.isEmpty else { return }
        ledger.recordIssuedLater(fresh) { [self] error in
            guard error != nil else { return }
            recorded.withLock { seen in for item in fresh { seen.remove(item.uuid) } }
            logger.error("cannot record issued cards in the ledger", metadata: ["count": "\(fresh.count)"])
        }
    }

    /// The memo's referral for `key`, if kept (moved to the newer generation).
    private func memo(_ key: String) -> ReferralDocuments? {
        var dropped: [String: ReferralDocuments] = [:]
        let found = reevaluated.withLock { memo -> ReferralDocuments? in
            if let kept = memo.newer[key] { return kept }
            guard let kept = memo.older.removeValue(forKey: key) else { return nil }
            dropped = Self.insert(kept, for: key, into: &memo)
            return kept
        }
        _ = dropped  // let go here, not under the lock
        return found
    }

    /// Keeps `documents` for `key` in the memo.
    private func remember(_ documents: ReferralDocuments, for key: String) {
        var dropped: [String: ReferralDocuments] = [:]
        reevaluated.withLock { memo in dropped = Self.insert(documents, for: key, into: &memo) }
        _ = dropped
    }

    /// Inserts into the newer generation; when it is full it becomes the older, and the older
    /// one is returned to be let go by the caller outside the lock.
    private static func insert(
        _ documents: ReferralDocuments, for key: String,
        into memo: inout (newer: [String: ReferralDocuments], older: [String: ReferralDocuments])
    )
        -> [String: ReferralDocuments]
    {
        var dropped: [String: ReferralDocuments] = [:]
        if memo.newer.count >= memoGeneration {
            dropped = memo.older
            memo.older = memo.newer
            memo.newer = [:]
        }
        memo.newer[key] = documents
        return dropped
    }

    /// At most this many issued uuids are remembered as recorded.
    static let recordedLimit = 4096

    /// How many issued uuids are remembered as recorded, and how many re-evaluated referrals
    /// are kept (for `/metrics`).
    var kept: (recorded: Int, reevaluated: Int) {
        (recorded.withLock { $0.count }, reevaluated.withLock { $0.newer.count + $0.older.count })
    }
}
