import TriageKnowledge
import TriageModel

/// One calendar day of a patient's journal: the entries of that day taken together.
///
/// Several entries on one day (episodes) are summed for twitch counts and minutes; for
/// lifestyle values, which apps repeat on each entry of a day, the day keeps the largest
/// (caffeine, stress, alcohol) or the smallest (sleep, water) — the more exposed reading.
package struct JournalDay: Sendable, Hashable {
    let date: LocalDate
    let entries: [JournalEntry]
    /// Sum of known counts; nil when the day's twitching was recorded without a count.
    package let twitchCount: Int?
    package let twitching: Bool
    /// The day's lifestyle (``Lifestyle/day(of:)``), each value with where it came from.
    package let lifestyle: Lifestyle
    let triggers: Set<TriggerID>
    /// Weakness 0-3: the `weakness` field or the severity of a weakness symptom (1 when none).
    package let weakness: Int?

    package init(date: LocalDate, entries: [JournalEntry]) {
        self.date = date
        self.entries = entries
        var count = 0
        var anyCount = false
        var uncountedTwitching = false
        for entry in entries {
            if let value = entry.twitchCount {
                count += value
                anyCount = true
            } else if !entry.regions.isEmpty {
                uncountedTwitching = true
            }
        }
        twitchCount = anyCount || !uncountedTwitching ? count : nil
        twitching = entries.contains { $0.hasTwitching }
        lifestyle = Lifestyle.day(of: entries.map(\.lifestyle))
        triggers = Set(entries.flatMap(\.triggers))
        var scores: [Int] = entries.compactMap(\.weakness)
        for entry in entries {
            for symptom in entry.symptoms where symptom.symptom == SymptomID.weakness {
                scores.append(symptom.severity ?? 1)
            }
        }
        weakness = scores.max()
    }

    /// Groups entries (in time order) by calendar day.
    package static func days(of journal: [JournalEntry]) -> [JournalDay] {
        var days: [JournalDay] = []
        var start = 0
        while start < journal.count {
            var end = start
            while end < journal.count, journal[end].date == journal[start].date { end += 1 }
            days.append(JournalDay(date: journal[start].date, entries: Array(journal[start..<end])))
            start = end
        }
        return days
    }

    /// Evidence for the day: its first entry.
    package var evidence: Evidence { Evidence(entries[0].source, date: date) }
}
