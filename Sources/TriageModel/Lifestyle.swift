/// A day's lifestyle as a journal entry or a phone export gives it (SPEC §3.3, §3.9): caffeine,
/// sleep, stress, alcohol, water and exercise, each optional, each able to say where it came
/// from.
///
/// One value is shared by ``JournalRecord`` (as read) and ``JournalEntry`` (as normalised). A
/// value the entry's own row or element gave comes from the journal (its location is the
/// entry's ``JournalEntry/source``); a value a phone export filled in (SPEC §3.9: the phone
/// fills the days and columns the journal leaves empty) carries the export's file and line in
/// ``phoneSources``, so that the report can say where each value came from.
package struct Lifestyle: Sendable, Hashable {
    /// How hard the patient exercised that day.
    package enum Exercise: String, Sendable, Hashable, Comparable {
        /// No exercise.
        case none
        /// Light exercise.
        case light
        /// Intense exercise.
        case intense

        private var rank: Int {
            switch self {
            case .none: 0
            case .light: 1
            case .intense: 2
            }
        }

        package static func < (lhs: Exercise, rhs: Exercise) -> Bool { lhs.rank < rhs.rank }
    }

    /// One of the six lifestyle values.
    package enum Column: String, Sendable, Hashable, CaseIterable, CodingKeyRepresentable {
        /// Caffeine, mg.
        case caffeine
        /// Sleep the night before, hours.
        case sleep
        /// Stress 0-10.
        case stress
        /// Alcohol, units.
        case alcohol
        /// Water, litres.
        case water
        /// The exercise level.
        case exercise
    }

    /// Where one value came from.
    package enum Origin: Sendable, Hashable {
        /// The journal entry itself.
        case journal
        /// A phone export (Apple Health), at its first record that gave the value.
        case phone(SourceLocation)
    }

    /// Caffeine that day, mg.
    package var caffeineMilligrams: Double?
    /// Sleep the night before, hours.
    package var sleepHours: Double?
    /// Stress 0-10.
    package var stress: Double?
    /// Alcohol, units.
    package var alcoholUnits: Double?
    /// Water, litres.
    package var waterLitres: Double?
    /// Exercise that day. A ``JournalRecord`` leaves it nil: the reader keeps the word as
    /// written (``JournalRecord/exercise``) and the normaliser sets the level.
    package var exercise: Exercise?
    /// The values that came from a phone export, with the export's file and line; a column
    /// not listed came from the journal (or is empty).
    package var phoneSources: [Column: SourceLocation] = [:]

    /// Whether no value is set.
    package var isEmpty: Bool { Column.allCases.allSatisfy { !has($0) } }

    /// Whether `column` holds a value.
    package func has(_ column: Column) -> Bool {
        switch column {
        case .caffeine: caffeineMilligrams != nil
        case .sleep: sleepHours != nil
        case .stress: stress != nil
        case .alcohol: alcoholUnits != nil
        case .water: waterLitres != nil
        case .exercise: exercise != nil
        }
    }

    /// Empties `column` (and forgets its source).
    package mutating func clear(_ column: Column) {
        switch column {
        case .caffeine: caffeineMilligrams = nil
        case .sleep: sleepHours = nil
        case .stress: stress = nil
        case .alcohol: alcoholUnits = nil
        case .water: waterLitres = nil
        case .exercise: exercise = nil
        }
        phoneSources[column] = nil
    }

    /// Where the value of `column` came from (``Origin/journal`` for an empty column too).
    package func origin(of column: Column) -> Origin {
        phoneSources[column].map(Origin.phone) ?? .journal
    }

    /// Fills the columns this lifestyle leaves empty from `other` (keeping `other`'s sources),
    /// and returns the columns filled. A column this lifestyle has is never changed: for the
    /// same day and column the journal wins (SPEC §3.9).
    @discardableResult
    package mutating func fillEmpty(from other: Lifestyle) -> [Column] {
        var filled: [Column] = []
        for column in Column.allCases where !has(column) && other.has(column) {
            switch column {
            case .caffeine: caffeineMilligrams = other.caffeineMilligrams
            case .sleep: sleepHours = other.sleepHours
            case .stress: stress = other.stress
            case .alcohol: alcoholUnits = other.alcoholUnits
            case .water: waterLitres = other.waterLitres
            case .exercise: exercise = other.exercise
            }
            if let source = other.phoneSources[column] { phoneSources[column] = source }
            filled.append(column)
        }
        return filled
    }

    /// The day's lifestyle from its entries' (in time order): the largest caffeine, stress,
    /// alcohol and exercise, the smallest sleep and water — the more exposed reading — each
    /// with the source of the entry it was taken from (the first such entry on a tie).
    package static func day(of entries: [Lifestyle]) -> Lifestyle {
        var day = Lifestyle()
        // Plain closures rather than key paths: this runs for every day of every journal, and
        // key paths cost a metadata lookup each call.
        func pick<Value: Comparable>(
            _ column: Column, _ value: (Lifestyle) -> Value?,
            _ into: (inout Lifestyle, Value) -> Void, largest: Bool
        ) {
            var current: Value?
            for entry in entries {
                guard let candidate = value(entry) else { continue }
                if let current, largest ? candidate <= current : candidate >= current { continue }
                current = candidate
                into(&day, candidate)
                day.phoneSources[column] = entry.phoneSources[column]
            }
        }
        pick(.caffeine, { $0.caffeineMilligrams }, { $0.caffeineMilligrams = $1 }, largest: true)
        pick(.sleep, { $0.sleepHours }, { $0.sleepHours = $1 }, largest: false)
        pick(.stress, { $0.stress }, { $0.stress = $1 }, largest: true)
        pick(.alcohol, { $0.alcoholUnits }, { $0.alcoholUnits = $1 }, largest: true)
        pick(.water, { $0.waterLitres }, { $0.waterLitres = $1 }, largest: false)
        pick(.exercise, { $0.exercise }, { $0.exercise = $1 }, largest: true)
        return day
    }
}
