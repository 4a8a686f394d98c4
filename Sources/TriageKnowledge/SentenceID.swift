import TriageModel

/// The sentences of `rules.json` (`sentences`) the rules write: a type of its own, decoded from
/// the table, so a row naming a sentence the code does not write is refused, and the loader
/// requires a row for each case.
package enum SentenceID: String, KnowledgeWord {
    /// A self-care recommendation: `{advice}`.
    case selfCare = "self-care"
    /// Core results not on file for a benign pattern: `{analytes}`, `{days}`.
    case noCurrentResult = "no-current-result"
    /// The benign pattern's headline: `{span}`.
    case benignHeadline = "benign-headline"
    /// The same, with the triggers the patient names: `{span}`, `{triggers}`.
    case benignHeadlineTriggers = "benign-headline-triggers"
    /// The medications rule's headline, one drug: `{drugs}`.
    case medicationHeadlineOne = "medication-headline-one"
    /// The same, several drugs: `{drugs}`.
    case medicationHeadlineSeveral = "medication-headline-several"
    /// A drug to review added to another rule's headline: `{headline}`, `{drugs}`.
    case headlineReviewDrugs = "headline-review-drugs"
    /// A duration that is a lower bound: `{days}`.
    case atLeastDays = "at-least-days"
    /// A duration a note gives: `{duration}`, `{phrase}`.
    case noteSays = "note-says"
    /// A duration, improving: `{duration}`.
    case durationImproving = "duration-improving"
    /// A duration, stable or worsening: `{duration}`.
    case durationNotImproving = "duration-not-improving"
    /// The headline's blood-work gap with no labs on file.
    case gapNoLabs = "gap-no-labs"
    /// The headline's blood-work gap: `{gaps}`.
    case gapList = "gap-list"
    /// A gap part, stale results: `{date}`.
    case gapStale = "gap-stale"
    /// A gap part, results older than the recent days: `{date}`, `{days}`.
    case gapOld = "gap-old"
    /// A gap part, analytes never measured: `{analytes}`.
    case gapNeverMeasured = "gap-never-measured"
    /// Blood work's purpose and the reason for each analyte: `{purpose}`, `{reasons}`.
    case bloodWorkReasons = "blood-work-reasons"
    /// Recent normal results cited beside blood work: `{results}`.
    case recentNormal = "recent-normal"
    /// Recent normal results cited when none is drawn: `{days}`, `{results}`.
    case recentNormalWithin = "recent-normal-within"
    /// The headline when the journal is empty and no lab is abnormal.
    case nothingToRecommend = "nothing-to-recommend"
    /// The headline when no rule fired.
    case noRuleFired = "no-rule-fired"
    /// The headline: `{urgency}`, `{fragment}`.
    case headline
    /// The headline of a same-day referral: `{urgency}`, `{fragment}`.
    case headlineSameDay = "headline-same-day"
    /// A feared condition none of whose signs is recorded: `{unlikely}`, `{entries}`, `{days}`.
    case fearedUnlikely = "feared-unlikely"
    /// A contrast row the data matches: `{feature}`, `{why}`, `{column}`.
    case contrastMatch = "contrast-match"
    /// The same, with the mapping's clinical note: `{feature}`, `{why}`, `{column}`, `{note}`.
    case contrastMatchNote = "contrast-match-note"
    /// A spread to a region group: `{group}`, `{date}`.
    case spreadToGroup = "spread-to-group"
    /// A spread to regions within a group: `{regions}`, `{date}`.
    case spreadToRegions = "spread-to-regions"
    /// Spreading's red-flag name: `{groups}` (``spreadToGroup`` each, joined).
    case spread
    /// A consideration the data argues against: `{condition}`.
    case considerationUnlikely = "consideration-unlikely"
    /// A condition's diagnostic approach with what separates it: `{approach}`, `{by}`.
    case separatedBy = "separated-by"
    /// A symptom the patient was unsure of, in a red flag's names: `{symptom}`.
    case possibleSymptom = "possible-symptom"
    /// A trigger linked to the counts: `{factor}`, `{exposed}`, `{unexposed}`.
    case correlation

    /// Too many to list in a message.
    package static var expectedWords: String { "a sentence the rules write (SentenceID)" }
}

extension RuleKnowledge {
    /// The words of sentence `id`, with its `{placeholders}` (the loader requires a row for each).
    package func sentence(_ id: SentenceID) -> String {
        sentences.words(id)
    }

    /// Sentence `id` with each `{name}` of `values` filled in, in one pass (``Swift/String/filledOnce(_:)``).
    package func sentence(_ id: SentenceID, _ values: KeyValuePairs<String, String>) -> String {
        sentences.words(id, values)
    }
}
