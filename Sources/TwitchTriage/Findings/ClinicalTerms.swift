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
    /// The regions of the face other than the eyelid, over which MS-related twitching spreads
    /// (neurologist-guide, Eyelid vs MS: "Often spreads beyond the eyelid to facial muscles
    /// (cheek, mouth, jaw)").
    static let face: Set<String> = ["face", "cheek", "mouth", "lip", "jaw"]
}

/// Trigger ids findings name.
enum TriggerID {
    static let caffeine = "caffeine"
    static let exercise = "exercise"
    static let stress = "stress"
    static let poorSleep = "poor sleep"
    static let alcohol = "alcohol"
    static let dehydration = "dehydration"
}

extension String {
    /// The id as a finding id: lowercase, spaces and slashes as `-` (`fine-motor difficulty` →
    /// `fine-motor-difficulty`).
    var findingSlug: String {
        String(lowercased().map { $0 == " " || $0 == "/" ? "-" : $0 })
    }
}
