import TriageKnowledge
import TriageModel

/// Turns read records into normalised ones (SPEC §2 "normalise"): journal terms matched to the
/// vocabulary, lab results identified, converted to canonical units and classified.
///
/// Build one per run (the vocabulary and analyte indexes are built here, once) and share it:
/// it is a `Sendable` value. Problems go into the caller's diagnostics array, each saying what
/// was done about it; messages never contain what the patient wrote, values or patient ids
/// (SPEC §10), and each carries the record's `patientID` so it lands in that patient's report.
package struct Normaliser: Sendable {
    /// The knowledge tables the terms and results are matched against.
    package let knowledge: Knowledge
    /// The day reports are written for; results older than `stale-lab-days` before it are stale.
    package let asOf: LocalDate
    /// The vocabulary lookups.
    package let vocabulary: VocabularyIndex
    /// The compiled free-text reader (SPEC §4.1).
    package let concepts: ConceptMatcher
    /// The analyte lookups.
    package let analytes: AnalyteIndex
    let staleLabDays: Int

    /// Creates a normaliser.
    ///
    /// - Parameters:
    ///   - knowledge: loaded tables (from ``KnowledgeLoader`` or ``Knowledge/bundled``).
    ///   - asOf: the as-of date of the run.
    package init(knowledge: Knowledge, asOf: LocalDate) {
        self.knowledge = knowledge
        self.asOf = asOf
        self.vocabulary = VocabularyIndex()
        self.concepts =
            knowledge.compiled.matcher ?? ConceptMatcher(knowledge.vocabulary, sideWords: VocabularyIndex.sideWords, checking: false)
        self.analytes = knowledge.analyteIndex
        self.staleLabDays = Int(knowledge.threshold(.staleLabDays))
    }
}
