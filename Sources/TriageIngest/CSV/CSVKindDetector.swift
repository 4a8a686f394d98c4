/// Tells which kind of CSV a header belongs to (SPEC §3.1), from its column names alone, never
/// from the file's name.
///
/// The rules, in order, on normalised names (``CSVColumn/normalize(_:)``):
/// 1. `value`, `unit` and `test` or `loinc`: **lab CSV**.
/// 2. Any lab-only name (`value`, `unit`, `test`, `loinc`, `collected_at`, `collected`, `ref_low`,
///    `ref_high`, `reference`) and no journal-only name: a lab CSV that lacks a required column,
///    so it is rejected naming the column rather than misread as something else.
/// 3. `birth_date`, `age` or `sex`, with no date column (`date`, `recorded_at`, `timestamp`,
///    `datetime`, `collected_at`, `collected`) and no journal-only name: **patients CSV**.
/// 4. A journal date column (`date`, `recorded_at`, `timestamp`, `datetime`) or any journal-only
///    name (`location`, `twitch_count`, `weakness`, … every optional journal column but `notes`):
///    **journal CSV**.
/// 5. Anything else: no known kind, and the file is skipped.
///
/// Rules 2 and 4 make a file that is clearly of one kind but lacks a required column fail loudly
/// with the column's name, instead of being read as another kind with its data ignored.
package enum CSVKindDetector {
    private static let labOnly: Set<String> = [
        "value", "unit", "test", "loinc", "collected_at", "collected",
        "ref_low", "ref_high", "reference",
    ]
    private static let journalDates: Set<String> = ["date", "recorded_at", "timestamp", "datetime"]
    private static let journalOnly: Set<String> = [
        "recorded_at", "timestamp", "datetime", "location", "side", "twitch_count", "episodes", "count",
        "duration_min", "at_rest", "triggers", "symptoms", "weakness", "caffeine_mg", "sleep_hours", "stress",
        "alcohol_units", "water_l", "exercise", "medications",
    ]
    private static let patientOnly: Set<String> = ["birth_date", "age", "sex"]
    private static let anyDate: Set<String> = journalDates.union(["collected_at", "collected"])

    /// The kind of CSV whose header has these normalised names, or nil for none.
    package static func kind(ofNormalizedNames names: Set<String>) -> FileKind? {
        let hasJournalOnly = !names.isDisjoint(with: journalOnly)
        if names.contains("value"), names.contains("unit"), names.contains("test") || names.contains("loinc") {
            return .labCSV
        }
        if !names.isDisjoint(with: labOnly), !hasJournalOnly { return .labCSV }
        if !names.isDisjoint(with: patientOnly), names.isDisjoint(with: anyDate), !hasJournalOnly { return .patientCSV }
        if !names.isDisjoint(with: journalDates) || hasJournalOnly { return .journalCSV }
        return nil
    }

    /// The columns a kind requires, each entry a list of alternatives (any one will do).
    static func requiredColumns(of kind: FileKind) -> [[CSVColumn]] {
        switch kind {
        case .labCSV, .labXML: return [[.patientID], [.collectedAt], [.value], [.unit], [.test, .loinc, .code]]
        case .journalCSV, .journalXML: return [[.patientID], [.date]]
        case .patientCSV: return [[.patientID]]
        default: return []
        }
    }
}
