import TriageModel

/// The words of the referral pages and the service's cards (`page.json` `phrases`), one row per
/// case: headings, labels and sentences a clinician reads. A type of its own, decoded from the
/// table, so a row naming a phrase the code does not write is refused, and the loader requires a
/// row for each case. The texts hold named `{placeholders}`; counted nouns (`1 record`), markup,
/// separators and the quoting of a patient's words stay in the code. A phrase holds no character
/// HTML or Markdown reads (the pages insert it as it is; the loader refuses one that does).
package enum PagePhraseID: String, KnowledgeWord {
    /// No placeholders.
    case whatToDo = "what-to-do"
    /// No placeholders.
    case nothingToOrder = "nothing-to-order"
    /// No placeholders.
    case examination
    /// No placeholders.
    case tellThePatient = "tell-the-patient"
    /// No placeholders.
    case safetyNet = "safety-net"
    /// No placeholders.
    case redFlags = "red-flags"
    /// No placeholders.
    case medicines
    /// No placeholders.
    case statedHistory = "stated-history"
    /// No placeholders.
    case appointments
    /// No placeholders.
    case timeline
    /// No placeholders.
    case evidence
    /// No placeholders.
    case noLabResults = "no-lab-results"
    /// No placeholders.
    case labTest = "lab-test"
    /// No placeholders.
    case labCollected = "lab-collected"
    /// No placeholders.
    case labResult = "lab-result"
    /// No placeholders.
    case labReference = "lab-reference"
    /// No placeholders.
    case labStatus = "lab-status"
    /// No placeholders.
    case otherResults = "other-results"
    /// No placeholders.
    case labFlag = "lab-flag"
    /// No placeholders.
    case labComment = "lab-comment"
    /// No placeholders.
    case labSays = "lab-says"
    /// No placeholders.
    case considerations
    /// No placeholders.
    case notDiagnoses = "not-diagnoses"
    /// No placeholders.
    case `for` = "for"
    /// No placeholders.
    case against
    /// No placeholders.
    case because
    /// No placeholders.
    case diagnosticApproach = "diagnostic-approach"
    /// No placeholders.
    case lifestyle
    /// No placeholders.
    case advice
    /// No placeholders.
    case notUnderstood = "not-understood"
    /// No placeholders.
    case notes
    /// No placeholders.
    case dataQuality = "data-quality"
    /// No placeholders.
    case noProblems = "no-problems"
    /// No placeholders.
    case sourcesAndProvenance = "sources-and-provenance"
    /// No placeholders.
    case inputFiles = "input-files"
    /// No placeholders.
    case lostData = "lost-data"
    /// Fills `{records}`.
    case lostSkipped = "lost-skipped"
    /// Fills `{patient}`.
    case title
    /// Fills `{age}`.
    case patientAge = "patient-age"
    /// Fills `{entries}`, `{first}`, `{last}`, `{asOf}`.
    case window
    /// Fills `{asOf}`.
    case noJournal = "no-journal"
    /// Fills `{tool}`, `{toolVersion}`, `{knowledgeVersion}`, `{asOf}`.
    case provenance
    /// No placeholders.
    case sameDay = "same-day"
    /// Fills `{flag}`, `{date}`.
    case labRedFlagCollected = "lab-red-flag-collected"
    /// Fills `{flag}`.
    case labRedFlag = "lab-red-flag"
    /// Fills `{text}`.
    case possibleRedFlag = "possible-red-flag"
    /// Fills `{flag}`.
    case possibleRedFlagWords = "possible-red-flag-words"
    /// Fills `{flags}`.
    case becauseRedFlags = "because-red-flags"
    /// No placeholders.
    case asAbove = "as-above"
    /// No placeholders.
    case selfCareDetail = "self-care-detail"
    /// Fills `{unread}`, `{words}`.
    case notRecognisedOne = "not-recognised-one"
    /// Fills `{unread}`, `{words}`.
    case notRecognisedMany = "not-recognised-many"
    /// Fills `{flags}`.
    case saidAbsent = "said-absent"
    /// Fills `{text}`, `{count}`.
    case times
    /// Fills `{factor}`, `{exposedMean}`, `{exposedDays}`, `{unexposedMean}`, `{unexposedDays}`.
    case correlationMeans = "correlation-means"
    /// Fills `{factors}`.
    case moreTwitchingWith = "more-twitching-with"
    /// Fills `{values}`, `{more}`.
    case phoneMoreDays = "phone-more-days"
    /// Fills `{files}`.
    case phoneNoValue = "phone-no-value"
    /// Fills `{files}`, `{parts}`.
    case phoneValues = "phone-values"
    /// Fills `{days}`.
    case phoneOnlyDays = "phone-only-days"
    /// Fills `{minutes}`, `{days}`.
    case mindful
    /// Fills `{test}`, `{region}`.
    case testOfRegion = "test-of-region"
    /// No placeholders.
    case cardExamination = "card-examination"
    /// Fills `{what}`.
    case cardChecklistFor = "card-checklist-for"
    /// No placeholders.
    case cardQueryMnd = "card-query-mnd"
    /// No placeholders.
    case cardPossible = "card-possible"
    /// Fills `{when}`.
    case cardOnlyWhen = "card-only-when"
    /// Fills `{asOf}`.
    case cardLiveNotChecked = "card-live-not-checked"
    /// Fills `{asOf}`.
    case cardLiveNoneNewer = "card-live-none-newer"
    /// Fills `{results}`, `{asOf}`.
    case cardLiveMerged = "card-live-merged"
    /// Fills `{urgency}`.
    case cardLeadSameDay = "card-lead-same-day"
    /// Fills `{urgency}`.
    case cardLeadReadToday = "card-lead-read-today"
    /// Fills `{test}`.
    case cardOrder = "card-order"
    /// Fills `{test}`.
    case cardCreateOrder = "card-create-order"
    /// Fills `{test}`, `{timeframe}`.
    case cardCreateOrderTimeframe = "card-create-order-timeframe"
    /// Fills `{urgency}`.
    case cardRecommendsNoTest = "card-recommends-no-test"
    /// Fills `{urgency}`, `{tests}`.
    case cardRecommends = "card-recommends"
    /// Fills `{order}`.
    case cardDraftSummary = "card-draft-summary"
    /// Fills `{order}`, `{advice}`.
    case cardDraftDetail = "card-draft-detail"
    /// Fills `{version}`.
    case cardSource = "card-source"
    /// No placeholders.
    case cardTopic = "card-topic"
    /// No placeholders.
    case overrideAlreadyArranged = "override-already-arranged"
    /// No placeholders.
    case overrideNotIndicated = "override-not-indicated"
    /// No placeholders.
    case overridePatientDeclines = "override-patient-declines"
    /// No placeholders.
    case timelineLabel = "timeline-label"
    /// Fills `{start}`, `{end}`.
    case timelineTitle = "timeline-title"
    /// Fills `{count}`.
    case timelinePerDay = "timeline-per-day"
    /// No placeholders.
    case timelineTwitches = "timeline-twitches"
    /// No placeholders.
    case timelineFirstDayOf = "timeline-first-day-of"
    /// No placeholders.
    case timelineLabs = "timeline-labs"
    /// Fills `{count}`.
    case timelineTests = "timeline-tests"
    /// No placeholders.
    case timelineAbnormal = "timeline-abnormal"
    /// Fills `{analyte}`, `{value}`, `{unit}`, `{symptoms}`.
    case lowLabWith = "low-lab-with"
    /// Fills `{when}`.
    case fhirWhen = "fhir-when"
    /// Fills `{timeframe}`.
    case fhirTimeframe = "fhir-timeframe"
    /// Fills `{sources}`.
    case fhirSources = "fhir-sources"
    /// Fills `{value}`, `{unit}`.
    case fhirAsReported = "fhir-as-reported"
    /// No placeholders.
    case fhirDefaultRange = "fhir-default-range"

    /// Fills `{flag}`, `{date}`.
    case redFlagSince = "red-flag-since"
    /// Fills `{asOf}`.
    case worklistTitle = "worklist-title"
    /// Fills `{page}`, `{pages}`.
    case worklistPage = "worklist-page"
    /// Fills `{count}`, `{bands}`.
    case worklistCounts = "worklist-counts"
    /// Fills `{totals}`.
    case worklistToBook = "worklist-to-book"
    /// No placeholders.
    case worklistToBookNothing = "worklist-to-book-nothing"
    /// No placeholders.
    case worklistUrgency = "worklist-urgency"
    /// No placeholders.
    case worklistPatient = "worklist-patient"
    /// No placeholders.
    case worklistTwitchingFor = "worklist-twitching-for"
    /// No placeholders.
    case worklistHeadline = "worklist-headline"
    /// No placeholders.
    case worklistRedFlags = "worklist-red-flags"
    /// No placeholders.
    case worklistWhoActs = "worklist-who-acts"
    /// No placeholders.
    case worklistTests = "worklist-tests"
    /// No placeholders.
    case worklistWhoActsTests = "worklist-who-acts-tests"
    /// No placeholders.
    case worklistLabCaveats = "worklist-lab-caveats"
    /// No placeholders.
    case worklistChange = "worklist-change"
    /// No placeholders.
    case worklistResolved = "worklist-resolved"
    /// No placeholders.
    case worklistUnreadFiles = "worklist-unread-files"
    /// Fills `{urgency}`.
    case worklistSameDayUrgency = "worklist-same-day-urgency"
    /// Fills `{count}`.
    case worklistMore = "worklist-more"
    /// Fills `{change}`, `{previous}`.
    case worklistChangeWas = "worklist-change-was"
    /// Fills `{test}`.
    case worklistIfNeeded = "worklist-if-needed"
    /// Fills `{analyte}`.
    case worklistUnreliable = "worklist-unreliable"
    /// Fills `{analyte}`, `{why}`.
    case worklistUnreliableBecause = "worklist-unreliable-because"
    /// Fills `{date}`.
    case worklistStale = "worklist-stale"
    /// Fills `{atLeast}`, `{note}`, `{days}`.
    case worklistDurationNote = "worklist-duration-note"
    /// No placeholders.
    case bandSameDay = "band-same-day"
    /// No placeholders.
    case bandReadToday = "band-read-today"
    /// No placeholders.
    case bandUrgent = "band-urgent"
    /// No placeholders.
    case bandSoon = "band-soon"
    /// No placeholders.
    case bandRoutineGP = "band-routine-gp"
    /// No placeholders.
    case bandRoutineNeurology = "band-routine-neurology"
    /// No placeholders.
    case bandSelfCare = "band-self-care"
    /// No placeholders.
    case bookingSameDayAssessment = "booking-same-day-assessment"
    /// No placeholders.
    case bookingClinicianRead = "booking-clinician-read"
    /// No placeholders.
    case bookingNeurologyExamination = "booking-neurology-examination"
    /// No placeholders.
    case bookingEMGWithNCS = "booking-emg-with-ncs"
    /// No placeholders.
    case bookingEMG = "booking-emg"
    /// No placeholders.
    case bookingNCS = "booking-ncs"
    /// Fills `{region}`.
    case bookingMRI = "booking-mri"
    /// No placeholders.
    case bookingBloodDraw = "booking-blood-draw"
    /// No placeholders.
    case bookingSwallowAssessment = "booking-swallow-assessment"
    /// No placeholders.
    case bookingEyeExamination = "booking-eye-examination"
    /// No placeholders.
    case bookingBreathingTests = "booking-breathing-tests"

    /// No placeholders: the decision-support disclaimer every report, worklist and card carries.
    case disclaimer

    /// No placeholders.
    case historyFamily = "history-family"
    /// No placeholders.
    case historyStated = "history-stated"
    /// Fills `{text}`.
    case historyFirstDegree = "history-first-degree"
    /// Fills `{range}`.
    case labDefaultRange = "lab-default-range"
    /// Fills `{status}`.
    case labStale = "lab-stale"
    /// No placeholders.
    case labUnreliableRepeat = "lab-unreliable-repeat"
    /// Fills `{why}`.
    case labUnreliableRepeatBecause = "lab-unreliable-repeat-because"
    /// Fills `{value}`, `{date}`.
    case phoneValueOn = "phone-value-on"
    /// Fills `{value}`, `{line}`.
    case phoneValueLine = "phone-value-line"

    /// Fills `{evidence}`.
    case evidenceApproximate = "evidence-approximate"
    /// Fills `{amount}`.
    case phoneCaffeine = "phone-caffeine"
    /// Fills `{amount}`.
    case phoneSleep = "phone-sleep"
    /// Fills `{amount}`.
    case phoneStress = "phone-stress"
    /// Fills `{amount}`.
    case phoneAlcohol = "phone-alcohol"
    /// Fills `{amount}`.
    case phoneWater = "phone-water"

    /// Too many to list in a message.
    package static var expectedWords: String { "a phrase the pages or cards write (PagePhraseID)" }
}

extension Knowledge {
    /// Phrase `id` of `page.json` filled with `values`; empty for knowledge built in code without a page.
    package func phrase(_ id: PagePhraseID, _ values: KeyValuePairs<String, String> = [:]) -> String {
        page?.phrases.words(id, values) ?? ""
    }
}
