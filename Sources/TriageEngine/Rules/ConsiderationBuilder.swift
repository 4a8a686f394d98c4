import TriageKnowledge
import TriageModel

/// Builds the considerations (SPEC §6): each condition a fired rule names or a contrast row
/// puts up with something specific for it, with the findings for and against it, its
/// diagnostic approach and sources. Never called a diagnosis.
///
/// - For and against come from the rules' own findings and from the contrast rows, read
///   through `contrast-map.json` (``ContrastEvaluator``).
/// - Where a specific table (Anxiety/BFS vs ALS, Eyelid vs MS) and the general one (Normal vs
///   Serious) speak to the same condition about the same aspect, the specific one wins.
/// - No finding is used both for and against one condition: a conflict drops the contrast
///   items on both sides, and a rule's own reason always stands.
/// - Order: the conditions of the rule that sets the headline, then those of the other fired
///   rules, then the conditions a contrast row raised, by net support (for minus against).
/// - ALS (neurologist-guide, "weakness is the key"): considered when a rule names it (motor
///   red flags, spreading, or age 40-70 with persistent twitching); for a patient whose notes
///   fear it without any of its key signs, listed as unlikely with the findings against it.
package struct ConsiderationBuilder {
    /// One line of for or against, with the findings behind it.
    package struct Item: Equatable {
        package var sentence: String
        package var findings: [FindingID]
        /// The contrast table, or nil for a rule's own reason.
        package var table: ContrastTableID?
        package var aspect: String?
        var specificity: Int
    }

    /// One condition, before it becomes a ``Consideration``.
    package struct Draft: Equatable {
        package var condition: ConditionID
        package var supporting: [Item]
        package var opposing: [Item]
        var sources: [String]
        var unlikely: Bool
    }

    package let findings: PatientFindings
    package let knowledge: Knowledge

    /// The considerations, from the fired rules in headline order (lead first).
    package func build(fired: [RuleOutcome]) -> [Consideration] {
        drafts(fired: fired).compactMap { draft in
            guard let condition = knowledge.condition(draft.condition) else { return nil }
            return Consideration(
                condition: draft.unlikely
                    ? knowledge.rules.sentence(.considerationUnlikely, ["condition": condition.name]) : condition.name,
                conditionID: condition.id,
                supporting: draft.supporting.map(\.sentence), opposing: draft.opposing.map(\.sentence),
                diagnosticApproach: condition.separatedBy.map {
                    knowledge.rules.sentence(.separatedBy, ["approach": condition.diagnosticApproach, "by": $0])
                } ?? condition.diagnosticApproach,
                sources: Array(Set(draft.sources).union(condition.sources.map(\.name))).sorted()
            )
            .with(assessment: draft.unlikely ? Consideration.unlikely : nil)
        }
    }

    /// The drafts, ordered, with the findings behind every item (tests read these).
    package func drafts(fired: [RuleOutcome]) -> [Draft] {
        var supporting: [ConditionID: [Item]] = [:]
        var opposing: [ConditionID: [Item]] = [:]
        var sources: [ConditionID: Set<String>] = [:]
        var ruleOrder: [ConditionID] = []
        for outcome in fired {
            for condition in outcome.conditions {
                if !ruleOrder.contains(condition) { ruleOrder.append(condition) }
                for reason in outcome.support(of: condition) {
                    guard let finding = findings.list.first(where: { $0.id == reason && $0.present }) else { continue }
                    supporting[condition, default: []].append(
                        Item(
                            sentence: finding.summary, findings: [reason], table: nil, aspect: nil,
                            specificity: Int.max))
                }
                sources[condition, default: []].formUnion(outcome.recommendations.flatMap(\.sources))
            }
        }

        var raised: [ConditionID] = []
        for match in ContrastEvaluator(findings: findings, knowledge: knowledge).matches() {
            let specificity = knowledge.contrastMap.specificity(of: match.entry.table)
            let item = Item(
                sentence: match.sentence(knowledge.rules), findings: match.findings, table: match.entry.table, aspect: match.entry.aspect,
                specificity: specificity)
            let rowSources = match.row.sources.map(\.name) + match.entry.sources.map(\.name)
            for id in match.entry.supports {
                supporting[id, default: []].append(item)
                sources[id, default: []].formUnion(rowSources)
            }
            for id in match.entry.opposes {
                opposing[id, default: []].append(item)
                sources[id, default: []].formUnion(rowSources)
            }
            for id in match.entry.raises where !raised.contains(id) { raised.append(id) }
        }

        var drafts: [ConditionID: Draft] = [:]
        for condition in Set(supporting.keys).union(opposing.keys) {
            var pro = supporting[condition] ?? []
            var con = opposing[condition] ?? []
            Self.keepMostSpecific(&pro, &con)
            Self.dropConflicts(&pro, &con)
            drafts[condition] = Draft(
                condition: condition, supporting: Self.unique(pro), opposing: Self.unique(con),
                sources: Array(sources[condition] ?? []).sorted(), unlikely: false)
        }

        var ordered: [Draft] = []
        let worry = unlikelyWorry(ConditionID.als)
        for condition in ruleOrder where !(condition == ConditionID.als && worry != nil) {
            if let draft = drafts[condition], !draft.supporting.isEmpty { ordered.append(draft) }
        }
        let contrastRaised = raised.filter { id in id != ConditionID.als && !ordered.contains { $0.condition == id } }
            .compactMap { drafts[$0] }.filter { !$0.supporting.isEmpty }
        ordered += contrastRaised.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.supporting.count - lhs.element.opposing.count, -lhs.offset)
            let right = (rhs.element.supporting.count - rhs.element.opposing.count, -rhs.offset)
            return left > right
        }.map(\.element)
        for description in patientDescriptions() {
            var draft =
                ordered.first { $0.condition == description.condition } ?? drafts[description.condition]
                ?? Draft(condition: description.condition, supporting: [], opposing: [], sources: [], unlikely: false)
            draft.supporting.insert(description.item, at: 0)
            draft.sources = Array(Set(draft.sources).union(description.sources)).sorted()
            ordered.removeAll { $0.condition == description.condition }
            ordered.insert(draft, at: 0)
        }
        if let worry {
            var draft =
                drafts[ConditionID.als] ?? Draft(condition: ConditionID.als, supporting: [], opposing: [], sources: [], unlikely: true)
            draft.unlikely = true
            draft.supporting = []
            draft.opposing.insert(worry.item, at: 0)
            draft.sources = Array(Set(draft.sources).union(worry.sources)).sorted()
            ordered.append(draft)
        }
        return ordered
    }

    /// The "unlikely" line for a condition the patient fears, when none of its key signs is
    /// recorded and no rule put it up on a motor red flag.
    private func unlikelyWorry(_ condition: ConditionID) -> (item: Item, sources: [String])? {
        guard let concern = knowledge.rules.concerns.first(where: { $0.condition == condition }),
            findings.concerns.contains(where: { $0.condition == condition }),
            !concern.keySymptoms.contains(where: findings.isShown), !findings.symptoms.progressiveWeakness
        else { return nil }
        let sentence = knowledge.rules.sentence(
            .fearedUnlikely,
            [
                "unlikely": concern.unlikely, "entries": Count.entries(findings.symptoms.entryCount),
                "days": String(findings.course.durationAtLeastDays),
            ])
        return (
            Item(
                sentence: sentence, findings: concern.keySymptoms.map(FindingID.symptom) + [FindingID.concern(condition)], table: nil,
                aspect: nil, specificity: Int.max), concern.sources.map(\.name)
        )
    }

    /// The patient's own descriptions that speak for a condition (`rules.json`
    /// `patientDescriptions`: "it keeps moving around" for BFS), only without any motor finding
    /// (SPEC §6.3: the patient's description puts BFS first), with the first quote.
    private func patientDescriptions() -> [(condition: ConditionID, item: Item, sources: [String])] {
        let motor = [SymptomSetID.limbMotor, .mndAlone, .mndBreathing].contains { !findings.stated($0, knowledge).isEmpty }
        guard !motor, !findings.symptoms.progressiveWeakness else { return [] }
        var out: [(ConditionID, Item, [String])] = []
        guard let descriptions = knowledge.rules.patientDescriptions, !descriptions.isEmpty else { return out }
        let notes = findings.record.journal.flatMap(\.notes).map { (note: $0, text: " " + $0.lowercased() + " ") }
        for description in descriptions {
            let phrases = description.phrases.map { $0.lowercased() }
            guard
                let note = notes.first(where: { note in
                    phrases.contains {
                        note.text.containsText(" " + $0 + " ") || note.text.containsText(" " + $0 + ",")
                            || note.text.containsText(" " + $0 + ".")
                    }
                })?.note
            else { continue }
            let item = Item(
                sentence: description.sentence + ": \"" + note + "\"", findings: [FindingID.contextMentions], table: nil, aspect: nil,
                specificity: Int.max)
            out.append((description.condition, item, description.sources.map(\.name)))
        }
        return out
    }

    /// Drops the items of a less specific table about an aspect a more specific one speaks to.
    package static func keepMostSpecific(_ pro: inout [Item], _ con: inout [Item]) {
        var best: [String: Int] = [:]
        for item in pro + con {
            guard let aspect = item.aspect else { continue }
            best[aspect] = max(best[aspect] ?? Int.min, item.specificity)
        }
        let keep: (Item) -> Bool = { item in item.aspect.map { item.specificity >= best[$0]! } ?? true }
        pro = pro.filter(keep)
        con = con.filter(keep)
    }

    /// Drops contrast items that use a finding on both sides; a rule's own reason stays.
    package static func dropConflicts(_ pro: inout [Item], _ con: inout [Item]) {
        let proFindings = Set(pro.flatMap(\.findings))
        let conFindings = Set(con.flatMap(\.findings))
        let both = proFindings.intersection(conFindings)
        guard !both.isEmpty else { return }
        pro = pro.filter { $0.table == nil || Set($0.findings).isDisjoint(with: both) }
        con = con.filter { Set($0.findings).isDisjoint(with: both) }
    }

    /// One item per sentence, and one per finding set (a finding read by two rows is said once).
    package static func unique(_ items: [Item]) -> [Item] {
        var sentences: Set<String> = []
        var findingSets: Set<[FindingID]> = []
        return items.filter { sentences.insert($0.sentence).inserted && findingSets.insert($0.findings.sorted()).inserted }
    }
}

extension Consideration {
    /// The assessment of a condition the patient fears without its key signs (`unlikely: true`).
    package static let unlikely = "unlikely"

    /// The consideration with an assessment.
    func with(assessment: String?) -> Consideration {
        var copy = self
        copy.assessment = assessment
        return copy
    }
}
