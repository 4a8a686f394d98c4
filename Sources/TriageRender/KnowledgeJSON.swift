import Foundation
import TriageKnowledge
import TriageModel

/// Renders the knowledge tables as JSON for `twitch-triage knowledge --format json`: every
/// table with its sources, keys sorted, pretty-printed, so the output is byte-stable.
package enum KnowledgeJSON {
    private struct Document: Encodable {
        var version: String
        var sources: [SourceReference]
        var vocabulary: Vocabulary
        var analytes: [AnalyteDefinition]
        var analyteNameWords: AnalyteNameWords
        var conditions: [Condition]
        var contrasts: [FeatureContrast]
        var redFlags: [RedFlag]
        var tests: [DiagnosticTest]
        var thresholds: [Threshold]
        var advice: [Advice]
        var contrastMap: ContrastMap
        var rules: RuleKnowledge
        var timeframes: [Timeframe]
        var labActions: LabActionTable
        var medicationNotes: [MedicationNote]
        var page: PageKnowledge?
    }

    /// The whole of `knowledge` as a JSON document ending in a newline.
    ///
    /// - Throws: ``TriageError`` (software) only if a number is not finite, which validated
    ///   tables never hold.
    package static func render(_ knowledge: Knowledge) throws(TriageError) -> String {
        let document = Document(
            version: knowledge.version, sources: knowledge.sourceCatalogue, vocabulary: knowledge.vocabulary,
            analytes: knowledge.analytes, analyteNameWords: knowledge.analyteNameWords, conditions: knowledge.conditions,
            contrasts: knowledge.contrasts,
            redFlags: knowledge.redFlags, tests: knowledge.tests, thresholds: knowledge.thresholds,
            advice: knowledge.advice, contrastMap: knowledge.contrastMap, rules: knowledge.rules,
            timeframes: knowledge.timeframes, labActions: knowledge.labActions,
            medicationNotes: knowledge.medicationNotes, page: knowledge.page)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(document)
        } catch {
            throw TriageError(.unexpected("the knowledge tables cannot be written as JSON (\(error))"))
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
