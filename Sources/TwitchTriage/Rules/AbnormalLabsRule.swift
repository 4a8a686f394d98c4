/// Abnormal labs: an analyte low or high → blood work: repeat it and the related panel;
/// electrolyte imbalance, vitamin deficiency or thyroid disorder considered; a critical value
/// makes it urgent.
///
/// Knowledge: analytes with reference ranges and critical limits (`analytes.json`); tests
/// `bloodWork` (panels); conditions `electrolyte-imbalance` (arm-twitching-guide, random-twitches,
/// neurologist-guide: "Low levels of potassium, calcium, or magnesium"), `vitamin-deficiency`
/// (random-twitches: "B vitamins (especially B12), vitamin D"), `thyroid-disorder`
/// (neurologist-guide: "Hyperthyroidism"), `peripheral-neuropathy` for HbA1c and glucose
/// (arm-twitching-guide: "often due to diabetes, vitamin deficiencies").
public struct AbnormalLabsRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `abnormal-labs`.
    public let id = "abnormal-labs"

    /// The panel and condition each analyte belongs to.
    static let related: [String: (panel: String, condition: String)] = [
        "magnesium": ("electrolytes", "electrolyte-imbalance"),
        "potassium": ("electrolytes", "electrolyte-imbalance"),
        "calcium": ("electrolytes", "electrolyte-imbalance"),
        "sodium": ("electrolytes", "electrolyte-imbalance"),
        "vitaminB12": ("neuropathy", "vitamin-deficiency"),
        "vitaminD": ("core panel", "vitamin-deficiency"),
        "tsh": ("thyroid", "thyroid-disorder"),
        "hba1c": ("neuropathy", "peripheral-neuropathy"),
        "glucose": ("neuropathy", "peripheral-neuropathy"),
    ]

    /// How headlines and details name an analyte.
    static let spokenName = [
        "magnesium": "magnesium", "potassium": "potassium", "calcium": "calcium", "vitaminB12": "vitamin B12",
        "vitaminD": "vitamin D", "tsh": "TSH", "sodium": "sodium", "hba1c": "HbA1c", "glucose": "glucose",
    ]

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let abnormal = context.findings.labs.abnormal
        guard !abnormal.isEmpty else { return .notFired }
        var analytes: [String] = []
        var conditions: [String] = []
        for standing in abnormal {
            let related = Self.related[standing.analyte]
            let panel = related.flatMap { relation in
                context.knowledge.test(id: "bloodWork")?.variants.first { $0.id == relation.panel }?.analytes
            } ?? []
            for analyte in [standing.analyte] + panel where !analytes.contains(analyte) { analytes.append(analyte) }
            if let condition = related?.condition, !conditions.contains(condition) { conditions.append(condition) }
        }
        let critical = abnormal.filter(\.critical)
        let urgency: Urgency = critical.isEmpty ? .routine : .urgent
        let described = abnormal.compactMap { standing -> String? in
            guard let lab = standing.latest else { return nil }
            return "\(Self.spokenName[standing.analyte] ?? standing.analyte) \(lab.canonical.value) \(lab.canonical.unit), \(lab.status.rawValue)"
        }
        let detail = critical.isEmpty
            ? "Repeat blood work with the related panel: \(described.joined(separator: "; "))."
            : "Critical result, act today: repeat and treat per local protocol: \(described.joined(separator: "; "))."
        let sources = context.sources(conditions: conditions, tests: ["bloodWork"])
            .merged(with: abnormal.compactMap { context.knowledge.analyte(id: $0.analyte) }.flatMap(\.reference.sources).map(\.name))
        let headline = critical.isEmpty
            ? "\(described.joined(separator: "; ")); repeat blood work with the related panel"
            : "critical result, \(described.joined(separator: "; ")); repeat and treat today"
        return RuleOutcome(
            recommendations: [Recommendation(test: .bloodWork, detail: detail, urgency: urgency, rule: id,
                                             reasons: abnormal.map { FindingID.lab($0.analyte) }, sources: sources, analytes: analytes)],
            conditions: conditions, headline: headline)
    }
}
