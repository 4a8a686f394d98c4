/// The ids of findings (SPEC §7 `findings[].id`), which recommendations name in `reasons`.
public enum FindingID {
    /// Twitching recorded; the summary gives the span and twitch days.
    public static let twitchSpan = "twitch-span"
    /// Counts in the last week at most the improvement ratio of the first week's.
    public static let improving = "improving"
    /// Counts in the last week above the first week's.
    public static let worsening = "worsening"
    /// A new region group after the first week.
    public static let spreading = "spreading"
    /// Twitching in more than one region group.
    public static let multipleRegionGroups = "multiple-region-groups"
    /// Twitching at rest in at least half the entries that say.
    public static let atRest = "at-rest"
    /// Weakness score rising from the first record to the latest.
    public static let progressiveWeakness = "progressive-weakness"
    /// Eyelid twitching with twitching elsewhere on the face.
    public static let eyelidFacialSpread = "eyelid-facial-spread"
    /// An exposure cut by half or more between the first and the last week.
    public static let lifestyleChange = "lifestyle-change"
    /// No medication linked to twitching (stated only when absent; each class present has its own).
    public static let medications = "medications"
    /// A core analyte missing or stale.
    public static let coreLabsGap = "core-labs-gap"
    /// Age within the usual ALS onset range.
    public static let alsOnsetAge = "age-in-als-onset-range"
    /// Symptom text that was not understood (SPEC §4.1).
    public static let unreadSymptomText = "symptom-text-not-understood"
    /// Concepts written about but not the patient's own: someone else's, feared, disease names.
    public static let contextMentions = "mentioned-not-had"

    /// Triggers the patient named on twitch days.
    public static let triggersNamed = "triggers-named"
    /// A note's phrase ("for months") that makes the duration longer than the journal's span.
    public static let durationFromNotes = "duration-from-notes"

    /// The patient's notes name a condition as a worry (`worry-als`): a fear, never a finding of the disease.
    public static func concern(_ condition: ConditionID) -> String { "worry-" + condition.rawValue }
    /// The finding of an associated symptom (`fine-motor-difficulty`).
    public static func symptom(_ id: String) -> String { id.findingSlug }
    /// The finding of an associated symptom, by its typed id.
    public static func symptom(_ id: SymptomID) -> String { id.rawValue.findingSlug }
    /// The finding of a lifestyle correlation (`correlation-caffeine`).
    public static func correlation(_ factor: LifestyleAnalysis.Factor) -> String { "correlation-" + factor.rawValue.findingSlug }
    /// The finding of a medication class (`medication-diuretics`).
    public static func medication(_ medicationClass: String) -> String { "medication-" + medicationClass.findingSlug }
    /// The finding of an analyte (`lab-magnesium`).
    public static func lab(_ analyte: String) -> String { "lab-" + analyte }
}
