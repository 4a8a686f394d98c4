/// The course of the twitching over time: span, twitch days, trend, and where it spread.
public struct TwitchCourse: Sendable, Hashable {
    /// The direction of the twitch counts, last window against first.
    public enum Trend: String, Sendable, Hashable {
        /// The last window's mean is at most the improvement ratio of the first's.
        case improving
        /// Neither improving nor worse.
        case stable
        /// The last window's mean is above the first's.
        case worsening
        /// The span is shorter than two windows, or counts are missing.
        case unknown
    }

    /// A region group and the day it first appeared.
    public struct GroupAppearance: Sendable, Hashable {
        /// The group id.
        public var group: String
        /// The regions of the group seen on that first day.
        public var regions: [String]
        /// The first day.
        public var firstSeen: LocalDate
        /// The entry that shows it.
        public var evidence: Evidence
    }

    /// First day with twitching.
    public var firstTwitchDay: LocalDate?
    /// Last day with twitching.
    public var lastTwitchDay: LocalDate?
    /// Calendar days from first to last twitch day, both counted; 0 with no twitching.
    public var spanDays: Int
    /// Days with twitching.
    public var twitchDays: Int
    /// Days with any entry.
    public var journalDays: Int
    /// Mean daily count in the first window.
    public var firstWindowMean: Double?
    /// Mean daily count in the last window.
    public var lastWindowMean: Double?
    /// The trend.
    public var trend: Trend
    /// Every region group, in order of first appearance.
    public var groups: [GroupAppearance]
    /// Groups first seen after the first week of twitching.
    public var newGroupsAfterFirstWeek: [GroupAppearance]
    /// Every region, with the day it first appeared.
    public var regionFirstSeen: [String: LocalDate]
    /// Every region, with the day it was last recorded.
    public var regionLastSeen: [String: LocalDate]
    /// Entries with `atRest` true.
    public var atRestEntries: Int
    /// Entries with `atRest` known (true or false).
    public var atRestKnownEntries: Int

    /// Derives the course from the journal's days.
    init(days: [JournalDay], knowledge: Knowledge) {
        let twitchingDays = days.filter(\.twitching)
        firstTwitchDay = twitchingDays.first?.date
        lastTwitchDay = twitchingDays.last?.date
        twitchDays = twitchingDays.count
        journalDays = days.count
        if let first = firstTwitchDay, let last = lastTwitchDay {
            spanDays = first.days(to: last) + 1
        } else {
            spanDays = 0
        }

        let window = Int(knowledge.threshold(Threshold.Key.trendWindowDays))
        let ratio = knowledge.threshold(Threshold.Key.improvementRatio)
        if let first = firstTwitchDay, let last = lastTwitchDay, spanDays >= 2 * window {
            let firstWindow = days.filter { $0.date >= first && $0.date.dayNumber < first.dayNumber + window }
            let lastWindow = days.filter { $0.date <= last && $0.date.dayNumber > last.dayNumber - window }
            firstWindowMean = Self.meanCount(firstWindow)
            lastWindowMean = Self.meanCount(lastWindow)
            if let before = firstWindowMean, let after = lastWindowMean {
                if before > 0, after <= ratio * before {
                    trend = .improving
                } else if after > before {
                    trend = .worsening
                } else {
                    trend = .stable
                }
            } else {
                trend = .unknown
            }
        } else {
            firstWindowMean = nil
            lastWindowMean = nil
            trend = .unknown
        }

        var groups: [GroupAppearance] = []
        var firstSeen: [String: LocalDate] = [:]
        var lastSeen: [String: LocalDate] = [:]
        for day in days {
            for entry in day.entries {
                for mention in entry.regions {
                    if firstSeen[mention.region] == nil { firstSeen[mention.region] = day.date }
                    lastSeen[mention.region] = day.date
                    if let index = groups.firstIndex(where: { $0.group == mention.group }) {
                        if groups[index].firstSeen == day.date, !groups[index].regions.contains(mention.region) {
                            groups[index].regions.append(mention.region)
                        }
                    } else {
                        groups.append(GroupAppearance(group: mention.group, regions: [mention.region], firstSeen: day.date,
                                                      evidence: Evidence(entry.source, date: day.date)))
                    }
                }
            }
        }
        self.groups = groups
        regionFirstSeen = firstSeen
        regionLastSeen = lastSeen
        let after = Int(knowledge.threshold(Threshold.Key.spreadingAfterDays))
        if let start = firstTwitchDay ?? groups.first?.firstSeen {
            newGroupsAfterFirstWeek = groups.filter { start.days(to: $0.firstSeen) >= after }
        } else {
            newGroupsAfterFirstWeek = []
        }
        let known = days.flatMap(\.entries).compactMap(\.atRest)
        atRestEntries = known.filter { $0 }.count
        atRestKnownEntries = known.count
    }

    /// Mean of the known daily counts; nil when none is known.
    static func meanCount(_ days: [JournalDay]) -> Double? {
        let counts = days.compactMap(\.twitchCount)
        guard !counts.isEmpty else { return nil }
        return Double(counts.reduce(0, +)) / Double(counts.count)
    }
}
