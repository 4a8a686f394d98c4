import TriageModel

/// The ids the code and the SPEC rely on, which the tables must hold (more rows are welcome).
enum KnowledgeRequirements {
    /// SPEC §4 region groups.
    static let regionGroups: [RegionGroupID] = ["cranial/bulbar", "upper limb", "trunk", "lower limb"]
    /// SPEC §4 body regions.
    static let regions: [RegionID] = [
        "eyelid", "face", "cheek", "mouth", "lip", "jaw", "tongue", "neck", "shoulder", "upper arm",
        "forearm", "hand", "thumb", "finger", "chest", "back", "abdomen", "thigh", "knee", "calf",
        "foot", "toe",
    ]
    /// SPEC §4 associated symptoms: every symptom id the code names (``SymptomID``).
    static let symptoms = SymptomID.named
    /// SPEC §3.3 triggers.
    static let triggers: [TriggerID] = ["caffeine", "exercise", "stress", "poor sleep", "alcohol", "dehydration", "none"]
    /// SPEC §4 medication classes.
    static let medicationClasses: [MedicationClassID] = ["corticosteroids", "diuretics", "beta-agonists", "psychotropic drugs"]
    /// SPEC §7 analyte ids.
    static let analytes: [AnalyteID] = ["magnesium", "potassium", "calcium", "vitaminB12", "vitaminD", "tsh", "sodium", "hba1c", "glucose"]
    /// SPEC §5 conditions.
    static let conditions: [ConditionID] = [
        "bfs", "anxiety-twitching", "peripheral-neuropathy", "als", "cervical-radiculopathy",
        "multiple-sclerosis", "multifocal-motor-neuropathy", "electrolyte-imbalance",
        "vitamin-deficiency", "thyroid-disorder", "medication-side-effect", "isaacs-syndrome",
    ]
    /// SPEC §5 and §7 tests: every test a recommendation names (``Recommendation/Test``), and the
    /// specialist's option the catalogue names.
    static let tests = Recommendation.Test.allCases.map(\.id) + [CatalogueTestID.lumbarPuncture]
    /// Variants the rules name, by test.
    static let variants: [(test: CatalogueTestID, variants: [VariantID])] = [
        ("MRI", ["cervical spine", "brain"]),
        ("bloodWork", ["core panel", "electrolytes", "neuropathy", "thyroid"]),
    ]
    /// The feature-contrast tables of SPEC §5.
    static let contrastTables: [ContrastTableID] = ["normal-vs-serious", "anxiety-bfs-vs-als", "eyelid-vs-ms"]
    /// The notices the code shows (`advice.json`).
    static let notices: [AdviceID] = [.notMonitored, .underAge]
}
