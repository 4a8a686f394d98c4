import TriageModel

extension Threshold {
    /// The thresholds the findings and rules need (SPEC §6), by name: each case's raw value is
    /// the ``ThresholdID`` of its `thresholds.json` row (``id``). The table must hold every one
    /// of them; the loader refuses the tables otherwise, so
    /// ``Knowledge/threshold(_:)`` never fails after loading. The values, with their sources,
    /// are the table's (`twitch-triage knowledge` shows them), never repeated here.
    package enum Key: String, Sendable, Hashable, CaseIterable {
        /// Span (days) over which twitching without improvement is persistent.
        case persistentWithoutImprovementDays = "persistent-without-improvement-days"
        /// Span (days) over which twitching is persistent whatever its trend.
        case persistentAnyDays = "persistent-any-days"
        /// The longest span (days) of a benign pattern.
        case benignMaxSpanDays = "benign-max-span-days"
        /// A new region group after this many days is spreading.
        case spreadingAfterDays = "spreading-after-days"
        /// Days in each window of the trend.
        case trendWindowDays = "trend-window-days"
        /// Last-window mean at most this fraction of the first-window mean is improving.
        case improvementRatio = "improvement-ratio"
        /// Exposed and unexposed days needed for a trigger correlation.
        case correlationMinDays = "correlation-min-days"
        /// A trigger is linked when its exposed days' mean count is at least this many times the
        /// unexposed days'.
        case correlationMinRatio = "correlation-min-ratio"
        /// An exposure cut to this fraction or less is a lifestyle change.
        case lifestyleCutRatio = "lifestyle-cut-ratio"
        /// A lab result older than this many days before as-of is stale.
        case staleLabDays = "stale-lab-days"
        /// More caffeine than this (mg) in a day is a caffeine exposure.
        case caffeineDayMilligrams = "caffeine-day-mg"
        /// Fewer hours of sleep than this is poor sleep.
        case shortSleepHours = "short-sleep-hours"
        /// A stress score (0-10) at or above this is high stress.
        case highStressScore = "high-stress-score"
        /// Youngest age of the usual ALS onset band.
        case alsOnsetAgeMin = "als-onset-age-min"
        /// Oldest age of the usual ALS onset band.
        case alsOnsetAgeMax = "als-onset-age-max"
        /// The smallest rise of the 0-3 weakness score that makes weakness progressive.
        case progressiveWeaknessMinIncrease = "progressive-weakness-min-increase"
        /// At least this share of the entries that say were at rest: at-rest twitching.
        case atRestMinShare = "at-rest-min-share"
        /// Rising counts: last window's mean at least this many times the first's.
        case risingMinRatio = "rising-min-ratio"
        /// Rising counts: and at least this many a day above it.
        case risingMinDifference = "rising-min-difference"
        /// A result within this many days is recent: cited, not re-ordered.
        case recentLabDays = "recent-lab-days"
        /// An episode of at most this many minutes is brief.
        case briefEpisodeMaxMinutes = "brief-episode-max-minutes"
        /// Less water than this (litres) in a day is a dehydration exposure.
        case lowWaterLitres = "low-water-litres"
        /// At least this many minutes of exercise in a phone export is light exercise.
        case exerciseLightMinMinutes = "exercise-light-min-minutes"
        /// At least this many minutes of exercise in a phone export is intense exercise.
        case exerciseIntenseMinMinutes = "exercise-intense-min-minutes"
        /// Patients younger than this (years) are outside the knowledge (NICE NG127's adult
        /// recommendations; its children's section is separate).
        case adultAgeYears = "adult-age-years"
        /// Eyelid twitching alone is self-care until it has lasted this many days (NICE NG127).
        case eyelidReferAfterDays = "eyelid-refer-after-days"

        /// The id of the threshold's `thresholds.json` row.
        package var id: ThresholdID { ThresholdID(rawValue: rawValue) }
    }
}
