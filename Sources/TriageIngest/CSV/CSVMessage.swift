/// Every message the CSV readers give, in one place so that they stay alike.
///
/// Style: `<what is wrong>; <what was done>`. Messages name columns (as the header wrote them),
/// never a field's value or a patient id: they reach stderr and logs. Row messages here say
/// only what is wrong; ``rowSkipped(_:lines:)`` adds what was done.
enum CSVMessage {
    // MARK: Files

    static let empty = "file is empty; file skipped"
    static let utf16 = "file is UTF-16 encoded, not UTF-8; file skipped"
    static let nulByte = "not a CSV file (NUL byte in the header line); file skipped"
    static let invalidUTF8 = "not a CSV file (invalid UTF-8 in the header line); file skipped"
    static let unclosedQuoteInHeader = "quote in the header line is never closed; file skipped"
    static let textAfterQuoteInHeader = "text after a closing quote in the header line; file skipped"
    static let unknownKind = "header is not that of a journal, lab or patients CSV; file skipped"
    static let codeMap = "a code map (system,code,analyte,unit), not an input: give it with --code-map; file skipped"
    static let noRows = "file has a header but no rows; nothing read"

    /// `required column unit is missing; file skipped`.
    static func missingColumns(_ names: [String]) -> String {
        names.count == 1
            ? "required column \(names[0]) is missing; file skipped"
            : "required columns \(names.joined(separator: ", ")) are missing; file skipped"
    }

    /// How many unknown columns a message names; past that it counts the rest, so that a
    /// header of thousands of columns still makes a one-line message of bounded length.
    static let maximumListedColumns = 10

    /// `unknown columns ignored: colour, mood; columns ignored`, or with more than
    /// ``maximumListedColumns``, `unknown columns ignored: c1, …, c10 and 9988 more; columns ignored`.
    static func unknownColumns(_ names: [String]) -> String {
        if names.count == 1 { return "unknown column ignored: \(names[0]); column ignored" }
        let listed = names.prefix(maximumListedColumns).joined(separator: ", ")
        let more = names.count > maximumListedColumns ? " and \(names.count - maximumListedColumns) more" : ""
        return "unknown columns ignored: \(listed)\(more); columns ignored"
    }

    /// `duplicate column date; first one used`, or `duplicate column recorded_at (same as date); first one used`.
    static func duplicateColumn(_ name: String, sameAs first: String?) -> String {
        guard let first else { return "duplicate column \(name); first one used" }
        return "duplicate column \(name) (same as \(first)); first one used"
    }

    // MARK: Rows

    /// `<what>; row skipped`, naming the lines when the row spans several.
    static func rowSkipped(_ what: String, lines: ClosedRange<Int>) -> String {
        lines.count > 1 ? "\(what); row skipped (lines \(lines.lowerBound)-\(lines.upperBound))" : "\(what); row skipped"
    }

    static let unclosedQuote = "quoted field is never closed"
    static let textAfterClosingQuote = "text after a closing quote"
    static let strayQuote = "quote inside an unquoted field; kept as a literal quote"

    /// `row has 7 fields, header has 6`.
    static func fieldCount(_ count: Int, header: Int) -> String {
        "row has \(CountedNoun("field").counted(count)), header has \(header)"
    }

    static func isEmpty(_ name: String) -> String { "\(name) is empty" }
    static func invalidUTF8(_ name: String) -> String { "\(name) is not valid UTF-8" }
    static func nulByte(_ name: String) -> String { "\(name) contains a NUL byte" }
    static func slashDate(_ name: String) -> String { "\(name) is a slash date, ambiguous without --date-order mdy|dmy" }
    static func notDate(_ name: String) -> String { "\(name) is not a valid date or date-time" }
    static func notDateOnly(_ name: String) -> String { "\(name) is not a valid date" }

    /// `sleep_hours is not a number`, with a hint when a decimal comma was used in a file that
    /// is not `;`-delimited.
    static func notNumber(_ name: String, decimalCommaHint: Bool) -> String {
        decimalCommaHint
            ? "\(name) is not a number (a decimal comma is accepted only in ;-delimited files)"
            : "\(name) is not a number"
    }

    static func notWholeNumber(_ name: String) -> String { "\(name) must be a whole number" }
    static func negative(_ name: String) -> String { "\(name) must be 0 or more" }
    static func outOfRange(_ name: String, _ range: ClosedRange<Int>) -> String {
        "\(name) must be \(range.lowerBound)-\(range.upperBound)"
    }

    static func notYesNo(_ name: String) -> String { "\(name) must be yes or no" }
    static func notSex(_ name: String) -> String { "\(name) must be female, male, other or unknown" }
    static func notLabValue(_ name: String) -> String { "\(name) is not a number or a censored value like <5" }
    static func notReference(_ name: String) -> String { "\(name) is not a range like 1.7-2.2" }
    static func referenceInverted(_ name: String) -> String { "\(name) has its low limit above its high limit" }
    static func limitsInverted(low: String, high: String) -> String { "\(low) is above \(high)" }
    static func bothEmpty(_ first: String, _ second: String) -> String { "\(first) and \(second) are both empty" }

    /// `reference disagrees with ref_low and ref_high; ref_low and ref_high used` (a warning).
    static func referenceDisagrees(_ reference: String, low: String?, high: String?) -> String {
        let explicit = [low, high].compactMap { $0 }.joined(separator: " and ")
        return "\(reference) disagrees with \(explicit); \(explicit) used"
    }
}
