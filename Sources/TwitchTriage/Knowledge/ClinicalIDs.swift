/// A symptom id of the vocabulary (SPEC §4): a type of its own, like ``ConditionID``. The words
/// and synonyms are data (`vocabulary.json`); these are the ids the code names, checked against
/// the loaded vocabulary by a test.
public struct SymptomID: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The id as the vocabulary writes it (`fine-motor difficulty`).
    public let rawValue: String
    /// Wraps an id.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps an id written in data or tests.
    public init(stringLiteral value: String) { rawValue = value }
    /// The id as the vocabulary writes it.
    public var description: String { rawValue }

    static let weakness = SymptomID(rawValue: "weakness")
    static let atrophy = SymptomID(rawValue: "atrophy")
    static let fineMotor = SymptomID(rawValue: "fine-motor difficulty")
    static let speech = SymptomID(rawValue: "speech difficulty")
    static let swallowing = SymptomID(rawValue: "swallowing difficulty")
    static let breathing = SymptomID(rawValue: "breathing difficulty")
    static let numbness = SymptomID(rawValue: "numbness")
    static let tingling = SymptomID(rawValue: "tingling")
    static let burning = SymptomID(rawValue: "burning")
    static let cramps = SymptomID(rawValue: "cramps")
    static let neckArm = SymptomID(rawValue: "neck pain radiating to arm")
    static let reducedReflexes = SymptomID(rawValue: "reduced reflexes")
    static let balance = SymptomID(rawValue: "balance problems")
    static let vision = SymptomID(rawValue: "vision problems")
    static let fatigue = SymptomID(rawValue: "fatigue")
    static let weightLoss = SymptomID(rawValue: "unexplained weight loss")
    static let falls = SymptomID(rawValue: "falls")
    static let anxietySymptoms = SymptomID(rawValue: "anxiety symptoms")
    static let footDrop = SymptomID(rawValue: "foot drop")
    static let bladderBowel = SymptomID(rawValue: "bladder or bowel change")
    static let sexualFunction = SymptomID(rawValue: "sexual function change")
    static let saddleNumbness = SymptomID(rawValue: "saddle numbness")
    static let breathlessAtRestOrLyingFlat = SymptomID(rawValue: "breathless at rest or lying flat")
    static let unableToSwallow = SymptomID(rawValue: "unable to swallow")
    static let facialDroop = SymptomID(rawValue: "facial droop")
    static let suddenDeficit = SymptomID(rawValue: "sudden deficit")
    static let weaknessWorseningOverDays = SymptomID(rawValue: "weakness worsening over days")
    static let ascendingTingling = SymptomID(rawValue: "ascending tingling")
    static let suddenVisionLoss = SymptomID(rawValue: "sudden vision loss")
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
    static let perioralTingling = SymptomID(rawValue: "perioral tingling")
    static let handSpasm = SymptomID(rawValue: "hand spasm")
    static let tremor = SymptomID(rawValue: "tremor")
    static let palpitations = SymptomID(rawValue: "palpitations")
}

/// Region ids findings name.
enum RegionID {
    static let eyelid = "eyelid"
}

/// Region-group ids of the vocabulary the code names.
enum RegionGroupID {
    static let upperLimb = "upper limb"
    static let cranial = "cranial/bulbar"
}

/// Region-set ids of `rules.json` the code names.
enum RegionSetID {
    /// The regions of the face other than the eyelid (neurologist-guide, Eyelid vs MS).
    static let face = "face"
}

/// Analyte ids (SPEC §7) the code names.
enum AnalyteID {
    static let hba1c = "hba1c"
    static let glucose = "glucose"
    static let vitaminB12 = "vitaminB12"
}

/// A condition id of `conditions.json`: a type of its own, so that a condition is never
/// passed where a finding, symptom or test id is meant. The constants are the ids the code
/// names (checked against the loaded tables by a test).
public struct ConditionID: RawRepresentable, Hashable, Sendable, Comparable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible {
    /// The id as the tables write it (`als`).
    public let rawValue: String
    /// Wraps an id.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps an id written in data or tests.
    public init(stringLiteral value: String) { rawValue = value }
    /// Reads the id from a JSON string.
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    /// Writes the id as a JSON string.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    /// The id as the tables write it.
    public var description: String { rawValue }
    /// Orders ids by their text.
    public static func < (lhs: ConditionID, rhs: ConditionID) -> Bool { lhs.rawValue < rhs.rawValue }

