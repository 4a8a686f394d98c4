/// Builds the considerations (SPEC §6): each condition the rules or the contrast rows touch,
/// with the findings for and against it, its diagnostic approach and sources; ordered by how
/// many findings support it. Never called a diagnosis.
///
/// The Normal vs Potentially Serious table (random-twitches) tells normal twitching from
/// serious, not one serious condition from another, so its rows add to the for and against of
/// conditions that a rule or a condition-specific table (Anxiety/BFS vs ALS, Eyelid vs MS) put
/// up, but do not by themselves put a condition up: a long span alone does not make MS a
/// consideration.
struct ConsiderationBuilder {
    /// The screening table whose rows support but do not raise considerations.
    static let screeningTable = "normal-vs-serious"

    let findings: PatientFindings
    let knowledge: Knowledge

    func build(ruleConditions: [String], reasonsByCondition: [String: [String]]) -> [Consideration] {
        var supporting: [String: [String]] = [:]
        var opposing: [String: [String]] = [:]
        var sources: [String: Set<String>] = [:]
        var touched: [String] = ruleConditions

        for (condition, reasons) in reasonsByCondition {
            for reason in reasons {
                if let finding = findings.list.first(where: { $0.id == reason && $0.present }) {
                    supporting[condition, default: []].append(finding.summary)
                }
            }
        }

        let evaluator = ContrastEvaluator(findings: findings, knowledge: knowledge)
        for row in knowledge.contrasts {
            guard let match = evaluator.evaluate(row) else { continue }
            let rowSources = row.sources.map(\.name)
            switch match {
            case .benign(let why):
                let sentence = "\(row.feature): \(why), as in \"\(row.benign)\""
                for id in row.benignConditions { supporting[id, default: []].append(sentence); sources[id, default: []].formUnion(rowSources) }
                for id in row.concerningConditions { opposing[id, default: []].append(sentence); sources[id, default: []].formUnion(rowSources) }
                if row.table != Self.screeningTable { touched += row.benignConditions }
            case .concerning(let why):
                let sentence = "\(row.feature): \(why), as in \"\(row.concerning)\""
                for id in row.concerningConditions { supporting[id, default: []].append(sentence); sources[id, default: []].formUnion(rowSources) }
                for id in row.benignConditions { opposing[id, default: []].append(sentence); sources[id, default: []].formUnion(rowSources) }
                if row.table != Self.screeningTable { touched += row.concerningConditions }
            }
        }

        var seen: Set<String> = []
        let conditions = touched.filter { seen.insert($0).inserted }.compactMap { knowledge.condition(id: $0) }
        let considerations = conditions.compactMap { condition -> Consideration? in
            let pro = unique(supporting[condition.id] ?? [])
            guard !pro.isEmpty || ruleConditions.contains(condition.id) else { return nil }
            return Consideration(
                condition: condition.name, conditionID: condition.id, supporting: pro, opposing: unique(opposing[condition.id] ?? []),
                diagnosticApproach: condition.diagnosticApproach,
                sources: Array(sources[condition.id, default: []].union(condition.sources.map(\.name))).sorted())
        }
        return considerations.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.supporting.count, -lhs.element.opposing.count, -lhs.offset)
            let right = (rhs.element.supporting.count, -rhs.element.opposing.count, -rhs.offset)
            return left > right
        }.map(\.element)
    }

    private func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}
