/// A named rule of SPEC §6: reads a patient's findings and the knowledge tables, and
/// recommends tests with an urgency and the findings behind them.
///
/// Each rule is one type in one file, with a doc comment naming its knowledge rows and
/// articles; ``RuleRegistry`` lists them all. Rules never invent data: a missing lab is a gap
/// to fill, never "normal".
public protocol Rule: Sendable {
    /// The rule's id as reports name it (`motor-neuron-red-flags`).
    var id: String { get }
    /// Evaluates the rule; an outcome with no recommendation means it did not fire.
    func evaluate(_ context: RuleContext) -> RuleOutcome
}

/// What a rule reads.
public struct RuleContext: Sendable {
    /// The patient's findings.
    public var findings: PatientFindings
    /// The knowledge tables.
    public var knowledge: Knowledge

    /// Creates a context.
    public init(findings: PatientFindings, knowledge: Knowledge) {
        self.findings = findings
        self.knowledge = knowledge
    }

    /// A threshold's value.
    public func threshold(_ key: Threshold.Key) -> Double { knowledge.threshold(key) }

    /// The source names of a red flag, a condition or a test, for a recommendation's `sources`.
    /// Red flags are found by the symptom ids they list.
    func sources(symptoms: [String] = [], conditions: [String] = [], tests: [String] = [], thresholds: [Threshold.Key] = []) -> [String] {
        var names: Set<String> = []
        for flag in knowledge.redFlags where flag.symptoms.contains(where: symptoms.contains) {
            flag.sources.forEach { names.insert($0.name) }
        }
        for id in conditions { knowledge.condition(id: id)?.sources.forEach { names.insert($0.name) } }
        for id in tests { knowledge.test(id: id)?.sources.forEach { names.insert($0.name) } }
        for key in thresholds { knowledge.threshold(id: key.rawValue)?.sources.forEach { names.insert($0.name) } }
        return names.sorted()
    }
}

/// What a rule concluded.
public struct RuleOutcome: Sendable, Hashable {
    /// Recommendations; empty when the rule did not fire.
    public var recommendations: [Recommendation]
    /// Condition ids the rule puts up for consideration.
    public var conditions: [String]
    /// A headline fragment for when this rule sets the overall urgency ("motor neuron red
    /// flags (progressive weakness); rule out ALS / motor neuron disease").
    public var headline: String?

    /// A rule that did not fire.
    public static let notFired = RuleOutcome(recommendations: [], conditions: [], headline: nil)

    /// Creates an outcome.
    public init(recommendations: [Recommendation], conditions: [String], headline: String?) {
        self.recommendations = recommendations
        self.conditions = conditions
        self.headline = headline
    }

    /// Whether the rule fired.
    public var fired: Bool { !recommendations.isEmpty }
}