    static let als = ConditionID(rawValue: "als")
    static let bfs = ConditionID(rawValue: "bfs")
    static let anxiety = ConditionID(rawValue: "anxiety-twitching")
    static let lifestyle = ConditionID(rawValue: "lifestyle-twitching")
    static let peripheralNeuropathy = ConditionID(rawValue: "peripheral-neuropathy")
    static let cervicalRadiculopathy = ConditionID(rawValue: "cervical-radiculopathy")
    static let multipleSclerosis = ConditionID(rawValue: "multiple-sclerosis")
    static let vitaminDeficiency = ConditionID(rawValue: "vitamin-deficiency")
    static let medicationSideEffect = ConditionID(rawValue: "medication-side-effect")
    static let eyelidMyokymia = ConditionID(rawValue: "eyelid-myokymia")
    static let opticNeuritis = ConditionID(rawValue: "optic-neuritis")
    static let myasthenia = ConditionID(rawValue: "myasthenia-gravis")
    static let hemifacialSpasm = ConditionID(rawValue: "hemifacial-spasm")
    static let electrolyteImbalance = ConditionID(rawValue: "electrolyte-imbalance")
}

/// A feature-contrast table id: a type of its own, like ``ConditionID``.
public struct ContrastTableID: RawRepresentable, Hashable, Sendable {
    /// The id as `contrasts.json` writes it.
    public let rawValue: String
    /// Wraps an id.
    public init(rawValue: String) { self.rawValue = rawValue }

    static let normalVsSerious = ContrastTableID(rawValue: "normal-vs-serious")
    static let anxietyBFSvsALS = ContrastTableID(rawValue: "anxiety-bfs-vs-als")
    static let eyelidVsMS = ContrastTableID(rawValue: "eyelid-vs-ms")
}

/// Variant ids of the tests catalogue the code names: MRI regions and blood panels.
enum VariantID {
    static let cervicalSpine = "cervical spine"
    static let brain = "brain"
    static let neuropathyPanel = "neuropathy"
    static let persistentWorkup = "persistent work-up"
}

/// Ids of the tests catalogue that are not ``Recommendation/Test`` cases.
enum CatalogueTestID {
    /// Named as a specialist's option only.
    static let lumbarPuncture = "lumbarPuncture"
}

/// Trigger ids findings name.
enum TriggerID {
    static let caffeine = "caffeine"
    static let exercise = "exercise"
    static let stress = "stress"
    static let poorSleep = "poor sleep"
    static let alcohol = "alcohol"
    static let dehydration = "dehydration"
    static let heat = "heat"
    static let eyeStrain = "eye strain"
    static let none = "none"
}

/// Red-flag ids of `red-flags.json` the code names.
enum RedFlagID {
    static let spreading = "spreading"
    static let suddenDeficit = "sudden-deficit"
    static let rapidWeakness = "rapid-weakness"
    static let caudaEquina = "cauda-equina"
    static let breathlessAtRest = "breathless-at-rest"
    static let bulbarCrisis = "bulbar-crisis"
    static let suddenVisionLoss = "sudden-vision-loss"
    static let suspectedMND = "suspected-mnd"
    static let urgentExamination = "urgent-examination"
    static let visionOverDays = "vision-over-days"
    static let fatigableOcular = "fatigable-ocular"
    static let weightLoss = "weight-loss"
    static let sensory = "sensory-changes"
    static let perioralTingling = "perioral-tingling"
    static let eyelidOnly = "eyelid-only"
    static let persistent = "persistent-two-weeks"
    static let neckArm = "neck-arm"
    static let centralPattern = "central-pattern"
    static let unreadSymptomText = "unread-symptom-text"
    static let possibleRedFlag = "possible-red-flag"

    /// Every id the rules name: `red-flags.json` must hold each.
    static let required = [spreading, suddenDeficit, rapidWeakness, caudaEquina, breathlessAtRest, bulbarCrisis, suddenVisionLoss,
                           suspectedMND, urgentExamination, visionOverDays, fatigableOcular, weightLoss, sensory, perioralTingling,
                           eyelidOnly, persistent, neckArm, centralPattern, unreadSymptomText, possibleRedFlag]
}

/// Region-set id of the back and the legs (cauda equina).
enum RegionSetIDs {
    static let backOrLeg = "back-or-leg"
}
