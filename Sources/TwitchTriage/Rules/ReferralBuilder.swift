/// Turns a patient's record into a referral: findings, every rule of the registry,
/// recommendations merged per test, overall urgency, headline, considerations (SPEC §6, §7).
public struct ReferralBuilder: Sendable {
    let knowledge: Knowledge
    private let rules: [any Rule]

    /// The longest headline (SPEC §7).
    public static let headlineLimit = 140

    /// Creates a builder over the knowledge tables and rules (all of the registry by default).
    public init(knowledge: Knowledge, rules: [any Rule] = RuleRegistry.all) {
        self.knowledge = knowledge
        self.rules = rules
    }

    /// Builds the referral of `record` as of `asOf`.
    public func referral(for record: PatientRecord, asOf: LocalDate) -> Referral {
        let findings = FindingsDeriver(knowledge: knowledge).derive(record, asOf: asOf)
        let context = RuleContext(findings: findings, knowledge: knowledge)

        var fired: [(rank: Int, rule: any Rule, outcome: RuleOutcome)] = []
        for (rank, rule) in rules.enumerated() {
            let outcome = rule.evaluate(context)
            if outcome.fired { fired.append((rank, rule, outcome)) }
        }
        let recommendations = Self.merge(fired.flatMap { item in item.outcome.recommendations.map { (item.rank, $0) } })
        let urgency = recommendations.map(\.urgency).max() ?? .selfCare

        var reasonsByCondition: [String: [String]] = [:]
        for item in fired {
            for condition in item.outcome.conditions {
                reasonsByCondition[condition, default: []] += item.outcome.recommendations.flatMap(\.reasons)
            }
        }
        let considerations = ConsiderationBuilder(findings: findings, knowledge: knowledge)
            .build(ruleConditions: fired.flatMap(\.outcome.conditions), reasonsByCondition: reasonsByCondition)

        let lead = fired.filter { $0.outcome.recommendations.contains { $0.urgency == urgency } }.first
        let headline = Self.headline(urgency: urgency, fragment: lead?.outcome.headline
            ?? (record.journal.isEmpty ? "no journal entries and no abnormal lab; nothing to recommend"
                : "no rule found a reason for tests"))

        let window = record.journal.isEmpty ? nil
            : Referral.Window(first: record.journal.first!.date, last: record.journal.last!.date, entries: record.journal.count)
        let exposures = Set(findings.lifestyle.correlations.map(\.factor.trigger))
        let advice = knowledge.advice
            .filter { $0.kind == "return" || $0.trigger == nil || exposures.contains($0.trigger!) }
            .map { Referral.AdviceItem(id: $0.id, text: $0.text, sources: $0.sources.map(\.name).sorted()) }

        return Referral(
            toolVersion: ToolInfo.version, knowledgeVersion: knowledge.version, asOf: asOf,
            patient: .init(id: record.id, age: findings.age, sex: record.demographics?.sex,
                           displayName: record.demographics?.displayName),
            window: window, urgency: urgency, headline: headline, recommendations: recommendations,
            findings: findings.list.filter(\.present) + findings.list.filter { !$0.present },
            labs: record.labs, considerations: considerations,
            correlations: findings.lifestyle.correlations.map {
                .init(factor: $0.factor.rawValue, exposedDays: $0.exposedDays, exposedMean: NumberFormatting.rounded($0.exposedMean, places: 2),
                      unexposedDays: $0.unexposedDays, unexposedMean: NumberFormatting.rounded($0.unexposedMean, places: 2),
                      comparable: $0.comparable, linked: $0.linked)
            },
            advice: advice,
            dataQuality: DataQualityMerger.merge(record.diagnostics, terms: record.journal.flatMap(\.unrecognised)),
            notes: record.journal.flatMap { entry in entry.notes.map { Referral.Note(date: entry.date, source: entry.source, text: $0) } },
            inputs: record.inputs, timeline: ReferralTimeline(journal: record.journal),
            disclaimer: Referral.standardDisclaimer)
    }

    /// Merges recommendations of the same test (and MRI region): the most urgent one leads
    /// (registry order breaks ties); reasons, sources and analytes are joined; the others'
    /// rules are listed in `alsoRecommendedBy` and their details appended.
    static func merge(_ ranked: [(Int, Recommendation)]) -> [Recommendation] {
        var groups: [String: [(Int, Recommendation)]] = [:]
        var order: [String] = []
        for item in ranked {
            let key = item.1.test.rawValue + "|" + (item.1.region ?? "")
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
                    lead.detail += " Also (\(other.rule), \(other.urgency.rawValue)): " + other.detail
                }
            }
            merged.append((items[0].0, lead))
        }
        return merged.sorted { ($0.recommendation.urgency, -$0.rank) > ($1.recommendation.urgency, -$1.rank) }.map(\.recommendation)
    }

    /// `Urgent: …`, cut at a word to at most ``headlineLimit`` characters.
    static func headline(urgency: Urgency, fragment: String) -> String {
        let label: String
        switch urgency {
        case .urgent: label = "Urgent"
        case .soon: label = "Soon"
        case .routine: label = "Routine"
        case .selfCare: label = "Self-care"
        }
        let text = "\(label): \(fragment)."
        guard text.count > headlineLimit else { return text }
        var cut = String(text.prefix(headlineLimit - 1))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut.trimmingCharacters(in: [",", ";", " "]) + "…"
    }
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var text = self
        while let last = text.last, set.contains(last) { text.removeLast() }
        return text
    }
}
