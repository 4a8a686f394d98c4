import TriageKnowledge
import TriageModel

/// Lab results: each result → what it calls for, from the rows of `lab-actions.json` (SPEC
/// §6.2). A low B12 with neurological symptoms → the prescriber to start intramuscular
/// hydroxocobalamin without delay after the right bloods (NICE NG239, the BNF), as does a B12
/// in NG239's indeterminate range; a low magnesium or potassium → replacement with its checks
/// (NHS trust guidelines); a low calcium → adjusted calcium and its causes, same day with
/// tetany, hand spasm or tingling around the mouth; vitamin D by its thresholds (below 25
/// nmol/L deficient, 25-50 insufficient), never "the likely cause"; TSH, CK and critical values
/// by their rows; a result the lab's comment makes unreliable → repeat the sample, never acted
/// on as a value, and sooner when the value lies on the side the specimen problem would hide
/// (a low potassium on a haemolysed sample is, if anything, lower: `hiddenSide` rows).
///
/// Each recommendation names who acts (a treatment is always the GP's to consider: no dose, no
/// intravenous route, which is the same-day route). Blood work asks only for what is missing,
/// stale or older than the recent days, each with its reason. Only a row marked `explains` may
/// call a result the likely cause, and a result never lowers a red flag: the overall urgency is
/// the highest of all rules'.
///
/// Knowledge: `lab-actions.json` (actions, drug groups, gap words); `rules.json` `labRelations`
/// (panel and condition of each analyte); analytes with ranges and critical limits.
package struct AbnormalLabsRule: Rule {
    /// `abnormal-labs`.
    package let id: RuleID = "abnormal-labs"

    /// One matched row for one result.
    package struct Match {
        var action: LabActionTable.Action
        var lab: LabResult
        var symptoms: [SymptomID]
    }

    /// The rows that apply to `lab`: every specific row whose band, bounds and symptoms fit,
    /// and the fallback rows only when none did.
    package static func matches(_ lab: LabResult, context: RuleContext) -> [Match] {
        let symptoms = context.findings.symptoms
        let has: (SymptomID) -> Bool = { symptoms.has($0) }
        let value = lab.canonical.value.number
        var specific: [Match] = []
        var fallback: [Match] = []
        for action in context.knowledge.labActions.actions
        where action.analyte == lab.analyte || action.analyte == LabActionTable.anyAnalyte {
            guard action.takes(lab.status), action.bounds(value) else { continue }
            if action.band == .indeterminate, action.atLeast == nil && action.below == nil { continue }
            if let hidden = action.hiddenSide, hidden != context.knowledge.specimenComments.hidesSide(of: lab) { continue }
            let present = (action.withSymptoms ?? []).filter(has)
            if action.withSymptoms != nil, present.isEmpty { continue }
            if (action.withoutSymptoms ?? []).contains(where: has) { continue }
            let match = Match(action: action, lab: lab, symptoms: present)
            if action.fallback == true { fallback.append(match) } else { specific.append(match) }
        }
        return specific.isEmpty ? fallback : specific
    }

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        let matches = findings.labs.standings.compactMap(\.latest).flatMap { Self.matches($0, context: context) }
        guard !matches.isEmpty else { return .notFired }
        let table = context.knowledge.labActions
        let rules = context.knowledge.rules

        var conditions: [ConditionID] = []
        var support: [ConditionID: [FindingID]] = [:]
        for match in matches where match.lab.status.isAbnormal || match.action.band == .indeterminate {
            guard let relation = rules.relation(of: match.lab.analyte) else { continue }
            if !conditions.contains(relation.condition) { conditions.append(relation.condition) }
            let id = FindingID.lab(match.lab.analyte)
            if !(support[relation.condition] ?? []).contains(id) { support[relation.condition, default: []].append(id) }
        }

        var recommendations: [Recommendation] = []
        let draw = bloodDraw(matches, context: context, table: table)
        for test in [Recommendation.Test.sameDayAssessment, .treatment]
            + Recommendation.Test.allCases.filter({ $0 != .sameDayAssessment && $0 != .treatment })
        {
            let group = matches.filter { $0.action.test == test }
            if test == .bloodWork {
                if group.isEmpty && draw.analytes.isEmpty { continue }
                recommendations.append(bloodWork(group, draw: draw, all: matches, context: context, table: table))
            } else if !group.isEmpty {
                recommendations.append(recommendation(test, group, context: context, table: table))
            }
        }

        func rank(_ match: Match) -> (Urgency, Int) {
            (match.action.urgency, match.action.test == .sameDayAssessment ? 1 : 0)
        }
        let lead = matches.filter { $0.action.headline != nil }.max { rank($0) < rank($1) }
        let headline =
            lead.map { fill($0.action.headline!, $0, context: context) }
            ?? matches.map { fill($0.action.text, $0, context: context) }.first
        let leads = matches.contains {
            $0.action.explains == true || $0.action.test == .sameDayAssessment
                || $0.action.urgency >= .urgent
        }
        return RuleOutcome(
            recommendations: recommendations, conditions: conditions, headline: headline, support: support, leadsHeadline: leads)
    }

    /// One recommendation of `test` from its matched rows: the most urgent row's urgency and
    /// who, every row's wording, the drugs named, and for blood work the analytes to draw.
    private func recommendation(_ test: Recommendation.Test, _ group: [Match], context: RuleContext, table: LabActionTable)
        -> Recommendation
    {
        let findings = context.findings
        let urgency = group.map(\.action.urgency).max() ?? .routine
        let leader = group.first { $0.action.urgency == urgency } ?? group[0]
        var sentences: [String] = []
        var reasons: [FindingID] = []
        var sources: [String] = []
        var drugs: [String] = []
        // The most urgent row's sentence first (a stable sort: file order within an urgency).
        let ordered = group.enumerated().sorted { ($0.element.action.urgency, -$0.offset) > ($1.element.action.urgency, -$1.offset) }.map(
            \.element)
        for match in ordered {
            let text = "\(context.describe(match.lab)): \(fill(match.action.text, match, context: context))"
            if !sentences.contains(text) { sentences.append(text) }
            for id in [FindingID.lab(match.lab.analyte)] + match.symptoms.map(FindingID.symptom) where !reasons.contains(id) {
                reasons.append(id)
            }
            sources = sources.merged(with: match.action.sources.map(\.name))
            for name in Self.drugsTaken(match.action.nameDrugs ?? [], findings: findings, table: table) where !drugs.contains(name) {
                drugs.append(name)
            }
        }
        var detail = sentences.joined(separator: " ")
        if !drugs.isEmpty {
            detail += " " + capitalised(table.gaps.takes.filling("{drugs}", with: drugs.joined(separator: ", "))) + "."
            sources = sources.merged(with: table.drugGroups.filter { drugs.contains($0.name) }.flatMap(\.sources).map(\.name))
        }
        if test == .sameDayAssessment { sources = sources.merged(with: context.knowledge.sameDaySources) }
        var recommendation = Recommendation(test: test, detail: detail, urgency: urgency, rule: id, reasons: reasons, sources: sources)
        recommendation.who = leader.action.who
        if let timeframe = leader.action.timeframe { recommendation.timeframe = context.knowledge.timeframe(id: timeframe) }
        return recommendation
    }

    /// The blood work: the blood-work rows' wording, then every row's draws with their reasons;
    /// with no blood-work row, the draws of the other rows, as urgent as the most urgent of them.
    private func bloodWork(
        _ group: [Match], draw: (analytes: [AnalyteID], reasons: [String]), all: [Match], context: RuleContext,
        table: LabActionTable
    ) -> Recommendation {
        let drawing = all.filter {
            $0.action.recheck == true || !context.findings.labs.toDraw($0.action.draw ?? []).isEmpty || !($0.action.alsoOrder ?? []).isEmpty
        }
        var recommendation =
            group.isEmpty
            ? Recommendation(
                test: .bloodWork, detail: "", urgency: drawing.map(\.action.urgency).max() ?? .routine,
                rule: id, reasons: [], sources: [])
            : self.recommendation(.bloodWork, group, context: context, table: table)
        if recommendation.who == nil { recommendation.who = .gp }
        for match in drawing where !recommendation.reasons.contains(FindingID.lab(match.lab.analyte)) {
            recommendation.reasons.append(FindingID.lab(match.lab.analyte))
        }
        if !draw.reasons.isEmpty {
            let also = table.gaps.alsoDraw.filling("{items}", with: draw.reasons.joined(separator: "; "))
            recommendation.detail = recommendation.detail.isEmpty ? also : recommendation.detail + " " + also
        }
        recommendation.analytes = draw.analytes
        recommendation.sources = recommendation.sources.merged(with: table.gaps.sources.map(\.name)).merged(
            with: context.sources(tests: [.bloodWork])
        )
        .merged(with: drawing.flatMap(\.action.sources).map(\.name))
        return recommendation
    }

    /// What blood work draws for `group`: the results to repeat, the related analytes that
    /// need drawing (missing, stale, old, or reported in a unit that does not fit), and the
    /// tests the tool does not read; each with its reason.
    private func bloodDraw(_ group: [Match], context: RuleContext, table: LabActionTable) -> (analytes: [AnalyteID], reasons: [String]) {
        var analytes: [AnalyteID] = []
        var reasons: [String] = []
        for match in group {
            if match.action.recheck == true, !analytes.contains(match.lab.analyte) { analytes.append(match.lab.analyte) }
            let result = "\(context.spokenName(match.lab.analyte)) \(match.lab.reported.value.reportedText) \(match.lab.reported.unit)"
            for analyte in context.findings.labs.toDraw(match.action.draw ?? []) where !analytes.contains(analyte) {
                analytes.append(analyte)
                let gap = context.gapReason(analyte) ?? table.gaps.requestedBy
                reasons.append(
                    gap.filling("{analyte}", with: context.spokenName(analyte))
                        .filling("{result}", with: result))
            }
            for other in match.action.alsoOrder ?? [] where !analytes.contains(other) {
                analytes.append(other)
                reasons.append(table.gaps.requestedBy.filling("{analyte}", with: other.rawValue).filling("{result}", with: result))
            }
        }
        return (analytes, reasons)
    }

    /// `text` with `{analyte}`, `{value}`, `{symptoms}` and `{reason}` filled in.
    private func fill(_ text: String, _ match: Match, context: RuleContext) -> String {
        text.filling("{analyte}", with: context.spokenName(match.lab.analyte))
            .filling("{value}", with: "\(match.lab.reported.value.reportedText) \(match.lab.reported.unit)")
            .filling("{symptoms}", with: match.symptoms.joined(separator: " and "))
            .filling("{reason}", with: match.lab.unreliableBecause ?? match.lab.comment ?? "unreliable")
    }

    /// The names of the drug groups the patient takes: by medication class, or by a word in the
    /// journal's medications or notes.
    static func drugsTaken(_ groups: [DrugGroupID], findings: PatientFindings, table: LabActionTable) -> [String] {
        guard !groups.isEmpty else { return [] }
        let texts = findings.record.journal.flatMap { entry in entry.medications.map(\.name) + entry.notes }.map(TextMatch.Folded.init)
        return table.drugGroups.filter { groups.contains($0.id) }.compactMap { group in
            if let medicationClass = group.medicationClass, findings.medications.contains(where: { $0.medicationClass == medicationClass })
            {
                return group.name
            }
            let terms = group.terms.map(TextMatch.Folded.init)
            return texts.contains { text in terms.contains { TextMatch.contains(text, $0) } } ? group.name : nil
        }
    }

    private func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
