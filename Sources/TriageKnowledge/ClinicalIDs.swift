import TriageModel

/// The symptom ids of the vocabulary the code names (SPEC §4). The words and synonyms are data
/// (`vocabulary.json`); these ids are checked against the loaded vocabulary by a test.
extension Tagged where Tag == SymptomTag, RawValue == String {
    package static let weakness = SymptomID(rawValue: "weakness")
    package static let atrophy = SymptomID(rawValue: "atrophy")
    package static let fineMotor = SymptomID(rawValue: "fine-motor difficulty")
    package static let speech = SymptomID(rawValue: "speech difficulty")
    package static let swallowing = SymptomID(rawValue: "swallowing difficulty")
    package static let breathing = SymptomID(rawValue: "breathing difficulty")
    package static let numbness = SymptomID(rawValue: "numbness")
    package static let tingling = SymptomID(rawValue: "tingling")
    package static let burning = SymptomID(rawValue: "burning")
    package static let cramps = SymptomID(rawValue: "cramps")
    package static let neckArm = SymptomID(rawValue: "neck pain radiating to arm")
    package static let reducedReflexes = SymptomID(rawValue: "reduced reflexes")
    package static let balance = SymptomID(rawValue: "balance problems")
    package static let vision = SymptomID(rawValue: "vision problems")
    package static let fatigue = SymptomID(rawValue: "fatigue")
    package static let weightLoss = SymptomID(rawValue: "unexplained weight loss")
    package static let falls = SymptomID(rawValue: "falls")
    static let anxietySymptoms = SymptomID(rawValue: "anxiety symptoms")
    package static let footDrop = SymptomID(rawValue: "foot drop")
    package static let bladderBowel = SymptomID(rawValue: "bladder or bowel change")
    package static let sexualFunction = SymptomID(rawValue: "sexual function change")
    package static let saddleNumbness = SymptomID(rawValue: "saddle numbness")
    static let breathlessAtRestOrLyingFlat = SymptomID(rawValue: "breathless at rest or lying flat")
    package static let unableToSwallow = SymptomID(rawValue: "unable to swallow")
    static let facialDroop = SymptomID(rawValue: "facial droop")
    package static let suddenDeficit = SymptomID(rawValue: "sudden deficit")
    static let weaknessWorseningOverDays = SymptomID(rawValue: "weakness worsening over days")
    static let ascendingTingling = SymptomID(rawValue: "ascending tingling")
    package static let suddenVisionLoss = SymptomID(rawValue: "sudden vision loss")
    static let doubleVision = SymptomID(rawValue: "double vision")
    static let droopingEyelid = SymptomID(rawValue: "drooping eyelid")
    static let fatigableWeakness = SymptomID(rawValue: "fatigable weakness")
    static let headDrop = SymptomID(rawValue: "head drop")
    static let weakCough = SymptomID(rawValue: "weak cough")
    static let morningHeadaches = SymptomID(rawValue: "morning headaches")
    static let daytimeSleepiness = SymptomID(rawValue: "daytime sleepiness")
    static let stiffness = SymptomID(rawValue: "stiffness")
    static let emotionalLability = SymptomID(rawValue: "emotional lability")
    static let foodSticking = SymptomID(rawValue: "food sticking")
    package static let perioralTingling = SymptomID(rawValue: "perioral tingling")
    static let handSpasm = SymptomID(rawValue: "hand spasm")
    static let tremor = SymptomID(rawValue: "tremor")
    static let palpitations = SymptomID(rawValue: "palpitations")
}

/// Region ids findings name.
extension Tagged where Tag == RegionTag, RawValue == String {
    package static let eyelid = RegionID(rawValue: "eyelid")
}

/// Region-group ids of the vocabulary the code names.
extension Tagged where Tag == RegionGroupTag, RawValue == String {
    package static let upperLimb = RegionGroupID(rawValue: "upper limb")
    package static let cranial = RegionGroupID(rawValue: "cranial/bulbar")
}

/// Region-set ids of `rules.json` the code names.
extension Tagged where Tag == RegionSetTag, RawValue == String {
    /// The regions of the face other than the eyelid (neurologist-guide, Eyelid vs MS).
    package static let face = RegionSetID(rawValue: "face")
    /// The back and the legs (cauda equina).
    package static let backOrLeg = RegionSetID(rawValue: "back-or-leg")
}

/// Analyte ids (SPEC §7) the code names.
extension Tagged where Tag == AnalyteTag, RawValue == String {
    package static let hba1c = AnalyteID(rawValue: "hba1c")
    package static let glucose = AnalyteID(rawValue: "glucose")
    package static let vitaminB12 = AnalyteID(rawValue: "vitaminB12")
}

/// The condition ids of `conditions.json` the code names (checked against the loaded tables by a
/// test).
extension Tagged where Tag == ConditionTag, RawValue == String {
    package static let als = ConditionID(rawValue: "als")
    package static let bfs = ConditionID(rawValue: "bfs")
    package static let anxiety = ConditionID(rawValue: "anxiety-twitching")
    package static let lifestyle = ConditionID(rawValue: "lifestyle-twitching")
    package static let peripheralNeuropathy = ConditionID(rawValue: "peripheral-neuropathy")
    package static let cervicalRadiculopathy = ConditionID(rawValue: "cervical-radiculopathy")
    package static let multipleSclerosis = ConditionID(rawValue: "multiple-sclerosis")
    package static let vitaminDeficiency = ConditionID(rawValue: "vitamin-deficiency")
    package static let medicationSideEffect = ConditionID(rawValue: "medication-side-effect")
    package static let eyelidMyokymia = ConditionID(rawValue: "eyelid-myokymia")
    package static let hemifacialSpasm = ConditionID(rawValue: "hemifacial-spasm")
}

