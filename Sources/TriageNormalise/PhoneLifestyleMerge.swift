import TriageModel

/// Merges phone lifestyle into the journal (SPEC §3.9): the phone fills the days and columns
/// the journal leaves empty; for the same day and column the journal wins.
///
/// A column counts as filled for a day when any of the day's entries has it (a day's value is
/// taken over all its entries, ``Lifestyle/day(of:)``); a phone value for a column no entry of
/// the day has goes on the day's first entry, with the export's file and line as its source.
/// A phone day with no journal entry stays a phone-only day (``PatientRecord/phoneDays``): it
/// has no twitch count, so it is never read as a day without twitching.
package enum PhoneLifestyleMerge {
    /// Phone days from several exports (in file order) as one list in date order: for the
    /// same day and column, the earlier export wins.
    package static func days(_ days: [PhoneDay]) -> [PhoneDay] {
        var byDate: [Int: PhoneDay] = [:]
        for day in days {
            let key = day.date.dayNumber
            guard var known = byDate[key] else {
                byDate[key] = day
                continue
            }
            known.lifestyle.fillEmpty(from: day.lifestyle)
            if known.exerciseMinutes == nil {
                known.exerciseMinutes = day.exerciseMinutes
                known.exerciseSource = day.exerciseSource
            }
            if known.mindfulMinutes == nil {
                known.mindfulMinutes = day.mindfulMinutes
                known.mindfulSource = day.mindfulSource
            }
            byDate[key] = known
        }
        return byDate.keys.sorted().map { byDate[$0]! }
    }

    /// Fills the empty columns of `journal`'s days (entries in time order) from `phone`.
    package static func fill(_ journal: inout [JournalEntry], from phone: [PhoneDay]) {
        guard !phone.isEmpty, !journal.isEmpty else { return }
        var phoneByDate: [Int: Lifestyle] = [:]
        for day in phone { phoneByDate[day.date.dayNumber] = day.lifestyle }
        var start = 0
        while start < journal.count {
            var end = start
            let date = journal[start].date
            while end < journal.count, journal[end].date == date { end += 1 }
            if let lifestyle = phoneByDate[date.dayNumber] {
                var missing = lifestyle
                let day = Lifestyle.day(of: journal[start..<end].map(\.lifestyle))
                for column in Lifestyle.Column.allCases where day.has(column) { missing.clear(column) }
                journal[start].lifestyle.fillEmpty(from: missing)
            }
            start = end
        }
    }
}
