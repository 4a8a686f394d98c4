import TriageModel

/// A CSV header line understood: the file's kind, which field holds which known column, and the
/// names as written (for messages).
///
/// Decisions:
/// - Column order is free; unknown columns are ignored, with **one** warning per file that
///   names them (the first ten, and how many more), at the first one's position.
/// - A column named twice (also through an alias, `date` and `recorded_at`): the **first** is
///   used and each later one is ignored with a warning at its position. Silently picking one
///   could hide a conflict; refusing the file would lose data the first column holds.
/// - A missing required column rejects the file with a message naming the column.
struct CSVHeader {
    /// A known column and the field that holds it.
    struct KnownColumn {
        /// The field's index in each row.
        var field: Int
        /// The column.
        var column: CSVColumn
    }

    /// What a header line came to.
    enum Outcome {
        /// A header of a known kind, with its warnings (duplicate and unknown columns).
        case recognised(CSVHeader, warnings: [Diagnostic])
        /// A header of a known kind that lacks a required column: the file is rejected.
        case missingColumns(FileKind, Diagnostic)
        /// A header of no known kind: the file is skipped.
        case unknownKind
    }

    /// The kind of file.
    package let kind: FileKind
    /// The number of fields every row must have.
    let fieldCount: Int
    /// Each field's name as written (trimmed, control characters made spaces), for messages.
    package let names: [String]
    /// The known columns, in field order.
    let columns: [KnownColumn]
    private let fieldByColumn: [Int]

    /// The field holding `column`, if the header has it.
    subscript(column: CSVColumn) -> Int? {
        let field = fieldByColumn[column.ordinal]
        return field < 0 ? nil : field
    }

    /// Reads a header line.
    ///
    /// - Parameters:
    ///   - names: the header's fields, as text.
    ///   - positions: where each field starts.
    ///   - file: the display path, for diagnostics.
    package static func read(names: [String], positions: [CSVPosition], file: String) -> Outcome {
        let normalized = names.map(CSVColumn.normalize)
        guard let kind = CSVKindDetector.kind(ofNormalizedNames: Set(normalized)) else { return .unknownKind }
        let display = names.map(displayName)
        let accepted = CSVColumn.names(for: kind)
        var fieldByColumn = [Int](repeating: -1, count: CSVColumn.allCases.count)
        var columns: [KnownColumn] = []
        var warnings: [Diagnostic] = []
        var unknown: [Int] = []
        for (field, name) in normalized.enumerated() {
            guard let column = accepted[name] else {
                unknown.append(field)
                continue
            }
            let first = fieldByColumn[column.ordinal]
            if first >= 0 {
                let sameAs = normalized[first] == name ? nil : display[first]
                warnings.append(
                    .warning(
                        at: location(file, positions[field]),
                        CSVMessage.duplicateColumn(display[field], sameAs: sameAs)))
                continue
            }
            fieldByColumn[column.ordinal] = field
            columns.append(KnownColumn(field: field, column: column))
        }
        let headerLocation = location(file, positions.first ?? CSVPosition(line: 1, column: 1)).at(column: nil)
        let missing = CSVKindDetector.requiredColumns(of: kind).filter { alternatives in
            alternatives.allSatisfy { fieldByColumn[$0.ordinal] < 0 }
        }
        if !missing.isEmpty {
            let names = missing.map { $0.map(\.rawValue).joined(separator: " or ") }
            return .missingColumns(kind, .error(at: headerLocation, CSVMessage.missingColumns(names)))
        }
        if let firstUnknown = unknown.first {
            warnings.append(
                .warning(
                    at: location(file, positions[firstUnknown]),
                    CSVMessage.unknownColumns(unknown.map { display[$0] })))
        }
        warnings.sort()
        let header = CSVHeader(
            kind: kind, fieldCount: names.count, names: display, columns: columns,
            fieldByColumn: fieldByColumn)
        return .recognised(header, warnings: warnings)
    }

    /// A header of a kind whose reader finds its own columns (Synthea): only the field count
    /// and the names for messages.
    static func plain(kind: FileKind, names: [String]) -> CSVHeader {
        CSVHeader(
            kind: kind, fieldCount: names.count, names: names.map(displayName), columns: [],
            fieldByColumn: [Int](repeating: -1, count: CSVColumn.allCases.count))
    }

    private static func location(_ file: String, _ position: CSVPosition) -> SourceLocation {
        SourceLocation(file: file, line: position.line, column: position.column)
    }

    /// A header name fit for a one-line message: trimmed, control characters made spaces, cut
    /// to 60 characters (with `…`), and `(unnamed)` for an empty one.
    package static func displayName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
            .trimmingSpaces()
        if cleaned.isEmpty { return "(unnamed)" }
        return cleaned.count > 60 ? String(cleaned.prefix(59)) + "…" : cleaned
    }
}
