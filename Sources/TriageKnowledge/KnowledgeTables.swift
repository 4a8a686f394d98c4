/// Every table of ``Knowledge`` as one value, the one list of them: what the knowledge snapshot
/// writes (``KnowledgeSnapshot``, in this order: the snapshot's layout) and what
/// `twitch-triage knowledge --format json` prints (by ``CodingKeys``, keys sorted). The compiled
/// matcher is not a table: the snapshot writes it on its own. Its snapshot reader and writer are
/// generated (``SnapshotCodable``, `SnapshotCodingPlugin`).
package struct KnowledgeTables: Sendable, Hashable, Encodable {
    var version: String
    var vocabulary: Vocabulary
    var analytes: [AnalyteDefinition]
    var analyteNameWords: AnalyteNameWords
    var conditions: [Condition]
    var contrasts: [FeatureContrast]
    var redFlags: [RedFlag]
    var tests: [DiagnosticTest]
    var thresholds: [Threshold]
    var advice: [Advice]
    var sourceCatalogue: [SourceReference]
    var contrastMap: ContrastMap
    var rules: RuleKnowledge
    var labActions: LabActionTable
    var medicationNotes: [MedicationNote]
    var timeframes: [Timeframe]
    var specimenComments: SpecimenComments
    var page: PageKnowledge?

    /// The JSON document's keys: the source catalogue is `sources` (as in `knowledge.json`); the
    /// specimen comments are shown on the Markdown page only (the JSON document never had them).
    enum CodingKeys: String, CodingKey {
        case version, vocabulary, analytes, analyteNameWords, conditions, contrasts, redFlags, tests, thresholds, advice
        case sourceCatalogue = "sources"
        case contrastMap, rules, labActions, medicationNotes, timeframes, page
    }

    /// The tables of `knowledge`.
    package init(_ knowledge: Knowledge) {
        version = knowledge.version
        vocabulary = knowledge.vocabulary
        analytes = knowledge.analytes
        analyteNameWords = knowledge.analyteNameWords
        conditions = knowledge.conditions
        contrasts = knowledge.contrasts
        redFlags = knowledge.redFlags
        tests = knowledge.tests
        thresholds = knowledge.thresholds
        advice = knowledge.advice
        sourceCatalogue = knowledge.sourceCatalogue
        contrastMap = knowledge.contrastMap
        rules = knowledge.rules
        labActions = knowledge.labActions
        medicationNotes = knowledge.medicationNotes
        timeframes = knowledge.timeframes
        specimenComments = knowledge.specimenComments
        page = knowledge.page
    }

    /// The knowledge of these tables (with no compiled matcher).
    var knowledge: Knowledge {
        var knowledge = Knowledge(
            version: version, vocabulary: vocabulary, analytes: analytes, conditions: conditions,
            contrasts: contrasts, redFlags: redFlags, tests: tests, thresholds: thresholds, advice: advice)
        knowledge.sourceCatalogue = sourceCatalogue
        knowledge.analyteNameWords = analyteNameWords
        knowledge.contrastMap = contrastMap
        knowledge.rules = rules
        knowledge.labActions = labActions
        knowledge.medicationNotes = medicationNotes
        knowledge.timeframes = timeframes
        knowledge.specimenComments = specimenComments
        knowledge.page = page
        return knowledge
    }
}
