extension Threshold {
    /// The ids of the thresholds the findings and rules need (SPEC §6). `thresholds.json` must
    /// hold every one of them; the loader refuses the tables otherwise, so
    /// ``Knowledge/threshold(_:)`` never fails after loading.
    package enum Key: String, Sendable, Hashable, CaseIterable {
        /// Span (days) over which twitching without improvement is persistent: 14.
        case persistentWithoutImprovementDays = "persistent-without-improvement-days"
        /// Span (days) over which twitching is persistent whatever its trend: 21.
        case persistentAnyDays = "persistent-any-days"
        /// The longest span (days) of a benign pattern: 14.
        case benignMaxSpanDays = "benign-max-span-days"
        /// A new region group after this many days is spreading: 7.
        case spreadingAfterDays = "spreading-after-days"
        /// Days in each window of the trend: 7.
        case trendWindowDays = "trend-window-days"
        /// Last-window mean at most this fraction of the first-window mean is improving: 0.5.
        case improvementRatio = "improvement-ratio"
        /// Exposed and unexposed days needed for a trigger correlation: 3.
        case correlationMinDays = "correlation-min-days"
        case correlationMinRatio = "correlation-min-ratio"
        /// An exposure cut to this fraction or less is a lifestyle change: 0.5.
        case lifestyleCutRatio = "lifestyle-cut-ratio"
        /// A lab result older than this many days before as-of is stale: 180.
        case staleLabDays = "stale-lab-days"
        /// More caffeine than this (mg) in a day is a caffeine exposure: 200.
        case caffeineDayMilligrams = "caffeine-day-mg"
        /// Fewer hours of sleep than this is poor sleep: 7.
        case shortSleepHours = "short-sleep-hours"
        /// A stress score (0-10) at or above this is high stress: 7.
        case highStressScore = "high-stress-score"
        /// Youngest age of the usual ALS onset band: 40.
        case alsOnsetAgeMin = "als-onset-age-min"
        /// Oldest age of the usual ALS onset band: 70.
        case alsOnsetAgeMax = "als-onset-age-max"
        /// The smallest rise of the 0-3 weakness score that makes weakness progressive: 1.
        case progressiveWeaknessMinIncrease = "progressive-weakness-min-increase"
        /// At least this share of the entries that say were at rest: at-rest twitching: 0.5.
        case atRestMinShare = "at-rest-min-share"
        /// Rising counts: last window's mean at least this many times the first's: 1.5.
        case risingMinRatio = "rising-min-ratio"
        /// Rising counts: and at least this many a day above it: 2.
        case risingMinDifference = "rising-min-difference"
        /// A result within this many days is recent: cited, not re-ordered: 30.
        case recentLabDays = "recent-lab-days"
        /// An episode of at most this many minutes is brief: 5.
        case briefEpisodeMaxMinutes = "brief-episode-max-minutes"
        /// Less water than this (litres) in a day is a dehydration exposure: 2.
        case lowWaterLitres = "low-water-litres"
        /// At least this many minutes of exercise in a phone export is light exercise: 10.
        case exerciseLightMinMinutes = "exercise-light-min-minutes"
        /// At least this many minutes of exercise in a phone export is intense exercise: 43.
        case exerciseIntenseMinMinutes = "exercise-intense-min-minutes"
        /// Patients younger than this (years) are outside the knowledge (NICE NG127's adult
        /// recommendations; its children's section is separate): 16.
        case adultAgeYears = "adult-age-years"
        /// Eyelid twitching alone is self-care until it has lasted this many days (NICE NG127: 3 months).
        case eyelidReferAfterDays = "eyelid-refer-after-days"
    }
}
