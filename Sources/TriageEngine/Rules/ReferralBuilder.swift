import TriageKnowledge
import TriageModel

/// Turns a patient's record into a referral: findings, every rule of the registry,
/// recommendations merged per test, overall urgency, headline, considerations (SPEC §6, §7).
public struct ReferralBuilder: Sendable {
    package let knowledge: Knowledge
    private let rules: [any Rule]

    /// The longest headline (SPEC §7).
    package static let headlineLimit = 140

    /// Creates a builder over the knowledge tables and every rule of the registry.
    public init(knowledge: Knowledge) {
        self.init(knowledge: knowledge, rules: RuleRegistry.all)
    }

    /// Creates a builder over the knowledge tables and the given rules.
    package init(knowledge: Knowledge, rules: [any Rule]) {
        self.knowledge = knowledge
        self.rules = rules
    }

    /// Builds the referral of `record` as of `asOf`.
    public func referral(for record: PatientRecord, asOf: LocalDate) -> Referral {
        referral(for: record, findings: FindingsDeriver(knowledge: knowledge).derive(record, asOf: asOf), asOf: asOf)
    }

    /// Builds the referral of `record` from findings already derived.
    package func referral(for record: PatientRecord, findings: PatientFindings, asOf: LocalDate) -> Referral {
        let context = RuleContext(findings: findings, knowledge: knowledge)

        var fired: [(rank: Int, rule: any Rule, outcome: RuleOutcome)] = []
        for (rank, rule) in rules.enumerated() {
            let outcome = rule.evaluate(context)
            if outcome.fired { fired.append((rank, rule, outcome)) }
        }
        var recommendations = Self.merge(fired.flatMap { item in item.outcome.recommendations.map { (item.rank, $0) } })
        let urgency = recommendations.map(\.urgency).max() ?? .selfCare
        let sameDay = recommendations.contains { $0.test == .sameDayAssessment }
        for index in recommendations.indices {
            if recommendations[index].timeframe == nil {
                recommendations[index].timeframe =
                    recommendations[index].test == .sameDayAssessment
                    ? knowledge.sameDayTimeframe : knowledge.timeframe(recommendations[index].urgency)
            }
            if recommendations[index].who == nil {
                recommendations[index].who = knowledge.test(id: recommendations[index].test.id)?.who.flatMap(Recommendation.Actor.init)
            }
        }

        // Headline order: the most urgent rules first; among them a likely-cause lab result,
        // then registry order. The considerations follow the same order.
        let ordered = fired.sorted { lhs, rhs in
            let left = (lhs.outcome.recommendations.map(\.urgency).max() ?? .selfCare, lhs.outcome.leadsHeadline ? 1 : 0, -lhs.rank)
            let right = (rhs.outcome.recommendations.map(\.urgency).max() ?? .selfCare, rhs.outcome.leadsHeadline ? 1 : 0, -rhs.rank)
            return left > right
        }
        let considerations = ConsiderationBuilder(findings: findings, knowledge: knowledge).build(fired: ordered.map(\.outcome))

        let lead = ordered.first
        var fragment =
            lead?.outcome.headline
            ?? knowledge.rules.sentence(record.journal.isEmpty ? .nothingToRecommend : .noRuleFired)
        // A drug to review is named even when another rule leads (the headlines of two
        // patients who differ by a medication differ too).
        if let review = ordered.dropFirst().first(where: { $0.rule is MedicationsRule }),
            let drugs = review.outcome.recommendations.first?.reasons, !drugs.isEmpty
        {
            let names = findings.medications.flatMap(\.drugs)
            if !names.isEmpty, let leadText = lead?.outcome.headline, !names.contains(where: leadText.contains) {
                fragment = knowledge.rules.sentence(.headlineReviewDrugs, ["headline": fragment, "drugs": names.joined(separator: ", ")])
            }
        }
        let headline = Self.headline(urgency: urgency, sameDay: sameDay, fragment: fragment, knowledge: knowledge)

        let window =
            record.journal.isEmpty
            ? nil
            : Referral.Window(first: record.journal.first!.date, last: record.journal.last!.date, entries: record.journal.count)
        let queryMND = fired.contains { $0.outcome.queryMND }
        let selection = AdviceSelection(
            findings: findings, knowledge: knowledge, sameDay: sameDay, queryMND: queryMND,
            underAge: fired.contains { $0.rule is UnderAgeRule })

        var referral = Referral(
            toolVersion: ToolInfo.version, knowledgeVersion: knowledge.version, asOf: asOf,
            patient: .init(
                id: record.id, age: findings.age, sex: record.demographics?.sex,
                displayName: record.demographics?.displayName),
            window: window, urgency: urgency, headline: headline, recommendations: recommendations,
            findings: findings.list.filter(\.present) + findings.list.filter { !$0.present },
            labs: findings.labResults, considerations: considerations,
            correlations: findings.lifestyle.correlations.map {
                .init(
                    factor: $0.factor.rawValue, exposedDays: $0.exposedDays,
                    exposedMean: NumberFormatting.rounded($0.exposedMean, places: 2),
                    unexposedDays: $0.unexposedDays, unexposedMean: NumberFormatting.rounded($0.unexposedMean, places: 2),
                    comparable: $0.comparable, linked: $0.linked)
            },
            advice: selection.advice,
            dataQuality: DataQualityMerger.merge(
                record.diagnostics, terms: record.journal.flatMap { $0.unrecognised + $0.unreadSymptomText }),
            needsReview: UnreadSymptomText.items(record.journal),
            notes: record.journal.flatMap { entry in entry.notes.map { Referral.Note(date: entry.date, source: entry.source, text: $0) } },
            inputs: record.inputs, timeline: ReferralTimeline(journal: record.journal),
            disclaimer: [knowledge.phrase(.disclaimer), knowledge.advice(id: AdviceID.notMonitored)?.text].compactMap { $0 }.joined(
                separator: " "))
        referral.sameDay = sameDay
        referral.safetyNet = selection.safetyNet
        referral.tellPatient = selection.tellPatient
        referral.history = StatedHistory.items(record.journal)
        referral.queryMND = queryMND
        referral.examination = ExaminationChecklist(knowledge: knowledge)
            .items(redFlags: ordered.flatMap(\.outcome.redFlags), considerations: considerations)
        referral.phone = Referral.PhoneLifestyle(record: record) { column, amount in
            // The unit's words are the page's (`phone-…`); exercise is a level, written as read.
            let phrase: PagePhraseID? =
                switch column {
                case .caffeine: .phoneCaffeine
                case .sleep: .phoneSleep
                case .stress: .phoneStress
                case .alcohol: .phoneAlcohol
                case .water: .phoneWater
                case .exercise: nil
                }
            return phrase.map { knowledge.phrase($0, ["amount": amount]) } ?? amount
        }
        referral.otherResults = record.otherResults
        return referral
    }

