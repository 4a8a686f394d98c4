import TriageModel

/// The specimen problems a lab's comment can name (`specimen-comments.json`, SPEC §3.10,
/// §6.2): haemolysed, delayed, contaminated, clotted, insufficient. Each lists the words a lab
/// writes for it and the analytes whose results it makes unreliable, with its sources.
package struct SpecimenComments: Sendable, Hashable, Codable {
    /// One specimen problem.
    package struct Problem: Sendable, Hashable, Codable {
        /// The row's id (`haemolysed`).
        package var id: SpecimenProblemID
        /// The word a report uses for it ("haemolysed").
        package var label: String
        /// The words and phrases a comment names it with, matched case-insensitively on word
        /// boundaries (`haemolysed`, `hemolyzed`, `haemolysis`).
        package var words: [String]
        /// The analytes (ids of `analytes.json`) whose results it makes unreliable.
        package var analytes: [AnalyteID]
        /// The analytes among ``analytes`` whose measured value it raises (haemolysis releases
        /// potassium and magnesium from the red cells): a result of one of them below its range
        /// is, if anything, lower in truth.
        package var raises: [AnalyteID]?
        /// The analytes among ``analytes`` whose measured value it lowers (K-EDTA contamination
        /// binds calcium and magnesium): a result of one of them above its range is, if
        /// anything, higher in truth.
        package var lowers: [AnalyteID]?
        /// Where the link between the problem and each analyte comes from.
        package var sources: [Source]
    }

    /// Words that, just before a problem's word, say it is absent (`no haemolysis`).
    package struct Negations: Sendable, Hashable, Codable {
        /// The words.
        package var words: [String]
        /// Where they come from.
        package var sources: [Source]
    }

    /// The negation words.
    package var negations: Negations
    /// The problems, in file order.
    package var problems: [Problem]

    /// An empty table (knowledge built in code).
    package static let empty = SpecimenComments(negations: Negations(words: [], sources: []), problems: [])

    /// The problems `comment` names (not negated by a negation word within the two words before
    /// it), in table order.
    package func problems(in comment: String) -> [Problem] {
        let words = TermKey.words(comment)
        guard !words.isEmpty else { return [] }
        let negating = Set(negations.words.map(TermKey.key))
        return problems.filter { problem in
            problem.words.contains { phrase in
                let target = TermKey.words(phrase)
                guard !target.isEmpty, target.count <= words.count else { return false }
                for start in 0...(words.count - target.count) where Array(words[start..<start + target.count]) == target {
                    let before = words[max(0, start - 2)..<start]
                    if !before.contains(where: negating.contains) { return true }
                }
                return false
            }
        }
    }

    /// Whether `lab`, made unreliable by the problems its ``LabResult/unreliableBecause`` names,
    /// lies outside its reference range on the side those problems would hide: below the range
    /// for a problem that raises the analyte, above it for one that lowers it. Such a value is,
    /// if anything, further out in truth, so its repeat comes sooner (SPEC §6.2).
    package func hidesSide(of lab: LabResult) -> Bool {
        guard let because = lab.unreliableBecause, let range = lab.reference else { return false }
        let labels = Set(because.components(separatedBy: ", "))
        let value = lab.canonical.value.number
        return problems.contains { problem in
            guard labels.contains(problem.label) else { return false }
            if let low = range.low, value < low, (problem.raises ?? []).contains(lab.analyte) { return true }
            if let high = range.high, value > high, (problem.lowers ?? []).contains(lab.analyte) { return true }
            return false
        }
    }

    /// Checks the table against the analytes and the source catalogue.
    ///
    /// - Throws: ``KnowledgeError`` naming the row: an empty word list, an unknown analyte, a
    ///   row without a source or citing one that is not in the catalogue.
    func validate(analytes: Set<AnalyteID>, catalogue: [SourceReference]) throws(KnowledgeError) {
        let file = KnowledgeFile.specimenComments.rawValue
        let known = Set(catalogue.map(\.name))
        func check(_ sources: [Source], row: KnowledgeError.Row) throws(KnowledgeError) {
            guard !sources.isEmpty else { throw KnowledgeError(file: file, row: row, reason: .noSource) }
            for source in sources where !known.contains(source.name) {
                throw KnowledgeError(file: file, row: row, reason: .unknownSource(source.name, allowed: "in knowledge.json's sources"))
            }
        }
        try check(negations.sources, row: KnowledgeError.Row(list: "negations", number: 1, id: "negations"))
        var seen: Set<SpecimenProblemID> = []
        for (index, problem) in problems.enumerated() {
            let row = KnowledgeError.Row(list: "problems", number: index + 1, id: problem.id.rawValue)
            if problem.id.rawValue.isEmpty || !seen.insert(problem.id).inserted {
                throw KnowledgeError(
                    file: file, row: row,
                    reason: .invalidValue(field: "id", value: problem.id.rawValue, expected: "a unique, non-empty id"))
            }
            if problem.words.contains(where: { TermKey.words($0).isEmpty }) || problem.words.isEmpty {
                throw KnowledgeError(file: file, row: row, reason: .emptyField("words"))
            }
            if problem.analytes.isEmpty { throw KnowledgeError(file: file, row: row, reason: .emptyField("analytes")) }
            for id in problem.analytes where !analytes.contains(id) {
                throw KnowledgeError(
                    file: file, row: row, reason: .unresolved(field: "analyte", value: id.rawValue, target: "analytes.json"))
            }
            for (field, ids) in [("raises", problem.raises ?? []), ("lowers", problem.lowers ?? [])] {
                for id in ids where !problem.analytes.contains(id) {
                    throw KnowledgeError(
                        file: file, row: row, reason: .unresolved(field: field, value: id.rawValue, target: "the row's analytes"))
                }
            }
            for id in problem.raises ?? [] where (problem.lowers ?? []).contains(id) {
                throw KnowledgeError(
                    file: file, row: row,
                    reason: .invalidValue(field: "lowers", value: id.rawValue, expected: "an analyte the row does not also raise"))
            }
            try check(problem.sources, row: row)
        }
    }
}
