import TriageKnowledge
import TriageModel

/// Turns the steps of a red flag's row (`red-flags.json`) into recommendations: every word of a
/// recommendation is the knowledge's, with `{findings}` replaced by the findings that raised it
/// (SPEC §6.1, §6.4). The rules decide whether the red flag holds; the row says what follows.
struct RedFlagPlan {
    /// What the rule reads.
    let context: RuleContext
    /// The red flag's row.
    let flag: RedFlag
    /// The rule's id, for `recommendations[].rule`.
    let rule: RuleID

    /// The plan of the row with `id`; nil when the knowledge has no such row (the loader refuses
    /// tables without every id the rules name).
    init?(_ context: RuleContext, flag id: RedFlagID, rule: RuleID) {
        guard let flag = context.knowledge.redFlag(id: id) else { return nil }
        self.context = context
        self.flag = flag
        self.rule = rule
    }

    /// The findings named in a sentence: "weakness, falls and foot drop".
    static func named<Name: CustomStringConvertible>(_ names: [Name]) -> String {
        let names = names.map(\.description)
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// The row's text with `{findings}` filled in.
    static func fill<Name: CustomStringConvertible>(_ text: String, _ names: [Name]) -> String {
        text.filling("{findings}", with: named(names))
    }

    /// The recommendations of `steps`. A step for a presentation comes only when `presentations`
    /// holds findings for it, and names those; the others name `names`.
    func recommendations<Name: CustomStringConvertible>(
        _ steps: [RedFlag.Step], names: [Name], reasons: [FindingID],
        presentations: [RedFlag.Presentation: [Name]] = [:]
    ) -> [Recommendation] {
        let sources = flag.sources.map(\.name).sorted()
        var out: [Recommendation] = []
        for step in steps {
            var stepNames = names
            if let only = step.only {
                guard let found = presentations[only], !found.isEmpty else { continue }
                stepNames = found
            }
            let test = step.test
            let urgency = step.urgency
            let detail = Self.fill(step.detail, stepNames)
            var recommendation: Recommendation
            if test == .bloodWork {
                let analytes = step.analytes ?? step.panel.map(context.knowledge.panel) ?? []
                guard
                    let blood = context.bloodWork(
                        analytes, purpose: detail, urgency: urgency, rule: rule, reasons: reasons,
                        sources: sources)
                else { continue }
                recommendation = blood
            } else {
                recommendation = Recommendation(
                    test: test, detail: detail, urgency: urgency, rule: rule, reasons: reasons,
                    sources: context.sources(tests: [test]).merged(with: sources), region: step.region)
            }
            recommendation.who = step.who
            recommendation.when = step.when
            if let timeframe = step.timeframe { recommendation.timeframe = context.knowledge.timeframe(id: timeframe) }
            out.append(recommendation)
        }
        return out
    }

    /// Whether a shown symptom of the row's `notBeside` set holds the row back: a tier above acts
    /// instead (SPEC §6.1, "with any motor finding, the tiers above").
    var heldBackByATierAbove: Bool {
        guard let set = flag.notBeside else { return false }
        return context.knowledge.symptomSet(set).symptoms.contains(where: context.findings.isShown)
    }

    /// The row's headline with `{findings}` filled in.
    func headline<Name: CustomStringConvertible>(_ names: [Name]) -> String { Self.fill(flag.headline ?? flag.text, names) }

    /// The outcome of a red flag of the row's own symptoms: the steps when any is stated, putting
    /// up `conditions` with the stated symptoms for each; the possible steps (a clinician's
    /// contact) when any is only possible; else not fired.
    func outcome(stated: [SymptomID], possible: [SymptomID], conditions: [ConditionID] = []) -> RuleOutcome {
        if !stated.isEmpty {
            let reasons = stated.map(FindingID.symptom)
            return RuleOutcome(
                recommendations: recommendations(flag.steps ?? [], names: stated, reasons: reasons),
                conditions: conditions, headline: headline(stated),
                support: Dictionary(conditions.map { ($0, reasons) }, uniquingKeysWith: { first, _ in first }),
                redFlags: [flag.id])
        }
        guard !possible.isEmpty, let steps = flag.possibleSteps else { return .notFired }
        return RuleOutcome(
            recommendations: recommendations(steps, names: possible, reasons: possible.map(FindingID.symptom)),
            conditions: [], headline: Self.fill(flag.possibleHeadline ?? flag.text, possible), redFlags: [])
    }
}
