/// Where a record or a field came from: a file (relative to the input root), a line and,
/// where known, a column.
///
/// Lines and columns count from 1. Columns count bytes for CSV and characters as libxml2
/// reports them for XML.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    /// The file, relative to the input root the user named.
    public var file: String
    /// The 1-based line, if known.
    public var line: Int?
    /// The 1-based column, if known.
    public var column: Int?

    /// Creates a location.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The same file and line at another column.
    public func at(column: Int?) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// `file:line:column`, leaving out what is unknown.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if line != nil, let column { text += ":\(column)" }
        return text
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0)
    }
}
