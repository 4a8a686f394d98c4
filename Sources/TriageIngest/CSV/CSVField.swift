import MemberwiseInit

/// A line and a 1-based byte column in a CSV file.
///
/// Columns count bytes from the start of the line, 1-based; on the first line they count from
/// after a UTF-8 byte-order mark, which editors do not show.
@PackageMemberwiseInit
package struct CSVPosition: Sendable, Hashable {
    /// The 1-based line.
    package var line: Int
    /// The 1-based byte column.
    package var column: Int
}

/// One field of a ``CSVRecord``: where its bytes are in the scanned buffer, and where it starts.
///
/// The field's content is `start..<end` of the buffer: for a quoted field, the bytes between
/// the quotes, still with doubled quotes (``hasEscapedQuotes`` says whether any are there;
/// ``CSVRecord/withBytes(_:_:)`` removes them). Nothing is copied while scanning.
package struct CSVField: Sendable, Hashable {
    /// The offset of the content's first byte in the scanned buffer (after an opening quote).
    package var start: Int
    /// The offset just past the content's last byte (before a closing quote).
    package var end: Int
    /// The line where the field starts (its opening quote, if quoted).
    package var line: Int
    /// The byte column where the field starts (its opening quote, if quoted).
    package var column: Int
    /// Whether the field was enclosed in quotes.
    package var isQuoted = false
    /// Whether the content holds doubled quotes (`""`) that stand for one quote.
    package var hasEscapedQuotes = false
    /// Whether the content holds a line break, so that a position inside it may be on a later
    /// line than ``line``.
    package var spansLines = false

    /// The number of content bytes (doubled quotes counted twice).
    package var count: Int { end - start }

    /// Where the field starts.
    package var position: CSVPosition { CSVPosition(line: line, column: column) }
}
