import MemberwiseInit

/// The knowledge tables (SPEC §5), loaded from the library's resources and validated.
///
/// Every row carries its sources. ``version`` goes into every report's provenance, so a change
/// to any table changes every fingerprint.
@PackageMemberwiseInit
public struct Knowledge: Sendable, Hashable {
    /// The version of the tables (`knowledge.json`'s `version`).
    package var version: String
    /// Regions, symptoms, triggers, medication classes.
    package var vocabulary: Vocabulary {
        didSet { compiled = CompiledMatcher() }
    }
    /// Analytes with units, factors, ranges, critical limits.
    package var analytes: [AnalyteDefinition]
    /// The words a lab's test name is read by when it is matched to an analyte by name
    /// (`analyte-name-words.json`); empty for knowledge built in code.
    package var analyteNameWords: AnalyteNameWords = .empty
    /// Conditions.
    package var conditions: [Condition]
    /// Feature-contrast rows of the three tables.
    package var contrasts: [FeatureContrast]
    /// Red flags and warning signs.
    package var redFlags: [RedFlag]
    /// The tests catalogue.
    package var tests: [DiagnosticTest]
    /// Rule and finding thresholds.
    package var thresholds: [Threshold]
    /// Lifestyle advice and when to come back.
    package var advice: [Advice]
    /// The sources rows may cite: the four articles, the lab references and the project, each
    /// with what it is (`knowledge.json`'s `sources`). Empty for knowledge built in code.
    package var sourceCatalogue: [SourceReference] = []
    /// How each contrast row is read from findings (`contrast-map.json`).
    package var contrastMap: ContrastMap = ContrastMap(tables: [], mappings: [], unobservable: [])
    /// The clinical lists and facts the rules read (`rules.json`).
    package var rules: RuleKnowledge = RuleKnowledge(symptomSets: [], regionSets: [], durationPhrases: [], concerns: [], labRelations: [])
    /// What each lab result calls for (`lab-actions.json`).
    package var labActions: LabActionTable = .empty
    /// Each medication class's note (`medication-notes.json`).
    package var medicationNotes: [MedicationNote] = []
    /// The words of each urgency's timeframe (`timeframes.json`).
    package var timeframes: [Timeframe] = []
    /// The specimen problems a lab's comment can name and the analytes each makes unreliable
    /// (`specimen-comments.json`).
    package var specimenComments: SpecimenComments = .empty
    /// What the page and the worklist need beyond the rules (`page.json`); nil for knowledge
    /// built in code.
    package var page: PageKnowledge?
    /// The concept matcher of ``vocabulary`` as the knowledge snapshot holds it (SPEC §9), when
    /// the tables came from it; dropped when the vocabulary changes. Not part of the value.
    package var compiled: CompiledMatcher = CompiledMatcher()
}

/// A ``ConceptMatcher`` carried beside the tables it was compiled from: a cache, so every two
/// are equal and it hashes to nothing (knowledge compares by its tables alone).
package struct CompiledMatcher: Sendable, Hashable {
    /// The matcher, when one was loaded with the tables.
    package var matcher: ConceptMatcher?

    package static func == (lhs: CompiledMatcher, rhs: CompiledMatcher) -> Bool { true }

    package func hash(into hasher: inout Hasher) {}
}
