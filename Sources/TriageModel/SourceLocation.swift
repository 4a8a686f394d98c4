/// Where a record or a field came from: a file (relative to the input root), a line and,
/// where known, a column.
///
/// Lines and columns count from 1. Columns count bytes for CSV and characters as libxml2
/// reports them for XML. Twelve bytes and no reference: the file is an index into the run's
/// ``SourceFileTable``, the line and column 32-bit with 0 for unknown (a line or column beyond
/// 4,294,967,294 is kept as that number, a file that long being unreadable as text anyway).
public struct SourceLocation: Sendable, Hashable, Comparable {
    /// The file, as an index into the run's file table.
    public var fileID: SourceFileID
    @usableFromInline var storedLine: UInt32
    @usableFromInline var storedColumn: UInt32

    /// Creates a location in a file named by its path (looked up in the file table: readers
    /// that make one location per row take the file's ``SourceFileID`` once instead).
    package init(file: String, line: Int? = nil, column: Int? = nil) {
        self.init(fileID: SourceFileID(file), line: line, column: column)
    }

    /// Creates a location in a file of the table (inlinable: the readers make one per row).
    @inlinable
    package init(fileID: SourceFileID, line: Int? = nil, column: Int? = nil) {
        self.fileID = fileID
        self.storedLine = SourceLocation.store(line)
        self.storedColumn = SourceLocation.store(column)
    }

    /// The file, relative to the input root the user named.
    package var file: String { fileID.path }

    /// The 1-based line, if known.
    package var line: Int? {
        get { storedLine == 0 ? nil : Int(storedLine) }
        set { storedLine = SourceLocation.store(newValue) }
    }

    /// The 1-based column, if known.
    package var column: Int? {
        get { storedColumn == 0 ? nil : Int(storedColumn) }
        set { storedColumn = SourceLocation.store(newValue) }
    }

    /// The same file and line at another column.
    package func at(column: Int?) -> SourceLocation {
        var copy = self
        copy.column = column
        return copy
    }

    /// `file:line:column`, leaving out what is unknown.
    package var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if line != nil, let column { text += ":\(column)" }
        return text
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.fileID != rhs.fileID { return lhs.file < rhs.file }
        return (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    /// 0 for unknown (and for a non-positive number, which no reader writes), else the number
    /// up to `UInt32.max - 1`.
    @usableFromInline static func store(_ value: Int?) -> UInt32 {
        guard let value, value > 0 else { return 0 }
        return UInt32(min(value, Int(UInt32.max - 1)))
    }
}
