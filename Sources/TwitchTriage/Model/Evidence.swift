/// What a finding rests on: a file, and where known the line and the date of the record.
public struct Evidence: Sendable, Hashable, Codable, Comparable {
    /// The file, relative to the input root.
    public var file: String
    /// The line of the record.
    public var line: Int?
    /// The date of the record.
    public var date: LocalDate?

    /// Creates evidence.
    public init(file: String, line: Int?, date: LocalDate?) {
        self.file = file
        self.line = line
        self.date = date
    }

    /// Evidence for a record at `source` dated `date`.
    public init(_ source: SourceLocation, date: LocalDate?) {
        self.init(file: source.file, line: source.line, date: date)
    }

    public static func < (lhs: Evidence, rhs: Evidence) -> Bool {
        (lhs.date?.dayNumber ?? Int.min, lhs.file, lhs.line ?? 0) < (rhs.date?.dayNumber ?? Int.min, rhs.file, rhs.line ?? 0)
    }
}
