import TriageModel

/// `page.json`: what the page and the worklist a clinician reads at 8 am need beyond the rules'
/// tables (SPEC §7): the order of danger of the red flags (the worklist sorts a band by it), the
/// red flags whose possible mention is read today, who acts on a test when no rule says, the
/// days of a timeframe (FHIR `occurrencePeriod`), the page's few sentences and the titles the
/// page cites its sources by. Every row carries its sources.
package struct PageKnowledge: Sendable, Hashable, Codable {
    /// One step of the order of danger (SPEC §7: a sudden deficit, breathing, a critical value,
    /// swallowing, weakness worsening over days, speech, loss of vision, wasting, weakness,
    /// dexterity, falls, B12 deficiency with neurological symptoms).
    package struct DangerStep: Sendable, Hashable, Codable {
        /// The step in words (`swallowing`).
        package var flag: String
        /// The vocabulary's symptom ids that raise it.
        package var symptoms: [SymptomID]?
        /// Other finding ids that raise it (`progressive-weakness`).
        package var findings: [FindingID]?
        /// Raised by any result past a critical limit.
        package var criticalLab: Bool?
        /// Raised by a low result of this analyte together with one of ``with``.
        package var lowLab: AnalyteID?
        /// The symptoms that make ``lowLab`` a red flag.
        package var with: [SymptomID]?
        /// Where the step's place comes from.
        package var sources: [Source]
    }

    /// A list of symptom ids with its sources.
    package struct SymptomList: Sendable, Hashable, Codable {
        /// The vocabulary's symptom ids.
        package var symptoms: [SymptomID]
        /// Where it comes from.
        package var sources: [Source]
    }

    /// Words with their sources.
    package struct WordList: Sendable, Hashable, Codable {
        /// The words, matched on word boundaries in any case.
        package var words: [String]
        /// Where they come from.
        package var sources: [Source]
    }

    /// Who acts on a test when the rule names no one.
    package struct DefaultActor: Sendable, Hashable, Codable {
        /// The test (`recommendations[].test`).
        package var test: Recommendation.Test
        /// Who acts (`recommendations[].who`).
        package var who: Recommendation.Actor
    }

    /// The days from the as-of date to a timeframe's end.
    package struct OccurrenceDays: Sendable, Hashable, Codable {
        /// `same-day`, `urgent` or `soon`.
        package var urgency: TimeframeID
        /// Days after the as-of date.
        package var days: Int
        /// Where it comes from.
        package var sources: [Source]
    }

    /// The page's own sentences.
    package struct Words: Sendable, Hashable, Codable {
        /// The heading of the red flags the journal never mentions.
        package var notMentioned: String
        /// The line every page carries (SPEC §6.5).
        package var notMonitored: String
        /// The line for the referral letter when ``Referral/queryMND``.
        package var queryMND: String
        /// The findings that are red flags beside the red-flag symptoms (`rules.json`
        /// `benign-red-flags`), with their words, in the page's order.
        package var redFlagFindings: [FindingWords]
        /// Where they come from.
        package var sources: [Source]
    }

    /// A finding and the words a page names it by.
    package struct FindingWords: Sendable, Hashable, Codable {
        /// The finding id (`progressive-weakness`).
        package var finding: FindingID
        /// Its words (`progressive weakness`).
        package var words: String
    }

    /// The title a page cites a source by: the article's or guideline's, never a website's.
    package struct SourceTitle: Sendable, Hashable, Codable {
        /// The source's name in `knowledge.json`.
        package var name: String
        /// Its title.
        package var title: String
    }

    /// A phrase of the pages or the cards, with `{placeholders}` the writer fills in.
    package typealias Phrase = KeyedWords<PagePhraseID>

    /// The order of danger, most dangerous first.
    package var dangerOrder: [DangerStep]
    /// The red flags that are same-day when present; possible, they are read today.
    package var sameDaySymptoms: SymptomList
    /// The words that find a note mentioning a referral or an appointment (SPEC §7); nil: none.
    package var appointmentWords: WordList?
    /// The order of the page's groups by who acts.
    package var actorOrder: [Recommendation.Actor]
    /// Who acts on each test when the rule names no one.
    package var defaultActors: [DefaultActor]
    /// Where ``defaultActors`` comes from.
    package var defaultActorSources: [Source]
    /// The days of each timeframe.
    package var occurrenceDays: [OccurrenceDays]
    /// The page's sentences.
    package var words: Words
    /// Titles of sources.
    package var sourceTitles: [SourceTitle]
    /// The pages' and cards' headings, labels and sentences, one per ``PagePhraseID``.
    package var phrases: [Phrase]

    /// Checks that every test and actor is one the model knows, every test has who acts, and
    /// every row has a source from the catalogue.
    ///
    /// - Parameters:
    ///   - catalogue: the names of `knowledge.json`'s sources.
    /// - Throws: ``KnowledgeError`` naming `page.json` and the row.
    func validate(catalogue: Set<String>) throws(KnowledgeError) {
        let file = KnowledgeFile.page.rawValue
        func cited(_ sources: [Source], _ row: KnowledgeError.Row) throws(KnowledgeError) {
            if sources.isEmpty { throw KnowledgeError(file: file, row: row, reason: .noSource) }
            for source in sources where !catalogue.contains(source.name) {
                throw KnowledgeError(file: file, row: row, reason: .unknownSource(source.name, allowed: "a source in knowledge.json"))
            }
        }
        for (index, step) in dangerOrder.enumerated() {
            try cited(step.sources, .init(list: "dangerOrder", number: index + 1, id: step.flag))
        }
        try cited(sameDaySymptoms.sources, .init(list: "sameDaySymptoms", number: 1, id: nil))
        try cited(defaultActorSources, .init(list: "defaultActorSources", number: 1, id: nil))
        try cited(words.sources, .init(list: "words", number: 1, id: nil))
        for (index, entry) in words.redFlagFindings.enumerated() where entry.words.trimmingSpaces().isEmpty {
            throw KnowledgeError(
                file: file, row: .init(list: "words.redFlagFindings", number: index + 1, id: entry.finding.rawValue),
                reason: .emptyField("words"))
        }
        for finding in [FindingID.progressiveWeakness, .spreading, .eyelidFacialSpread]
        where !words.redFlagFindings.contains(where: { $0.finding == finding }) {
            throw KnowledgeError(file: file, subject: "words.redFlagFindings", reason: .missingRow(finding.rawValue))
        }
        try validatePhrases(cited)
        if let appointmentWords { try cited(appointmentWords.sources, .init(list: "appointmentWords", number: 1, id: nil)) }
        for (index, days) in occurrenceDays.enumerated() {
            try cited(days.sources, .init(list: "occurrenceDays", number: index + 1, id: days.urgency.rawValue))
        }
        for test in Recommendation.Test.allCases where !defaultActors.contains(where: { $0.test == test }) {
            throw KnowledgeError(file: file, reason: .missingRow("defaultActors: \(test.rawValue)"))
        }
    }

    /// Every phrase cited, non-empty, free of the characters HTML and Markdown read (the pages
    /// insert a phrase as it is), and one for every ``PagePhraseID``.
    private func validatePhrases(_ cited: ([Source], KnowledgeError.Row) throws(KnowledgeError) -> Void) throws(KnowledgeError) {
        let file = KnowledgeFile.page.rawValue
        var seen: Set<PagePhraseID> = []
        for (index, phrase) in phrases.enumerated() {
            let row = KnowledgeError.Row(list: "phrases", number: index + 1, id: phrase.id.rawValue)
            if !seen.insert(phrase.id).inserted {
                throw KnowledgeError(
                    file: file, row: row, reason: .duplicateID(phrase.id.rawValue, firstRow: 1 + phrases.firstIndex { $0.id == phrase.id }!)
                )
            }
            if phrase.text.trimmingSpaces().isEmpty { throw KnowledgeError(file: file, row: row, reason: .emptyField("text")) }
            if let markup = phrase.text.first(where: { "<>&\"\\`*_[]|#".contains($0) }) {
                throw KnowledgeError(
                    file: file, row: row,
                    reason: .invalidValue(
                        field: "text", value: "\"\(phrase.text)\"",
                        expected: "words without \"\(markup)\", which a page would read as markup"))
            }
            try cited(phrase.sources, row)
        }
        for id in PagePhraseID.allCases where !seen.contains(id) {
            throw KnowledgeError(file: file, subject: "phrases", reason: .missingRow(id.rawValue))
        }
    }
}
