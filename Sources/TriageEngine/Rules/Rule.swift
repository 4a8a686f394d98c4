import TriageKnowledge
import TriageModel

/// A named rule of SPEC §6: reads a patient's findings and the knowledge tables, and
/// recommends tests with an urgency and the findings behind them.
///
/// Each rule is one type in one file, with a doc comment naming its knowledge rows and
/// articles; ``RuleRegistry`` lists them all. Rules never invent data: a missing lab is a gap
/// to fill, never "normal".
package protocol Rule: Sendable {
    /// The rule's id as reports name it (`motor-neuron-red-flags`).
    var id: RuleID { get }
    /// Evaluates the rule; an outcome with no recommendation means it did not fire.
    func evaluate(_ context: RuleContext) -> RuleOutcome
}

/// What a rule reads.
package struct RuleContext: Sendable {
    /// The patient's findings.
    package var findings: PatientFindings
    /// The knowledge tables.
    package var knowledge: Knowledge

    /// A threshold's value.
    package func threshold(_ key: Threshold.Key) -> Double { knowledge.threshold(key) }

    /// The source names of a red flag, a condition or a test, for a recommendation's `sources`.
    /// Red flags are found by the symptom ids they list.
    func sources(
        symptoms: [SymptomID] = [], conditions: [ConditionID] = [], tests: [CatalogueTestID] = [], thresholds: [Threshold.Key] = [],
        sets: [SymptomSetID] = []
    ) -> [String] {
        var names: Set<String> = []
        for flag in knowledge.redFlags where flag.symptoms.contains(where: symptoms.contains) {
            names.formUnion(flag.sources.map(\.name))
        }
        for id in conditions { names.formUnion(knowledge.condition(id)?.sources.map(\.name) ?? []) }
        for id in tests { names.formUnion(knowledge.test(id: id)?.sources.map(\.name) ?? []) }
        for key in thresholds { names.formUnion(knowledge.threshold(id: key.id)?.sources.map(\.name) ?? []) }
        for set in sets { names.formUnion(knowledge.symptomSet(set).sources.map(\.name)) }
        return names.sorted()
    }

    /// The source names of tests by their recommendation kind.
    func sources(tests: [Recommendation.Test]) -> [String] { sources(tests: tests.map(\.id)) }

    /// Blood work for `analytes` that are missing, stale or older than the recent days, citing
    /// the recent results of the others (SPEC §6); nil when all are recent.
    func bloodWork(
        _ analytes: [AnalyteID], purpose: String, urgency: Urgency, rule: RuleID, reasons: [FindingID],
        sources extra: [String]
    ) -> Recommendation? {
        let labs = findings.labs
        let draw = labs.toDraw(analytes)
        guard !draw.isEmpty else { return nil }
        let recent = labs.recentResults(analytes.filter { !draw.contains($0) })
        let gaps = knowledge.labActions.gaps
        let why = draw.map { analyte in
            (gapReason(analyte) ?? gaps.missing).filling("{analyte}", with: spokenName(analyte))
        }
        var detail = knowledge.rules.sentence(.bloodWorkReasons, ["purpose": purpose, "reasons": why.joined(separator: "; ")])
        if !recent.isEmpty {
            detail += " " + knowledge.rules.sentence(.recentNormal, ["results": recent.map(describe).joined(separator: "; ")])
        }
        return Recommendation(
            test: .bloodWork, detail: detail, urgency: urgency, rule: rule, reasons: reasons,
            sources: sources(tests: [.bloodWork]).merged(with: extra).merged(with: sources(thresholds: [.recentLabDays]))
                .merged(with: gaps.sources.map(\.name)),
            analytes: draw)
    }

    /// Why blood work draws `analyte`, in the knowledge's gap words with the date and days
    /// filled in (`{analyte}` left for the caller): never measured, reported in a unit that does
    /// not fit (a row skipped for its unit, SPEC §6.2), stale, or older than the recent days; nil
    /// when a recent result is on file.
    func gapReason(_ analyte: AnalyteID) -> String? {
        let gaps = knowledge.labActions.gaps
        let standing = findings.labs.standing(analyte)
        if knowledge.analyte(id: analyte) == nil { return gaps.unread }
        guard let latest = standing.latest else {
            let misreported = findings.record.diagnostics.contains { $0.misreportedAnalyte == analyte }
            return misreported ? gaps.misreported : gaps.missing
        }
        guard standing.needsDrawing else { return nil }
        let days = String(Int(threshold(.recentLabDays)))
        return (standing.stale ? gaps.stale : gaps.old)
            .filling("{date}", with: latest.collected.date.description).filling("{days}", with: days)
    }

    /// The sentence that cites the recent normal results of `analytes` when none needs drawing
    /// ("Blood work within 30 days, normal, not re-ordered: …"); nil when there are none.
    func citingRecent(_ analytes: [AnalyteID]) -> String? {
        let recent = findings.labs.recentResults(analytes)
        guard !recent.isEmpty else { return nil }
        return " "
            + knowledge.rules.sentence(
                .recentNormalWithin,
                [
                    "days": String(Int(threshold(.recentLabDays))),
                    "results": recent.map(describe).joined(separator: "; "),
                ])
    }

    /// How reports name an analyte ("vitamin B12").
    func spokenName(_ analyte: AnalyteID) -> String { knowledge.analyte(id: analyte)?.spokenName ?? analyte.rawValue }

    /// A result as a detail cites it: "magnesium 0.8 mmol/L (normal) on 2026-11-02".
    func describe(_ lab: LabResult) -> String {
        "\(spokenName(lab.analyte)) \(lab.reported.value.reportedText) \(lab.reported.unit) (\(lab.status.rawValue)) on \(lab.collected.date)"
    }
}

/// What a rule concluded.
package struct RuleOutcome: Sendable, Hashable {
    /// Recommendations; empty when the rule did not fire.
    package var recommendations: [Recommendation]
    /// Conditions the rule puts up for consideration.
    package var conditions: [ConditionID]
    /// A headline fragment for when this rule sets the overall urgency ("motor neuron red
    /// flags (progressive weakness); rule out ALS / motor neuron disease").
    package var headline: String?

    /// The findings that speak for each condition, when not all of the recommendations' reasons do.
    package var support: [ConditionID: [FindingID]] = [:]
    /// Whether the headline should be this rule's among equally urgent ones: a low result that
    /// is the likely cause of the symptoms (SPEC §6, "the headline names it").
    package var leadsHeadline = false
    /// Whether the referral should say "query MND" (NICE NG42; `queryMND`).
    package var queryMND = false
    /// The red flags (`red-flags.json` ids) that fired, whose targeted examination the page lists.
    package var redFlags: [RedFlagID] = []

    /// A rule that did not fire.
    package static let notFired = RuleOutcome(recommendations: [], conditions: [], headline: nil)

    /// The findings that speak for `condition`: its own list, else every recommendation's reasons.
    package func support(of condition: ConditionID) -> [FindingID] {
        support[condition] ?? recommendations.flatMap(\.reasons)
    }

    /// Whether the rule fired.
    package var fired: Bool { !recommendations.isEmpty }
}
