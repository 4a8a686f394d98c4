import TriageBatch
import TriageKnowledge
import TriageModel

/// Makes the cards of one call from a referral (SPEC §7.2 "Cards"): one card per patient, none
/// for self-care; `critical` for same day, `warning` for urgent, soon and read-today, `info` for
/// routine; a `create` suggestion per recommended order the client can order, with §7.1's
/// ServiceRequest; for order-select and order-sign, an `info` card per drafted order the advice
/// does not support, and no suggestion of a test already drafted.
package struct CardBuilder: Sendable {
    /// What the call knows of the EHR's newer lab results.
    package enum LiveLabs: Sendable, Hashable {
        /// Read: none newer than the night's batch.
        case noneNewer
        /// Read and merged: how many, and the re-evaluation's as-of date.
        case merged(count: Int, asOf: String)
        /// Not read (no prefetch, unreadable, or the night's inputs unknown).
        case notChecked
    }

    /// One call's input.
    package struct Input: Sendable {
        /// The referral.
        package var documents: ReferralDocuments
        /// The batch's patient id.
        package var patientID: PatientID
        /// The referral's fingerprint (the night's, with any live results).
        package var fingerprint: String
        /// `context.patientId`.
        package var contextPatientID: String
        /// `context.encounterId`.
        package var encounterID: String?
        /// The calling client.
        package var client: ClientConfiguration
        /// The drafted orders (order-select, order-sign): order key and display.
        package var drafted: [(key: String, label: String)]
        /// The live labs.
        package var live: LiveLabs
    }

    /// The cards and what the ledger records of them.
    package struct Output: Sendable {
        /// The cards.
        package var cards: [CDSCard]
        /// The issued cards and suggestions.
        package var issued: [Ledger.IssuedItem]
    }

    /// A recommended order: its key in the client's `orderables`, its ServiceRequest id and label.
    struct Order {
        var key: String
        var serviceRequestID: String
        var label: String
        var recommendation: ReferralDocument.Recommendation
    }

    private let wording: ReferralWording
    private let knowledge: Knowledge
    /// The override reasons every card offers, in the knowledge's words.
    let overrideReasons: [CDSCoding]

    /// The code system of the override reasons.
    package static let overrideSystem = "urn:twitch-triage:cds-hooks:override-reason"

    /// Creates a builder.
    package init(knowledge: Knowledge) {
        wording = ReferralWording(knowledge: knowledge)
        self.knowledge = knowledge
        overrideReasons = [
            ("already-arranged", PagePhraseID.overrideAlreadyArranged), ("not-indicated", .overrideNotIndicated),
            ("patient-declines", .overridePatientDeclines),
        ].map { code, phrase in
            CDSCoding(system: Self.overrideSystem, code: code, display: knowledge.phrase(phrase))
        }
    }

    /// The cards of one call.
    package func cards(_ input: Input) -> Output {
        let referral = input.documents.referral
        let cardUUID = NameUUID.make([input.patientID.rawValue, input.fingerprint, referral.knowledgeVersion])
        var cards: [CDSCard] = []
        var issued: [Ledger.IssuedItem] = []
        let orders = Self.orders(referral, wording: wording, knowledge: knowledge).filter {
            input.documents.serviceRequests[$0.serviceRequestID] != nil
        }
        let draftedKeys = Set(input.drafted.map(\.key))
        if let indicator = indicator(referral) {
            var card = CDSCard(
                uuid: cardUUID, summary: summary(referral), indicator: indicator,
                detail: CardDetail(wording: wording, knowledge: knowledge).markdown(referral, live: input.live),
                source: source(referral), overrideReasons: overrideReasons)
            let rule = referral.recommendations.first?.rule.rawValue ?? referral.urgency.rawValue
            issued.append(
                Ledger.IssuedItem(uuid: cardUUID, card: cardUUID, patientID: input.patientID, rule: rule, test: nil, indicator: indicator))
            var suggestions: [CDSCard.Suggestion] = []
            var seen: Set<String> = []
            for order in orders where !draftedKeys.contains(order.key) && seen.insert(order.key).inserted {
                guard let coding = input.client.orderables?[order.key],
                    let request = input.documents.serviceRequests[order.serviceRequestID]
                else { continue }
                let uuid = NameUUID.make([cardUUID, order.key])
                let test = coding.display ?? order.label
                let label = knowledge.phrase(.cardOrder, ["test": test])
                let resource = Self.serviceRequest(request, coding: coding, patient: input.contextPatientID, encounter: input.encounterID)
                let description =
                    order.recommendation.timeframe.map { knowledge.phrase(.cardCreateOrderTimeframe, ["test": test, "timeframe": $0]) }
                    ?? knowledge.phrase(.cardCreateOrder, ["test": test])
                suggestions.append(
                    CDSCard.Suggestion(
                        label: label, uuid: uuid,
                        actions: [
                            CDSCard.Action(type: "create", description: description, resource: resource)
                        ]))
                issued.append(
                    Ledger.IssuedItem(
                        uuid: uuid, card: cardUUID, patientID: input.patientID, rule: order.recommendation.rule.rawValue,
                        test: order.key, indicator: indicator))
            }
            if !suggestions.isEmpty {
                card.suggestions = suggestions
                card.selectionBehavior = "any"
            }
            cards.append(card)
        }
        let recommendedKeys = Set(orders.map(\.key))
        for draft in input.drafted where !recommendedKeys.contains(draft.key) {
            let uuid = NameUUID.make([cardUUID, "draft", draft.key])
            let urgency = referral.urgency.words(wording.urgency)
            let tests = Self.testNames(referral, wording: wording, knowledge: knowledge)
            let advice =
                tests.isEmpty
                ? knowledge.phrase(.cardRecommendsNoTest, ["urgency": urgency.lowercased()])
                : knowledge.phrase(.cardRecommends, ["urgency": urgency.lowercased(), "tests": tests.joined(separator: "; ")])
            let card = CDSCard(
                uuid: uuid, summary: Self.fitted(knowledge.phrase(.cardDraftSummary, ["order": draft.label])), indicator: "info",
                detail: Markdown.escaped(knowledge.phrase(.cardDraftDetail, ["order": draft.label, "advice": advice]))
                    + "\n\n" + Markdown.escaped(knowledge.phrase(.disclaimer)),
                source: source(referral), overrideReasons: overrideReasons)
            cards.append(card)
            issued.append(
                Ledger.IssuedItem(
                    uuid: uuid, card: uuid, patientID: input.patientID, rule: "drafted order not in the advice",
                    test: draft.key, indicator: "info"))
        }
        return Output(cards: cards, issued: issued)
    }

    /// `critical` for same day, `warning` for urgent, soon and read-today, `info` for routine;
    /// nil for self-care.
    func indicator(_ referral: ReferralDocument) -> String? {
        if referral.sameDay == true { return "critical" }
        switch referral.urgency.known {
        case .urgent?, .soon?: return "warning"
        case .routine?: return referral.readToday ? "warning" : "info"
        default: return referral.readToday ? "warning" : nil
        }
    }

    /// Urgency, timeframe and the headline's first clause, one sentence under 140 characters.
    func summary(_ referral: ReferralDocument) -> String {
        let label = referral.urgency.words(wording.urgency)
        var lead = label
        if referral.sameDay == true {
            lead = knowledge.phrase(.cardLeadSameDay, ["urgency": label])
        } else if referral.readToday && referral.urgency.known == .routine {
            lead = knowledge.phrase(.cardLeadReadToday, ["urgency": label])
        }
        if let timeframe = referral.recommendations.first?.timeframe { lead += " (\(timeframe))" }
        var clause = referral.headline.split(separator: ";", maxSplits: 1).first.map(String.init) ?? referral.headline
        if clause.hasPrefix(label), let colon = clause.range(of: ": ") { clause = String(clause[colon.upperBound...]) }
        clause = clause.trimmingCharacters(in: [" ", "."])
        return Self.fitted("\(lead): \(clause).")
    }

    /// `text` cut at a word to under 140 characters, ending with an ellipsis when cut.
    static func fitted(_ text: String) -> String {
        guard text.count >= 140 else { return text }
        var cut = String(text.prefix(137))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut.trimmingCharacters(in: [",", ";", ":", " "]) + "…"
    }

    func source(_ referral: ReferralDocument) -> CDSCard.Source {
        CDSCard.Source(
            label: knowledge.phrase(.cardSource, ["version": referral.knowledgeVersion]),
            topic: CDSCoding(
                system: "urn:twitch-triage:cds-hooks:topic", code: "muscle-twitching-triage",
                display: knowledge.phrase(.cardTopic)))
    }

    /// The recommended orders, most urgent first: EMG, NCS, an MRI by region, one per blood
    /// analyte, and the assessments (`orderables` keys as §7.2 lists them).
    static func orders(_ referral: ReferralDocument, wording: ReferralWording, knowledge: Knowledge) -> [Order] {
        var out: [Order] = []
        for recommendation in referral.recommendations {
            let id = { (analyte: AnalyteID?) in
                LiveEvaluation.serviceRequestID(
                    patientID: referral.patient.id, test: recommendation.test.id, region: recommendation.region,
                    analyte: analyte)
            }
            let name = recommendation.test.words(wording.test)
            switch recommendation.test.known {
            case .bloodWork?:
                for analyte in recommendation.analytes ?? [] {
                    out.append(
                        Order(
                            key: analyte.rawValue, serviceRequestID: id(analyte), label: wording.analyte(analyte),
                            recommendation: recommendation))
                }
            case .mri?:
                out.append(
                    Order(
                        key: "MRI:" + (recommendation.region?.rawValue ?? ""), serviceRequestID: id(nil),
                        label: recommendation.region.map { knowledge.phrase(.testOfRegion, ["test": name, "region": $0.rawValue]) } ?? name,
                        recommendation: recommendation))
            default:
                out.append(Order(key: recommendation.test.rawValue, serviceRequestID: id(nil), label: name, recommendation: recommendation))
            }
        }
        return out
    }

    /// The recommended tests in words, for a drafted order's card.
    static func testNames(_ referral: ReferralDocument, wording: ReferralWording, knowledge: Knowledge) -> [String] {
        var seen: Set<String> = []
        return referral.recommendations.map { recommendation in
            let name = recommendation.test.words(wording.test)
            return recommendation.region.map { knowledge.phrase(.testOfRegion, ["test": name, "region": $0.rawValue]) } ?? name
        }.filter { seen.insert($0).inserted }
    }

    /// §7.1's ServiceRequest for the EHR: subject the patient in context, the encounter in
    /// context, the client's code, and no `reasonReference` (those Observations are not in the
    /// EHR) nor `id` (the EHR assigns one when it creates the order).
    static func serviceRequest(_ request: JSONNode, coding: ClientConfiguration.Coding, patient: String, encounter: String?) -> JSONNode {
        guard case .object(var members) = request else { return request }
        members["subject"] = .object(["reference": .string("Patient/\(patient)")])
        if let encounter {
            members["encounter"] = .object(["reference": .string("Encounter/\(encounter)")])
        } else {
            members["encounter"] = nil
        }
        var code: [String: JSONNode] = ["system": .string(coding.system), "code": .string(coding.code)]
        if let display = coding.display { code["display"] = .string(display) }
        var concept: [String: JSONNode] = ["coding": .array([.object(code)])]
        if let text = request["code"]?["text"] { concept["text"] = text }
        members["code"] = .object(concept)
        members["reasonReference"] = nil
        members["id"] = nil
        return .object(members)
    }
}
