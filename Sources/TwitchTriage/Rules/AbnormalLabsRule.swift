/// Abnormal labs: an analyte low or high → the action the result calls for (replace and
/// recheck, find the cause and recheck) and the related analytes not yet measured (missing,
/// stale or older than the recent days); electrolyte imbalance, vitamin deficiency, thyroid
/// disorder or neuropathy considered. A critical value is urgent and same-day: repeat and
/// treat today. A low result that is the likely cause of the twitching or of its symptoms
/// (B12 with numbness and tingling) takes the headline among equally urgent rules, naming a
/// medication the knowledge links to it (a diuretic with low magnesium).
///
/// Knowledge (`rules.json`): `labActions`, `likelyCauses`, `labRelations`, `medicationNotes`;
/// analytes with reference ranges and critical limits (`analytes.json`); tests `bloodWork`
/// (panels). Articles: arm-twitching-guide, random-twitches, neurologist-guide ("Low levels of
/// potassium, calcium, or magnesium"; "B vitamins (especially B12), vitamin D";
/// "Hyperthyroidism"; neuropathy "often due to diabetes, vitamin deficiencies").
public struct AbnormalLabsRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `abnormal-labs`.
    public let id = "abnormal-labs"

    /// `low` or `high`.
    static func direction(_ status: LabResult.Status) -> String {
        status == .low || status == .criticalLow ? "low" : "high"
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        let abnormal = findings.labs.abnormal
        guard !abnormal.isEmpty else { return .notFired }
        let rules = context.knowledge.rules
        var conditions: [ConditionID] = []
        var support: [ConditionID: [FindingID]] = [:]
        var related: [String] = []
        var described: [String] = []
        var actionSources: [String] = []
        var causes: [(name: String, symptoms: [String], drug: String?)] = []
        for standing in abnormal {
            guard let lab = standing.latest else { continue }
            let direction = Self.direction(lab.status)
            let action = rules.action(for: standing.analyte, direction: direction)
            actionSources += action?.sources.map(\.name) ?? []
            described.append("\(context.describe(lab)): \(action?.action ?? "recheck")")
            if let relation = rules.relation(of: standing.analyte) {
                if !conditions.contains(relation.condition) { conditions.append(relation.condition) }
                support[relation.condition, default: []].append(FindingID.lab(standing.analyte))
                for analyte in context.knowledge.panel(relation.panel) where analyte != standing.analyte && !related.contains(analyte) {
                    related.append(analyte)
                }
            }
            if let cause = rules.likelyCauses.first(where: { $0.analyte == standing.analyte && $0.direction == direction }) {
                let shown = cause.symptoms.filter(findings.symptoms.has)
                if cause.symptoms.isEmpty || !shown.isEmpty {
                    let drug = findings.medications.first { use in
                        rules.medicationNote(use.medicationClass)?.linkedAnalytes.contains(standing.analyte) ?? false
                    }
                    causes.append(("\(direction) \(context.spokenName(standing.analyte)) \(lab.reported.value.reportedText) \(lab.reported.unit)", shown,
                                   drug.map { "on \($0.drugs.joined(separator: ", "))" }))
                    actionSources += cause.sources.map(\.name)
                }
            }
        }
        let abnormalIDs = abnormal.map(\.analyte)
        let draw = findings.labs.toDraw(related).filter { !abnormalIDs.contains($0) }
        let critical = abnormal.filter(\.critical)
        let urgency: Urgency = critical.isEmpty ? .routine : .urgent
        var detail = described.joined(separator: "; ") + "."
        if !draw.isEmpty { detail += " Also draw, not measured recently: \(draw.map(context.spokenName).joined(separator: ", "))." }
        let sources = context.sources(conditions: conditions).merged(with: context.sources(tests: [.bloodWork]))
            .merged(with: abnormal.compactMap { context.knowledge.analyte(id: $0.analyte) }.flatMap(\.reference.sources).map(\.name))
            .merged(with: actionSources)
        var recommendations: [Recommendation] = []
        if !critical.isEmpty {
            let values = critical.compactMap(\.latest).map(context.describe).joined(separator: "; ")
            recommendations.append(Recommendation(
                test: .sameDayAssessment, detail: "Critical result, act today: repeat and treat per local protocol: \(values).",
                urgency: .urgent, rule: id, reasons: critical.map { FindingID.lab($0.analyte) },
                sources: sources.merged(with: context.knowledge.sameDaySources)))
        }
        recommendations.append(Recommendation(test: .bloodWork, detail: detail, urgency: urgency, rule: id,
                                              reasons: abnormal.map { FindingID.lab($0.analyte) }, sources: sources,
                                              analytes: abnormalIDs + draw))
        let headline: String
        if let first = critical.first?.latest {
            headline = "critical \(context.spokenName(first.analyte)) \(first.reported.value.reportedText) \(first.reported.unit); repeat and treat today"
        } else if !causes.isEmpty {
            let parts = causes.map { cause in
                [cause.name, cause.symptoms.isEmpty ? nil : "with " + cause.symptoms.joined(separator: " and "), cause.drug]
                    .compactMap { $0 }.joined(separator: " ")
            }
            let action = rules.action(for: abnormal[0].analyte, direction: Self.direction(abnormal[0].latest!.status))?.action ?? "recheck"
            headline = "\(parts.joined(separator: "; ")), the likely cause; \(action)"
        } else {
            headline = described.joined(separator: "; ")
        }
        return RuleOutcome(recommendations: recommendations, conditions: conditions, headline: headline, support: support,
                           leadsHeadline: !causes.isEmpty || !critical.isEmpty)
    }
}