/// The feature-contrast table ids of `contrasts.json` the code names.
extension Tagged where Tag == ContrastTableTag, RawValue == String {
    package static let normalVsSerious = ContrastTableID(rawValue: "normal-vs-serious")
    package static let anxietyBFSvsALS = ContrastTableID(rawValue: "anxiety-bfs-vs-als")
    package static let eyelidVsMS = ContrastTableID(rawValue: "eyelid-vs-ms")
}

/// Variant ids of the tests catalogue the code names: MRI regions and blood panels.
extension Tagged where Tag == VariantTag, RawValue == String {
    package static let cervicalSpine = VariantID(rawValue: "cervical spine")
    package static let brain = VariantID(rawValue: "brain")
    package static let neuropathyPanel = VariantID(rawValue: "neuropathy")
    package static let persistentWorkup = VariantID(rawValue: "persistent work-up")
}

/// Ids of the tests catalogue that are not ``Recommendation/Test`` cases.
extension Tagged where Tag == CatalogueTestTag, RawValue == String {
    /// Named as a specialist's option only.
    package static let lumbarPuncture = CatalogueTestID(rawValue: "lumbarPuncture")
}

/// The ids of the notices of `advice.json` the code shows.
extension Tagged where Tag == AdviceTag, RawValue == String {
    /// "Not monitored in real time" (SPEC §6.5), on every report.
    package static let notMonitored = AdviceID(rawValue: "not-monitored")
    /// Patients under 16 are outside the knowledge (SPEC §6.1).
    package static let underAge = AdviceID(rawValue: "under-age")
}

/// The `timeframes.json` rows the code names beside the urgencies' own.
extension Tagged where Tag == TimeframeTag, RawValue == String {
    /// The same-day row.
    package static let sameDay = TimeframeID(rawValue: "same-day")
    /// The row for unread symptom text (SPEC §4.1: read by a clinician the same morning).
    package static let readToday = TimeframeID(rawValue: "read-today")
}

/// Trigger ids findings name.
extension Tagged where Tag == TriggerTag, RawValue == String {
    package static let caffeine = TriggerID(rawValue: "caffeine")
    package static let exercise = TriggerID(rawValue: "exercise")
    package static let stress = TriggerID(rawValue: "stress")
    package static let poorSleep = TriggerID(rawValue: "poor sleep")
    package static let alcohol = TriggerID(rawValue: "alcohol")
    package static let dehydration = TriggerID(rawValue: "dehydration")
    package static let heat = TriggerID(rawValue: "heat")
    package static let eyeStrain = TriggerID(rawValue: "eye strain")
    package static let none = TriggerID(rawValue: "none")
}

/// Red-flag ids of `red-flags.json` the code names.
extension Tagged where Tag == RedFlagTag, RawValue == String {
    package static let spreading = RedFlagID(rawValue: "spreading")
    package static let suddenDeficit = RedFlagID(rawValue: "sudden-deficit")
    package static let rapidWeakness = RedFlagID(rawValue: "rapid-weakness")
    package static let caudaEquina = RedFlagID(rawValue: "cauda-equina")
    package static let breathlessAtRest = RedFlagID(rawValue: "breathless-at-rest")
    package static let bulbarCrisis = RedFlagID(rawValue: "bulbar-crisis")
    package static let suddenVisionLoss = RedFlagID(rawValue: "sudden-vision-loss")
    package static let suspectedMND = RedFlagID(rawValue: "suspected-mnd")
    package static let urgentExamination = RedFlagID(rawValue: "urgent-examination")
    package static let visionOverDays = RedFlagID(rawValue: "vision-over-days")
    package static let fatigableOcular = RedFlagID(rawValue: "fatigable-ocular")
    package static let weightLoss = RedFlagID(rawValue: "weight-loss")
    package static let sensory = RedFlagID(rawValue: "sensory-changes")
    package static let perioralTingling = RedFlagID(rawValue: "perioral-tingling")
    package static let severeCramping = RedFlagID(rawValue: "severe-cramping")
    package static let eyelidOnly = RedFlagID(rawValue: "eyelid-only")
    package static let persistent = RedFlagID(rawValue: "persistent-two-weeks")
    package static let neckArm = RedFlagID(rawValue: "neck-arm")
    package static let centralPattern = RedFlagID(rawValue: "central-pattern")
    package static let unreadSymptomText = RedFlagID(rawValue: "unread-symptom-text")
    package static let possibleRedFlag = RedFlagID(rawValue: "possible-red-flag")

    /// Every id the rules name: `red-flags.json` must hold each.
    static let required: [RedFlagID] = [
        spreading, suddenDeficit, rapidWeakness, caudaEquina, breathlessAtRest, bulbarCrisis, suddenVisionLoss,
        suspectedMND, urgentExamination, visionOverDays, fatigableOcular, weightLoss, sensory, perioralTingling, severeCramping,
        eyelidOnly, persistent, neckArm, centralPattern, unreadSymptomText, possibleRedFlag,
    ]
}
