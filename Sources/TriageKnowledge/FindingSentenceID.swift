import TriageModel

/// The words of the findings' summaries (`rules.json` `findingSentences`), one row per case: a
/// type of its own, decoded from the table, so a row naming a sentence the code does not write is
/// refused, and the loader requires a row for each case. The texts hold named `{placeholders}`
/// the finding writer fills; counted nouns (`1 day`, `2 entries`) and list joiners stay in the code.
package enum FindingSentenceID: String, KnowledgeWord {
    /// Fills `{count}`, `{entries}`.
    case inEntries = "in-entries"
    /// Fills `{twitchDays}`, `{journalDays}`, `{span}`, `{first}`, `{last}`.
    case twitchSpan = "twitch-span"
    /// Fills `{inEntries}`.
    case noTwitching = "no-twitching"
    /// Fills `{before}`, `{window}`, `{after}`.
    case trendMeans = "trend-means"
    /// Fills `{days}`.
    case trendUntold = "trend-untold"
    /// Fills `{ratio}`, `{difference}`.
    case rising
    /// Fills `{means}`.
    case improving
    /// Fills `{means}`.
    case notImproving = "not-improving"
    /// Fills `{means}`.
    case improvementUnknown = "improvement-unknown"
    /// Fills `{rising}`, `{means}`.
    case worsening
    /// Fills `{means}`.
    case notWorsening = "not-worsening"
    /// Fills `{rising}`, `{means}`.
    case notWorseningRisingNeeds = "not-worsening-rising-needs"
    /// Fills `{what}`, `{date}`.
    case fromDate = "from-date"
    /// Fills `{days}`.
    case firstDays = "first-days"
    /// Fills `{group}`, `{regions}`, `{date}`.
    case newRegionGroup = "new-region-group"
    /// Fills `{regions}`, `{group}`, `{date}`.
    case newRegionsWithinGroup = "new-regions-within-group"
    /// Fills `{firstDays}`, `{parts}`.
    case spreading
    /// Fills `{count}`, `{firstDays}`, `{groups}`.
    case noSpreadingMigration = "no-spreading-migration"
    /// No placeholders.
    case noBodyRegion = "no-body-region"
    /// Fills `{firstDays}`, `{groups}`.
    case noNewRegion = "no-new-region"
    /// Fills `{count}`, `{groups}`.
    case regionGroups = "region-groups"
    /// No placeholders.
    case noRegion = "no-region"
    /// Fills `{groups}`.
    case oneRegionGroup = "one-region-group"
    /// Fills `{atRest}`, `{known}`, `{share}`.
    case atRest = "at-rest"
    /// No placeholders.
    case atRestUnknown = "at-rest-unknown"
    /// Fills `{date}`, `{spread}`.
    case eyelidFacialSpread = "eyelid-facial-spread"
    /// Fills `{date}`.
    case eyelidOnly = "eyelid-only"
    /// Fills `{phrase}`, `{days}`, `{span}`.
    case durationFromNotes = "duration-from-notes"
    /// Fills `{triggers}`.
    case triggersNamed = "triggers-named"
    /// Fills `{trigger}`, `{days}`, `{twitchDays}`.
    case triggerDays = "trigger-days"
    /// Fills `{condition}`, `{entries}`, `{quote}`.
    case concern
    /// Fills `{symptom}`, `{entries}`, `{date}`.
    case symptomPossible = "symptom-possible"
    /// Fills `{Symptom}`, `{entries}`, `{date}`.
    case symptomRecorded = "symptom-recorded"
    /// Fills `{score}`.
    case weaknessHighest = "weakness-highest"
    /// Fills `{quote}`.
    case possibleQuote = "possible-quote"
    /// Fills `{Symptom}`, `{inEntries}`, `{unread}`.
    case symptomNotRecognisedOne = "symptom-not-recognised-one"
    /// Fills `{Symptom}`, `{inEntries}`, `{unread}`.
    case symptomNotRecognisedMany = "symptom-not-recognised-many"
    /// Fills `{symptom}`, `{entries}`, `{date}`.
    case symptomDenied = "symptom-denied"
    /// Fills `{symptom}`, `{inEntries}`.
    case symptomNone = "symptom-none"
    /// No placeholders.
    case contextOtherPerson = "context-other-person"
    /// No placeholders.
    case contextHypothetical = "context-hypothetical"
    /// No placeholders.
    case contextHistorical = "context-historical"
    /// Fills `{parts}`, `{entries}`.
    case contextMentions = "context-mentions"
    /// Fills `{entries}`, `{quoted}`.
    case unreadSymptomText = "unread-symptom-text"
    /// Fills `{first}`, `{firstDate}`, `{latest}`, `{latestDate}`.
    case progressiveWeakness = "progressive-weakness"
    /// Fills `{first}`, `{latest}`.
    case weaknessNotProgressive = "weakness-not-progressive"
    /// Fills `{inEntries}`.
    case noWeaknessScore = "no-weakness-score"
    /// Fills `{exposedMean}`, `{exposedCount}`, `{factor}`, `{exposedDays}`, `{unexposedMean}`, `{unexposedCount}`, `{unexposedDays}`.
    case correlationMeans = "correlation-means"
    /// Fills `{column}`, `{days}`.
    case phoneDays = "phone-days"
    /// Fills `{factor}`, `{means}`.
    case correlationLinked = "correlation-linked"
    /// Fills `{factor}`, `{ratio}`, `{means}`.
    case correlationNotLinked = "correlation-not-linked"
    /// Fills `{factor}`, `{minimum}`, `{means}`.
    case correlationTooFew = "correlation-too-few"
    /// Fills `{share}`, `{days}`.
    case noLifestyleChange = "no-lifestyle-change"
    /// Fills `{factor}`, `{before}`, `{after}`.
    case lifestyleCut = "lifestyle-cut"
    /// Fills `{cuts}`.
    case lifestyleChangeImproved = "lifestyle-change-improved"
    /// Fills `{cuts}`.
    case lifestyleChangeNotImproved = "lifestyle-change-not-improved"
    /// Fills `{drugs}`, `{class}`.
    case medication
    /// Fills `{inEntries}`.
    case noMedication = "no-medication"
    /// Fills `{analyte}`.
    case noLabResult = "no-lab-result"
    /// Fills `{value}`, `{unit}`, `{date}`.
    case labValue = "lab-value"
    /// Fills `{days}`.
    case labStale = "lab-stale"
    /// Fills `{problem}`.
    case labUnreliable = "lab-unreliable"
    /// Fills `{analyte}`, `{status}`, `{value}`, `{notes}`.
    case labResult = "lab-result"
    /// Fills `{days}`.
    case coreLabsComplete = "core-labs-complete"
    /// Fills `{analytes}`.
    case gapMissing = "gap-missing"
    /// Fills `{analytes}`.
    case gapStale = "gap-stale"
    /// Fills `{analytes}`.
    case gapUnreliable = "gap-unreliable"
    /// Fills `{parts}`.
    case coreLabsIncomplete = "core-labs-incomplete"
    /// No placeholders.
    case ageUnknown = "age-unknown"
    /// Fills `{age}`, `{low}`, `{high}`.
    case ageWithin = "age-within"
    /// Fills `{age}`, `{low}`, `{high}`.
    case ageOutside = "age-outside"

    /// No placeholders.
    case factorCaffeine = "factor-caffeine"
    /// No placeholders.
    case factorShortSleep = "factor-short-sleep"
    /// No placeholders.
    case factorHighStress = "factor-high-stress"
    /// No placeholders.
    case factorAlcohol = "factor-alcohol"
    /// No placeholders.
    case factorIntenseExercise = "factor-intense-exercise"
    /// No placeholders.
    case factorDehydration = "factor-dehydration"
    /// No placeholders.
    case factorHeat = "factor-heat"
    /// No placeholders.
    case factorEyeStrain = "factor-eye-strain"
    /// Fills `{amount}`.
    case amountCaffeine = "amount-caffeine"
    /// Fills `{amount}`.
    case amountAlcohol = "amount-alcohol"
    /// Fills `{amount}`.
    case amountShortSleep = "amount-short-sleep"
    /// Fills `{amount}`.
    case amountHighStress = "amount-high-stress"
    /// Fills `{amount}`.
    case amountDehydration = "amount-dehydration"

    /// Too many to list in a message.
    package static var expectedWords: String { "a sentence the findings write (FindingSentenceID)" }
}
