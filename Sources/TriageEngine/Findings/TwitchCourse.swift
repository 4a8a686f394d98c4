import TriageKnowledge
import TriageModel

/// The course of the twitching over time: span, twitch days, trend, and where it spread.
package struct TwitchCourse: Sendable, Hashable {
    /// The direction of the twitch counts, last window against first.
    package enum Trend: String, Sendable, Hashable {
        /// The last window's mean is at most the improvement ratio of the first's.
        case improving
        /// Neither improving nor worse.
        case stable
        /// The last window's mean is at least the rising ratio times the first's and the rising
        /// difference above it (SPEC §6: 1.5 times and 2 a day).
        case worsening
        /// The span is shorter than two windows, or counts are missing.
        case unknown
    }

    /// A region group and the day it first appeared.
    package struct GroupAppearance: Sendable, Hashable {
        /// The group id.
        package var group: RegionGroupID
        /// The regions of the group seen on that first day.
        package var regions: [RegionID]
        /// The first day.
        package var firstSeen: LocalDate
        /// The entry that shows it.
        package var evidence: Evidence
    }

    /// First day with twitching.
    package var firstTwitchDay: LocalDate?
    /// Last day with twitching.
    package var lastTwitchDay: LocalDate?
    /// Calendar days from first to last twitch day, both counted; 0 with no twitching.
    package var spanDays: Int
    /// Days with twitching.
    package var twitchDays: Int
    /// Days with any entry.
    package var journalDays: Int
    /// Mean daily count in the first window.
    package var firstWindowMean: Double?
    /// Mean daily count in the last window.
    package var lastWindowMean: Double?
    /// The trend.
    package var trend: Trend
    /// Every region group, in order of first appearance.
    package var groups: [GroupAppearance]
    /// Groups first seen after the first week of twitching.
    package var newGroupsAfterFirstWeek: [GroupAppearance]
    /// Regions first seen after the first week in the group the twitching began in, when the
    /// first week was confined to that one group: spreading within a limb (thumb, then
    /// forearm, then shoulder), the ALS row "starts in one area and gradually spreads". A
    /// patient twitching in several groups from the first week is widespread, and a new spot
    /// of theirs is migration, not spreading.
    package var newRegionsWithinGroupAfterFirstWeek: [GroupAppearance]
    /// Whether the twitching spread: a new group, or a new region within the first group.
    package var spreads: Bool { !newGroupsAfterFirstWeek.isEmpty || !newRegionsWithinGroupAfterFirstWeek.isEmpty }
    /// The groups seen in the first week (the spreading threshold's days).
    package var firstWeekGroups: [RegionGroupID]
    /// The fewest days the twitching has lasted: the span, or more when a note says so ("for
    /// months"); SPEC §6: the span is a lower bound of the duration.
    package var durationAtLeastDays: Int
    /// The note phrase that raised ``durationAtLeastDays`` above the span, with where it was written.
    package var durationNote: DurationNote?

    /// A note phrase that says how long the twitching has lasted.
    package struct DurationNote: Sendable, Hashable {
        /// The phrase ("for months").
        package var phrase: String
        /// The entry whose note holds it.
        package var evidence: Evidence
    }
    /// Every region, with the day it first appeared.
    package var regionFirstSeen: [RegionID: LocalDate]
    /// Every region, with the day it was last recorded.
    package var regionLastSeen: [RegionID: LocalDate]
    /// Entries with `atRest` true.
    package var atRestEntries: Int
    /// Entries with `atRest` known (true or false).
    package var atRestKnownEntries: Int

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
            let risingRatio = knowledge.threshold(Threshold.Key.risingMinRatio)
            let risingDifference = knowledge.threshold(Threshold.Key.risingMinDifference)
            if let before = firstWindowMean, let after = lastWindowMean {
                if before > 0, after <= ratio * before {
                    trend = .improving
                } else if after >= risingRatio * before, after - before >= risingDifference {
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
        var firstSeen: [RegionID: LocalDate] = [:]
        var lastSeen: [RegionID: LocalDate] = [:]
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
                        groups.append(
                            GroupAppearance(
                                group: mention.group, regions: [mention.region], firstSeen: day.date,
                                evidence: Evidence(entry.source, date: day.date)))
                    }
                }
            }
        }
        self.groups = groups
        regionFirstSeen = firstSeen
        regionLastSeen = lastSeen
        let after = Int(knowledge.threshold(Threshold.Key.spreadingAfterDays))
        var withinGroup: [GroupAppearance] = []
        var firstWeek: [RegionGroupID] = []
        if let start = firstTwitchDay ?? groups.first?.firstSeen {
            newGroupsAfterFirstWeek = groups.filter { start.days(to: $0.firstSeen) >= after }
            firstWeek = groups.filter { start.days(to: $0.firstSeen) < after }.map(\.group)
            if firstWeek.count == 1 {
                var seen: Set<RegionID> = []
                for day in days where start.days(to: day.date) >= after {
                    for entry in day.entries {
                        for mention in entry.regions where mention.group == firstWeek[0] && firstSeen[mention.region] == day.date {
                            guard seen.insert(mention.region).inserted else { continue }
                            withinGroup.append(
                                GroupAppearance(
                                    group: mention.group, regions: [mention.region], firstSeen: day.date,
                                    evidence: Evidence(entry.source, date: day.date)))
                        }
                    }
                }
            }
        } else {
            newGroupsAfterFirstWeek = []
        }
        newRegionsWithinGroupAfterFirstWeek = withinGroup
        firstWeekGroups = firstWeek
        var longest = spanDays
        var phraseSeen: DurationNote?
        let phrases = knowledge.rules.durationPhrases.map { ($0, TextMatch.Folded($0.phrase)) }
        // A duration counts only beside a word for the twitching itself (reading.twitchWords).
        let twitchWords = knowledge.vocabulary.reading.twitchWords.phrases.map(TextMatch.Folded.init)
        for day in days {
            for entry in day.entries {
                for note in entry.notes {
                    let folded = TextMatch.Folded(note)
                    for (phrase, pattern) in phrases
                    where phrase.atLeastDays > longest
                        && TextMatch.contains(folded, pattern, withAnyOf: twitchWords)
                    {
                        longest = phrase.atLeastDays
                        phraseSeen = DurationNote(phrase: phrase.phrase, evidence: Evidence(entry.source, date: day.date))
                    }
                }
            }
        }
        durationAtLeastDays = longest
        durationNote = phraseSeen
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
