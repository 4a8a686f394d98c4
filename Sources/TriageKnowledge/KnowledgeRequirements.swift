/// The ids the code and the SPEC rely on, which the tables must hold (more rows are welcome).
enum KnowledgeRequirements {
    /// SPEC §4 region groups.
    static let regionGroups = ["cranial/bulbar", "upper limb", "trunk", "lower limb"]
    /// SPEC §4 body regions.
    static let regions = ["eyelid", "face", "cheek", "mouth", "lip", "jaw", "tongue", "neck", "shoulder", "upper arm",
                          "forearm", "hand", "thumb", "finger", "chest", "back", "abdomen", "thigh", "knee", "calf",
                          "foot", "toe"]
    /// SPEC §4 associated symptoms.
    static let symptoms = ["weakness", "atrophy", "fine-motor difficulty", "speech difficulty", "swallowing difficulty",
                           "breathing difficulty", "numbness", "tingling", "burning", "cramps",
                           "neck pain radiating to arm", "reduced reflexes", "balance problems", "vision problems",
                           "fatigue", "unexplained weight loss", "falls", "anxiety symptoms", "foot drop",
                           "bladder or bowel change", "sexual function change", "saddle numbness",
                           "breathless at rest or lying flat", "unable to swallow", "facial droop", "sudden deficit",
                           "weakness worsening over days", "ascending tingling", "sudden vision loss", "double vision", "drooping eyelid",
                           "fatigable weakness", "head drop", "weak cough", "morning headaches", "daytime sleepiness",
                           "stiffness", "emotional lability", "food sticking", "perioral tingling", "hand spasm",
                           "tremor", "palpitations"]
    /// SPEC §3.3 triggers.
    static let triggers = ["caffeine", "exercise", "stress", "poor sleep", "alcohol", "dehydration", "none"]
    /// SPEC §4 medication classes.
    static let medicationClasses = ["corticosteroids", "diuretics", "beta-agonists", "psychotropic drugs"]
    /// SPEC §7 analyte ids.
    static let analytes = ["magnesium", "potassium", "calcium", "vitaminB12", "vitaminD", "tsh", "sodium", "hba1c", "glucose"]
    /// SPEC §5 conditions.
    static let conditions = ["bfs", "anxiety-twitching", "peripheral-neuropathy", "als", "cervical-radiculopathy",
                             "multiple-sclerosis", "multifocal-motor-neuropathy", "electrolyte-imbalance",
                             "vitamin-deficiency", "thyroid-disorder", "medication-side-effect", "isaacs-syndrome"]
    /// SPEC §5 and §7 tests.
    static let tests = ["EMG", "NCS", "MRI", "bloodWork", "neurologyExam", "lumbarPuncture"]
    /// Variants the rules name, by test.
    static let variants: [(test: String, variants: [String])] = [
        ("MRI", ["cervical spine", "brain"]),
        ("bloodWork", ["core panel", "electrolytes", "neuropathy", "thyroid"]),
    ]
    /// The feature-contrast tables of SPEC §5.
    static let contrastTables = ["normal-vs-serious", "anxiety-bfs-vs-als", "eyelid-vs-ms"]
    /// Analyte ids of the shared contract this turn (issue 19 adds them to `analytes.json`);
    /// a lab-action row may name them before they arrive.
    static let sharedAnalyteIDs: Set<String> = ["creatineKinase", "folate", "haemoglobin", "mcv", "freeT4", "albumin"]
    /// Advice kinds.
    static let adviceKinds: Set<String> = [Advice.Kind.lifestyle, Advice.Kind.safetyNet, Advice.Kind.tellPatient, Advice.Kind.notice]
    /// The notices the code shows (`advice.json`).
    static let notices = [Advice.NoticeID.notMonitored, Advice.NoticeID.underAge]
    /// The patterns `tellPatient` rows must cover.
    static let tellPatterns = Advice.TellWhen.all
    /// Symptom ids of COMMON.md's shared contract this turn (issue 18 adds them to the
    /// vocabulary); a lab-action or advice row may name them before they arrive.
    static let sharedSymptomIDs: Set<String> = [
        "foot drop", "bladder or bowel change", "saddle numbness", "breathless at rest or lying flat", "unable to swallow",
        "facial droop", "sudden deficit", "weakness worsening over days", "ascending tingling", "sudden vision loss",
        "double vision", "drooping eyelid", "fatigable weakness", "head drop", "weak cough", "morning headaches",
        "daytime sleepiness", "stiffness", "emotional lability", "food sticking", "perioral tingling", "hand spasm",
        "tremor", "palpitations",
    ]
}
