/// The journal over time, as the report's timeline draws it (SPEC §7): the twitch count per
/// day, the region groups twitching each day, and the first day of each symptom.
///
/// Read straight from the journal entries, with no threshold and no judgement: the findings
/// say what the course means, the timeline only shows it.
package struct ReferralTimeline: Sendable, Hashable {
    /// One journal day.
    package struct Day: Sendable, Hashable {
        /// The date.
        package var date: LocalDate
        /// Twitches counted that day (the sum over the day's entries), nil when no entry gave one.
        package var count: Int?
        /// The region groups twitching that day, sorted.
        package var groups: [RegionGroupID]
    }

    /// A symptom's first day.
    package struct Onset: Sendable, Hashable {
        /// The symptom id of the vocabulary (`speech difficulty`).
        package var symptom: SymptomID
        /// The first entry's date.
        package var date: LocalDate
    }

    /// Days with an entry, in date order.
    package var days: [Day]
    /// Symptoms by first date, then by name.
    package var onsets: [Onset]

    /// An empty timeline (no journal).
    package static let empty = ReferralTimeline(days: [], onsets: [])

    /// Creates a timeline.
    package init(days: [Day], onsets: [Onset]) {
        self.days = days
        self.onsets = onsets
    }

    /// The timeline of `journal` (entries in any order).
    package init(journal: [JournalEntry]) {
        var byDate: [LocalDate: (count: Int?, groups: Set<RegionGroupID>)] = [:]
        var first: [SymptomID: LocalDate] = [:]
        for entry in journal {
            var day = byDate[entry.date] ?? (nil, [])
            if let count = entry.twitchCount { day.count = (day.count ?? 0) + count }
            for region in entry.regions { day.groups.insert(region.group) }
            byDate[entry.date] = day
            for symptom in entry.symptoms where first[symptom.symptom].map({ entry.date < $0 }) ?? true {
                first[symptom.symptom] = entry.date
            }
        }
        days = byDate.keys.sorted().map { Day(date: $0, count: byDate[$0]!.count, groups: byDate[$0]!.groups.sorted()) }
        onsets = first.map { Onset(symptom: $0.key, date: $0.value) }.sorted { ($0.date, $0.symptom) < ($1.date, $1.symptom) }
    }
}
