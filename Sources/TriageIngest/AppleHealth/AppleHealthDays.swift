import TriageModel

/// The per-day sums an Apple Health export is read into, as its records stream past: a few
/// numbers per day, never the records themselves (an export is hundreds of MB to GB).
///
/// - Caffeine (mg), water (L), exercise-time minutes, workout minutes and mindful minutes are
///   summed into the local day their record starts on (the day in the record's own offset).
/// - Sleep: the asleep intervals are kept (two numbers each, a few a night) until the end,
///   then merged, so that two apps recording the same night count it once; merged periods
///   less than ``nightBreak`` apart are one night, whose hours go to the local day it ends
///   on (the day of its latest end).
/// - Exercise minutes of a day: the larger of its exercise-time sum and its workouts' (the
///   watch counts a workout's minutes in its exercise time, so adding them would count them
///   twice).
///
/// Each day's value keeps the location of the first record that gave it.
struct AppleHealthDays {
    /// A day's running sum and the first record that gave it.
    struct Sum {
        var total: Double
        var source: SourceLocation
    }

    /// One asleep interval.
    struct Asleep {
        /// Start and end, seconds since 1970 UTC.
        var start: Int
        var end: Int
        /// The local day of the end.
        var endDate: LocalDate
        /// The record's start tag.
        var source: SourceLocation
    }

    /// Asleep periods closer than this (seconds) belong to one night: waking in the night,
    /// and the gaps between the stage records of iOS 16 and later, do not split it, while an
    /// afternoon nap stays apart from the night after it. A rule for grouping records, not a
    /// clinical threshold.
    static let nightBreak = 4 * 3600

    package var caffeine: [Int: Sum] = [:]
    var water: [Int: Sum] = [:]
    var exerciseTime: [Int: Sum] = [:]
    var workouts: [Int: Sum] = [:]
    var mindful: [Int: Sum] = [:]
    var asleep: [Asleep] = []

    /// Adds `amount` to `day` in `sums`; `source` is made only for a new day.
    @inline(__always)
    static func add(
        _ amount: Double, on day: LocalDate, to sums: inout [Int: Sum],
        source: @autoclosure () -> SourceLocation
    ) {
        let key = day.dayNumber
        if sums[key] != nil {
            sums[key]!.total += amount
        } else {
            sums[key] = Sum(total: amount, source: source())
        }
    }

    /// The days, in date order, and the first record of each day whose sleep was left out
    /// because its asleep time came to more than 24 hours (records that cannot all be true);
    /// a sum that overflowed is left out too.
    package func days() -> (days: [PhoneDay], impossibleSleep: [SourceLocation]) {
        var days: [Int: PhoneDay] = [:]
        func day(_ key: Int) -> PhoneDay { days[key] ?? PhoneDay(date: LocalDate(dayNumber: key)) }
        let caffeine = caffeine.filter { $0.value.total.isFinite }
        let water = water.filter { $0.value.total.isFinite }
        let exerciseTime = exerciseTime.filter { $0.value.total.isFinite }
        let workouts = workouts.filter { $0.value.total.isFinite }
        let mindful = mindful.filter { $0.value.total.isFinite }
        for (key, sum) in caffeine {
            var value = day(key)
            value.lifestyle.caffeineMilligrams = sum.total
            value.lifestyle.phoneSources[.caffeine] = sum.source
            days[key] = value
        }
        for (key, sum) in water {
            var value = day(key)
            value.lifestyle.waterLitres = sum.total
            value.lifestyle.phoneSources[.water] = sum.source
            days[key] = value
        }
        for key in Set(exerciseTime.keys).union(workouts.keys) {
            let time = exerciseTime[key]
            let workout = workouts[key]
            let chosen = (workout?.total ?? -1) > (time?.total ?? -1) ? workout! : time!
            var value = day(key)
            value.exerciseMinutes = chosen.total
            value.exerciseSource = chosen.source
            days[key] = value
        }
        for (key, sum) in mindful {
            var value = day(key)
            value.mindfulMinutes = sum.total
            value.mindfulSource = sum.source
            days[key] = value
        }
        var sleep: [Int: Sum] = [:]
        for night in nights() {
            AppleHealthDays.add(night.hours, on: night.date, to: &sleep, source: night.source)
        }
        var impossible: [SourceLocation] = []
        for (key, sum) in sleep.sorted(by: { $0.key < $1.key }) {
            guard sum.total <= 24 else {
                impossible.append(sum.source)
                continue
            }
            var value = day(key)
            value.lifestyle.sleepHours = sum.total
            value.lifestyle.phoneSources[.sleep] = sum.source
            days[key] = value
        }
        return (days.keys.sorted().map { days[$0]! }, impossible)
    }

    /// The nights: asleep intervals merged where they overlap or touch, merged periods less
    /// than ``nightBreak`` apart joined; each night's asleep hours, the local day of its
    /// latest end, and its first record.
    func nights() -> [(date: LocalDate, hours: Double, source: SourceLocation)] {
        let sorted = asleep.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var nights: [(date: LocalDate, hours: Double, source: SourceLocation)] = []
        var index = 0
        while index < sorted.count {
            let first = sorted[index]
            var seconds = 0
            var blockStart = first.start
            var blockEnd = first.end
            var latest = first
            index += 1
            while index < sorted.count, sorted[index].start < blockEnd + AppleHealthDays.nightBreak {
                let next = sorted[index]
                if next.start > blockEnd {  // a gap inside the night: close the merged block
                    seconds += blockEnd - blockStart
                    blockStart = next.start
                }
                if next.end > blockEnd { blockEnd = next.end }
                if next.end > latest.end { latest = next }
                index += 1
            }
            seconds += blockEnd - blockStart
            nights.append((latest.endDate, Double(seconds) / 3600, first.source))
        }
        return nights
    }
}
