/// What a finding rests on: a file, and where known the line and the date of the record.
package struct Evidence: Sendable, Hashable, Comparable {
    /// The file, relative to the input root.
    package var file: String
    /// The line of the record.
    package var line: Int?
    /// The date of the record.
    package var date: LocalDate?
    /// Which part of the record the finding was read from, when it was free text (`note`,
    /// `symptoms`, `location`).
    package var field: String?
    /// The words the finding was read from, as the patient wrote them (SPEC §4.1: every match
    /// shows its quote).
    package var quote: String?
    /// Whether the words matched the vocabulary only within one spelling edit.
    package var approximate: Bool = false

    /// Creates evidence.
    package init(file: String, line: Int?, date: LocalDate?) {
        self.file = file
        self.line = line
        self.date = date
    }

    /// Evidence for a record at `source` dated `date`.
    package init(_ source: SourceLocation, date: LocalDate?) {
        self.init(file: source.file, line: source.line, date: date)
    }

    package static func < (lhs: Evidence, rhs: Evidence) -> Bool {
        (lhs.date?.dayNumber ?? Int.min, lhs.file, lhs.line ?? 0) < (rhs.date?.dayNumber ?? Int.min, rhs.file, rhs.line ?? 0)
    }
}
