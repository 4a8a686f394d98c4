/// The signals a contrast-map entry can name: each is one reading of the patient's findings
/// that ``ContrastEvaluator`` computes. The loader refuses an entry naming any other.
///
/// Missing data never makes a signal hold: a benign signal needs data that shows the benign
/// column (a weakness score of 0, recorded episode minutes), not the absence of a record.
package enum ContrastSignal: String, Sendable, Hashable, CaseIterable {
    /// The duration's lower bound (span, or a note such as "for months") is over the persistence threshold.
    case persistentSpan = "persistent-span"
    /// Every recorded episode lasted at most the brief-episode minutes, within a short span.
    case briefEpisodes = "brief-episodes"
    /// A new region group, or a new region of the first week's only group, after the first week.
    case spreading
    /// A new region group after the first week, beside a motor finding (SPEC §6.1: spreading
    /// supports ALS only beside a motor finding; spreading within one limb is not it).
    case spreadingWithMotor = "spreading-with-motor"
    /// One body region over the whole journal.
    case singleSpot = "single-spot"
    /// Two region groups or more within the first week, and no spreading.
    case widespreadFromStart = "widespread-from-start"
    /// Numbness, tingling or burning recorded.
    case sensorySymptoms = "sensory-symptoms"
    /// Weakness or atrophy recorded.
    case motorSymptoms = "motor-symptoms"
    /// Weakness scored 0 on the entries that score it, and never above.
    case noWeaknessScored = "no-weakness-scored"
    /// Weakness score rising.
    case progressiveWeakness = "progressive-weakness"
    /// Atrophy recorded.
    case atrophyPresent = "atrophy-present"
    /// Counts not rising over two trend windows, weakness not progressive.
    case stableCourse = "stable-course"
    /// Counts rising by the rising thresholds, with weakness recorded.
    case countsRisingWithWeakness = "counts-rising-with-weakness"
    /// Fine-motor difficulty or falls recorded.
    case functionLoss = "function-loss"
    /// Speech, swallowing or breathing difficulty recorded.
    case bulbarOrBreathing = "bulbar-or-breathing"
    /// Only mild symptoms (cramps, fatigue) recorded, and no red flag.
    case mildSymptomsOnly = "mild-symptoms-only"
    /// A lifestyle exposure linked to the counts.
    case triggerLinked = "trigger-linked"
    /// High stress linked to the counts.
    case stressLinked = "stress-linked"
    /// Mostly at rest, with no exposure linked.
    case atRestNoTrigger = "at-rest-no-trigger"
    /// An exposure cut, and the twitching improved.
    case improvedAfterCut = "improved-after-cut"
    /// An exposure cut, and the twitching did not improve.
    case noImprovementAfterCut = "no-improvement-after-cut"
    /// Age below the usual ALS onset band.
    case ageBelowALSBand = "age-below-als-band"
    /// Eyelid twitching over more than the persistence threshold.
    case eyelidPersistent = "eyelid-persistent"
    /// Eyelid twitching over at most the persistence threshold.
    case eyelidBrief = "eyelid-brief"
    /// Eyelid twitching with twitching elsewhere on the face.
    case eyelidFacialSpread = "eyelid-facial-spread"
    /// Eyelid twitching limited to the eyelid.
    case eyelidOnly = "eyelid-only"
    /// Vision problems, numbness or balance problems (fatigue with them) recorded with eyelid twitching.
    case centralSymptoms = "central-symptoms"
    /// Heat linked to the counts.
    case heatLinked = "heat-linked"
    /// Poor sleep or stress linked to the counts.
    case sleepOrStressLinked = "sleep-or-stress-linked"
}
