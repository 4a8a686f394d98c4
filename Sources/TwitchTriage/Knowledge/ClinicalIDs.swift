/// The vocabulary ids (SPEC §4) that findings and rules name. The words and their synonyms are
/// data (`vocabulary.json`); these are only the ids the code refers to, checked against the
/// loaded vocabulary by a test.
enum SymptomID {
    static let weakness = "weakness"
    static let atrophy = "atrophy"
    static let fineMotor = "fine-motor difficulty"
    static let speech = "speech difficulty"
    static let swallowing = "swallowing difficulty"
    static let breathing = "breathing difficulty"
    static let numbness = "numbness"
    static let tingling = "tingling"
    static let burning = "burning"
    static let cramps = "cramps"
    static let neckArm = "neck pain radiating to arm"
    static let reducedReflexes = "reduced reflexes"
    static let balance = "balance problems"
    static let vision = "vision problems"
    static let fatigue = "fatigue"
    static let weightLoss = "unexplained weight loss"
    static let falls = "falls"
}

/// Region ids findings name.
enum RegionID {
    static let eyelid = "eyelid"
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

/// Condition ids of `conditions.json` the code names (checked against the loaded tables by a test).
enum ConditionID {
    static let als = "als"
    static let bfs = "bfs"
    static let anxiety = "anxiety-twitching"
    static let lifestyle = "lifestyle-twitching"
    static let peripheralNeuropathy = "peripheral-neuropathy"
    static let cervicalRadiculopathy = "cervical-radiculopathy"
    static let multipleSclerosis = "multiple-sclerosis"
    static let vitaminDeficiency = "vitamin-deficiency"
    static let medicationSideEffect = "medication-side-effect"
    static let eyelidMyokymia = "eyelid-myokymia"
}

/// Feature-contrast table ids the code names.
enum ContrastTableID {
    static let normalVsSerious = "normal-vs-serious"
    static let anxietyBFSvsALS = "anxiety-bfs-vs-als"
    static let eyelidVsMS = "eyelid-vs-ms"
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

extension String {
    /// The id as a finding id: lowercase, spaces and slashes as `-` (`fine-motor difficulty` →
    /// `fine-motor-difficulty`).
    var findingSlug: String {
        String(lowercased().map { $0 == " " || $0 == "/" ? "-" : $0 })
    }
}

/// Red-flag ids of `red-flags.json` the code names.
enum RedFlagID {
    static let spreading = "spreading"
}
