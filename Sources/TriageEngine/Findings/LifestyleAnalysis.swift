import TriageKnowledge
import TriageModel

/// Lifestyle exposures against twitch counts (SPEC §6): the mean count on exposed days against
/// the others, and whether an exposure was cut and the twitching followed.
package struct LifestyleAnalysis: Sendable, Hashable {
    /// A lifestyle factor and how a day counts as exposed.
    package enum Factor: String, Sendable, Hashable, CaseIterable {
        /// Caffeine at or above the caffeine-day threshold, or the caffeine trigger.
        case caffeine
        /// Sleep under the short-sleep threshold, or the poor-sleep trigger.
        case shortSleep = "short sleep"
        /// Stress at or above the high-stress threshold, or the stress trigger.
        case highStress = "high stress"
        /// Any alcohol, or the alcohol trigger.
        case alcohol
        /// Intense exercise, or the exercise trigger.
        case intenseExercise = "intense exercise"
        /// Less water than the low-water threshold, or the dehydration trigger.
        case dehydration
        /// The heat trigger (a hot day, a hot shower): the Eyelid vs MS table's "heat".
        case heat
        /// The eye-strain trigger (screens, reading).
        case eyeStrain = "eye strain"

        /// The lifestyle column the factor is read from, if any (heat and eye strain are
        /// triggers only).
        package var column: Lifestyle.Column? {
            switch self {
            case .caffeine: .caffeine
            case .shortSleep: .sleep
            case .highStress: .stress
            case .alcohol: .alcohol
            case .intenseExercise: .exercise
            case .dehydration: .water
            case .heat, .eyeStrain: nil
            }
        }

        /// The trigger id that marks the exposure, and that advice answers.
        package var trigger: TriggerID {
            switch self {
            case .caffeine: TriggerID.caffeine
            case .shortSleep: TriggerID.poorSleep
            case .highStress: TriggerID.stress
            case .alcohol: TriggerID.alcohol
            case .intenseExercise: TriggerID.exercise
            case .dehydration: TriggerID.dehydration
            case .heat: TriggerID.heat
            case .eyeStrain: TriggerID.eyeStrain
            }
        }

        /// The factor's words in a report (`short sleep`): `rules.json` `findingSentences`
        /// `factor-…`. The raw value stays the key: it is `correlations[].factor` in the referral
        /// JSON and the end of the finding id (`correlation-short-sleep`).
        package var words: FindingSentenceID {
            switch self {
            case .caffeine: .factorCaffeine
            case .shortSleep: .factorShortSleep
            case .highStress: .factorHighStress
            case .alcohol: .factorAlcohol
            case .intenseExercise: .factorIntenseExercise
            case .dehydration: .factorDehydration
            case .heat: .factorHeat
            case .eyeStrain: .factorEyeStrain
            }
        }

        /// The factor's words in the knowledge's `findingSentences`.
        package func name(_ knowledge: Knowledge) -> String {
            knowledge.rules.findingSentences.words(words)
        }

        /// How a day's amount of the factor is written with its unit (`317 mg`, `0.6 units`,
        /// `1.4 h short`, `6.7 points`): the number here, the words `rules.json`'s `amount-…`.
        package func amount(_ value: Double, _ knowledge: Knowledge) -> String {
            let (sentence, amount): (FindingSentenceID?, String) =
                switch self {
                case .caffeine: (.amountCaffeine, NumberFormatting.shortest(NumberFormatting.rounded(value, places: 0)))
                case .alcohol: (.amountAlcohol, Format.one(value))
                case .shortSleep: (.amountShortSleep, Format.one(value))
                case .highStress: (.amountHighStress, Format.one(value))
                case .dehydration: (.amountDehydration, Format.one(value))
                case .intenseExercise, .heat, .eyeStrain: (nil, Format.one(value))
                }
            return sentence.map { knowledge.rules.findingSentences.words($0, ["amount": amount]) } ?? amount
        }
    }

    /// Mean twitch counts on exposed against unexposed days.
    package struct Correlation: Sendable, Hashable {
        /// The factor.
        package var factor: Factor
        /// Days exposed, with a known count.
        package var exposedDays: Int
        /// Days not exposed, with a known count.
        package var unexposedDays: Int
        /// Mean count on exposed days.
        package var exposedMean: Double
        /// Mean count on unexposed days.
        package var unexposedMean: Double
        /// Whether both sides have enough days to compare.
        package var comparable: Bool
        /// Whether the exposure is linked to the twitching: comparable, and the exposed mean at
        /// least the correlation ratio times the unexposed mean.
        package var linked: Bool
        /// The phone export's records behind the factor's values on the compared days (SPEC
        /// §3.9: where each value came from); empty when every value came from the journal.
        package var phoneEvidence: [Evidence] = []
    }

    /// An exposure cut between the first and the last window, and what the twitching did.
    package struct Change: Sendable, Hashable {
        /// The factor.
        package var factor: Factor
        /// Mean daily exposure in the first window (mg, hours short of the threshold, score, units).
        package var before: Double
        /// Mean daily exposure in the last window.
        package var after: Double
        /// Whether the twitching improved over the same windows.
        package var twitchingImproved: Bool
    }

    /// One correlation per factor with any exposed day.
    package var correlations: [Correlation]
    /// Exposures cut by the lifestyle-cut ratio or more.
    package var changes: [Change]

    init(days: [JournalDay], course: TwitchCourse, knowledge: Knowledge) {
        let minimum = Int(knowledge.threshold(Threshold.Key.correlationMinDays))
        let ratio = knowledge.threshold(Threshold.Key.correlationMinRatio)
        let caffeineDay = knowledge.threshold(Threshold.Key.caffeineDayMilligrams)
        let shortSleep = knowledge.threshold(Threshold.Key.shortSleepHours)
        let highStress = knowledge.threshold(Threshold.Key.highStressScore)
        let lowWater = knowledge.threshold(Threshold.Key.lowWaterLitres)

        func exposed(_ factor: Factor, _ day: JournalDay) -> Bool {
            if day.triggers.contains(factor.trigger) { return true }
            switch factor {
            case .caffeine: return (day.lifestyle.caffeineMilligrams ?? 0) >= caffeineDay
            case .shortSleep: return day.lifestyle.sleepHours.map { $0 < shortSleep } ?? false
            case .highStress: return (day.lifestyle.stress ?? 0) >= highStress
            case .alcohol: return (day.lifestyle.alcoholUnits ?? 0) > 0
            case .intenseExercise: return day.lifestyle.exercise == .intense
            case .dehydration: return day.lifestyle.waterLitres.map { $0 < lowWater } ?? false
            case .heat, .eyeStrain: return false
            }
        }
        func amount(_ factor: Factor, _ day: JournalDay) -> Double? {
            switch factor {
            case .caffeine: return day.lifestyle.caffeineMilligrams
            case .shortSleep: return day.lifestyle.sleepHours.map { max(0, shortSleep - $0) }
            case .highStress: return day.lifestyle.stress
            case .alcohol: return day.lifestyle.alcoholUnits
            case .dehydration: return day.lifestyle.waterLitres.map { max(0, lowWater - $0) }
            case .intenseExercise, .heat, .eyeStrain: return nil
            }
        }

        let counted = days.filter { $0.twitchCount != nil }
        var correlations: [Correlation] = []
        for factor in Factor.allCases {
            let yes = counted.filter { exposed(factor, $0) }
            let no = counted.filter { !exposed(factor, $0) }
            guard !yes.isEmpty else { continue }
            let exposedMean = TwitchCourse.meanCount(yes) ?? 0
            let unexposedMean = TwitchCourse.meanCount(no) ?? 0
            let comparable = yes.count >= minimum && no.count >= minimum
            var correlation = Correlation(
                factor: factor, exposedDays: yes.count, unexposedDays: no.count, exposedMean: exposedMean,
                unexposedMean: unexposedMean, comparable: comparable,
                linked: comparable && exposedMean > 0 && exposedMean >= ratio * unexposedMean)
            if let column = factor.column {
                correlation.phoneEvidence = counted.compactMap { day in
                    day.lifestyle.phoneSources[column].map { Evidence($0, date: day.date) }
                }
            }
            correlations.append(correlation)
        }
        self.correlations = correlations

        var changes: [Change] = []
        let window = Int(knowledge.threshold(Threshold.Key.trendWindowDays))
        let cut = knowledge.threshold(Threshold.Key.lifestyleCutRatio)
        if let first = course.firstTwitchDay, let last = course.lastTwitchDay, course.trend != .unknown {
            let firstWindow = days.filter { $0.date >= first && $0.date.dayNumber < first.dayNumber + window }
            let lastWindow = days.filter { $0.date <= last && $0.date.dayNumber > last.dayNumber - window }
            for factor in Factor.allCases {
                let before = firstWindow.compactMap { amount(factor, $0) }
                let after = lastWindow.compactMap { amount(factor, $0) }
                guard !before.isEmpty, !after.isEmpty else { continue }
                let meanBefore = before.reduce(0, +) / Double(before.count)
                let meanAfter = after.reduce(0, +) / Double(after.count)
                guard meanBefore > 0, meanAfter <= cut * meanBefore else { continue }
                changes.append(
                    Change(
                        factor: factor, before: meanBefore, after: meanAfter,
                        twitchingImproved: course.trend == .improving))
            }
        }
        self.changes = changes
    }
}
