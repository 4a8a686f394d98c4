extension Referral {
    /// What a patient's phone export (Apple Health) gave the report (SPEC §3.9: the report
    /// says where each value came from): every value that filled an empty journal column, with
    /// the export's file and line; the days with phone data and no journal entry; the mindful
    /// minutes.
    ///
    /// Phone-only days are counted, not compared with the twitching: with no journal entry
    /// they have no twitch count, and are never read as days without twitching. Mindful
    /// minutes are shown here only: no rule or correlation reads them (the articles name
    /// stress as a trigger, and a mindful session says nothing of how stressed the day was).
    package struct PhoneLifestyle: Sendable, Hashable {
        /// One value a phone export put in a journal day.
        package struct Value: Sendable, Hashable {
            /// The day.
            package var date: LocalDate
            /// The column (`sleep`, `caffeine`, …).
            package var column: Lifestyle.Column
            /// The value with its unit (`6.5 h`, `250 mg`, `intense`).
            package var text: String
            /// Where in the export it came from (its first record for the day).
            package var source: SourceLocation
        }

        /// Values that filled empty journal columns, by date then column.
        package var values: [Value]
        /// Days with phone data and no journal entry.
        package var phoneOnlyDays: Int
        /// Days with mindful minutes, and their total.
        package var mindfulDays: Int
        /// Minutes of mindful sessions over those days.
        package var mindfulMinutes: Double
        /// The exports the values came from.
        package var files: [String]

        /// The summary for a record; nil when the patient has no phone export. `withUnit` writes
        /// a column's number with its unit (the knowledge's words: `page.json` `phone-…`).
        package init?(record: PatientRecord, withUnit: (Lifestyle.Column, String) -> String) {
            guard !record.phoneDays.isEmpty else { return nil }
            var values: [Value] = []
            for entry in record.journal {
                for column in Lifestyle.Column.allCases {
                    guard let source = entry.lifestyle.phoneSources[column],
                        let text = PhoneLifestyle.text(entry.lifestyle, column, withUnit: withUnit)
                    else { continue }
                    values.append(Value(date: entry.date, column: column, text: text, source: source))
                }
            }
            let journalDays = Set(record.journal.map(\.date))
            phoneOnlyDays = record.phoneDays.filter { !journalDays.contains($0.date) }.count
            let mindful = record.phoneDays.compactMap(\.mindfulMinutes)
            mindfulDays = mindful.count
            mindfulMinutes = mindful.reduce(0, +)
            var files = Set(values.map(\.source.file))
            for day in record.phoneDays {
                for source in day.lifestyle.phoneSources.values { files.insert(source.file) }
                if let source = day.exerciseSource { files.insert(source.file) }
                if let source = day.mindfulSource { files.insert(source.file) }
            }
            self.files = files.sorted()
            self.values = values
        }

        /// A value with its unit: the number rounded here, the unit's words `withUnit`'s.
        static func text(
            _ lifestyle: Lifestyle, _ column: Lifestyle.Column, withUnit: (Lifestyle.Column, String) -> String
        ) -> String? {
            func number(_ value: Double?, places: Int) -> String? {
                value.map { withUnit(column, NumberFormatting.shortest(NumberFormatting.rounded($0, places: places))) }
            }
            switch column {
            case .caffeine: return number(lifestyle.caffeineMilligrams, places: 0)
            case .sleep: return number(lifestyle.sleepHours, places: 1)
            case .stress: return number(lifestyle.stress, places: 1)
            case .alcohol: return number(lifestyle.alcoholUnits, places: 1)
            case .water: return number(lifestyle.waterLitres, places: 2)
            case .exercise: return lifestyle.exercise?.rawValue
            }
        }
    }
}
