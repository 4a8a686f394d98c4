/// One day of lifestyle from a phone export (Apple Health, SPEC §3.9), summed over the day's
/// records: caffeine, water and sleep in ``lifestyle`` (each with the export's file and line
/// of the first record that gave it, in ``Lifestyle/phoneSources``), exercise and mindful
/// minutes beside it.
///
/// The day is the local day of the records' own UTC offset; sleep belongs to the day the
/// night ends. The exercise level (``Lifestyle/exercise``) is set from ``exerciseMinutes`` by
/// the normaliser, against the thresholds in the knowledge tables.
public struct PhoneDay: Sendable, Hashable {
    /// The local day.
    package var date: LocalDate
    /// Caffeine (mg), water (L) and sleep (h) of the day, with their sources.
    package var lifestyle = Lifestyle()
    /// Minutes of exercise: the larger of the day's exercise-time records and its workouts
    /// (the watch counts a workout's minutes in its exercise time).
    package var exerciseMinutes: Double?
    /// Where the exercise minutes came from (the first record of the larger sum).
    package var exerciseSource: SourceLocation?
    /// Minutes of mindful sessions (shown in the report, not compared with the twitching).
    package var mindfulMinutes: Double?
    /// Where the mindful minutes came from (the day's first session).
    package var mindfulSource: SourceLocation?

    /// Creates an empty day.
    package init(date: LocalDate) {
        self.date = date
    }
}

/// What a phone export holds for its patient (SPEC §3.9): the days, and `Me`'s birth date and
/// sex. The export names no patient; ``patientID`` is set when it is attached to the one
/// patient whose other files are in its folder or below.
public struct PhoneExport: Sendable, Hashable {
    /// The patient it was attached to, once attached.
    package var patientID: PatientID?
    /// The days, in date order.
    public var days: [PhoneDay] = []
    /// `Me`'s birth date, if given.
    package var birthDate: LocalDate?
    /// `Me`'s biological sex, if set.
    package var sex: PatientDemographics.Sex?
    /// Where `Me` is.
    package var meSource: SourceLocation?
    /// Where the export stopped being readable, when it was cut short (not well-formed
    /// part-way: the days before it were kept).
    public var cutShortAt: SourceLocation?

    /// Creates an empty export.
    package init() {}
}