    /// Merges recommendations of the same test (and MRI region, and conditional step): the most urgent one leads
    /// (registry order breaks ties); reasons, sources and analytes are joined; the others'
    /// rules are listed in `alsoRecommendedBy` and their details appended.
    package static func merge(_ ranked: [(Int, Recommendation)]) -> [Recommendation] {
        var groups: [String: [(Int, Recommendation)]] = [:]
        var order: [String] = []
        for item in ranked {
            // A conditional next step or a proposal is not merged into a step to take now.
            let key = item.1.test.rawValue + "|" + (item.1.region?.rawValue ?? "") + "|" + (item.1.when == nil ? "now" : "conditional")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(item)
        }
        var merged: [(rank: Int, recommendation: Recommendation)] = []
        for key in order {
            let items = groups[key]!.sorted { ($0.1.urgency, -$0.0) > ($1.1.urgency, -$1.0) }
            var lead = items[0].1
            for (_, other) in items.dropFirst() {
                for reason in other.reasons where !lead.reasons.contains(reason) { lead.reasons.append(reason) }
                lead.sources = lead.sources.merged(with: other.sources)
                if let analytes = other.analytes {
                    var all = lead.analytes ?? []
                    for analyte in analytes where !all.contains(analyte) { all.append(analyte) }
                    lead.analytes = all
                }
                if other.rule != lead.rule, !(lead.alsoRecommendedBy ?? []).contains(other.rule) {
                    lead.alsoRecommendedBy = (lead.alsoRecommendedBy ?? []) + [other.rule]
                    // A less urgent rule's own sentence adds nothing to the same test, except the
                    // reason for the analytes it adds to blood work.
                    if other.urgency == lead.urgency || lead.test == .bloodWork {
                        lead.detail += " Also (\(other.rule), \(other.urgency.rawValue)): " + other.detail
                    }
                }
            }
            merged.append((items[0].0, lead))
        }
        return merged.sorted { ($0.recommendation.urgency, -$0.rank) > ($1.recommendation.urgency, -$1.rank) }.map(\.recommendation)
    }

    /// `Urgent: …`, cut at a word to at most ``headlineLimit`` characters.
    package static func headline(urgency: Urgency, sameDay: Bool = false, fragment: String, knowledge: Knowledge) -> String {
        let sentence = fragment.hasSuffix(".") ? String(fragment.dropLast()) : fragment
        let text = knowledge.rules.sentence(
            sameDay ? .headlineSameDay : .headline,
            ["urgency": urgency.rawValue.capitalizedFirst, "fragment": sentence])
        guard text.count > headlineLimit else { return text }
        var cut = String(text.prefix(headlineLimit - 1))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut.trimmingCharacters(in: [",", ";", " "]) + "…"
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var text = self
        while let last = text.last, set.contains(last) { text.removeLast() }
        return text
    }
}
