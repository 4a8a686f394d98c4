import TriageKnowledge
import TriageModel

/// A site's map from its lab's local codes to analytes (`--code-map FILE`, SPEC §3.10): a CSV
/// with the header `system,code,analyte,unit`, one row per local code.
///
/// - `system`: the code system as the lab writes it: HL7 v2 OBX-3's coding system (`L`,
///   `99LAB`), a FHIR `coding.system` URI, a C-CDA `codeSystem` OID, a lab CSV's `code_system`
///   column (empty when the CSV has none). Compared exactly, after trimming.
/// - `code`: the local code (`K`), compared exactly, after trimming.
/// - `analyte`: an analyte id of the knowledge (`potassium`).
/// - `unit`: the unit the lab reports the code in, one the analyte accepts; used when a result
///   carries no unit of its own (a result's own unit always wins, and is checked against the
///   analyte like any other).
///
/// A map is read whole or refused: every bad row is reported as `file:line[:column]: what`,
/// and a map with any bad row is not used (a clinic's mapping must not be half applied).
public struct LabCodeMap: Sendable, Hashable {
    /// One mapped code.
    package struct Entry: Sendable, Hashable {
        /// The analyte id.
        package var analyte: String
        /// The unit the code's results are reported in.
        package var unit: String
        /// Where the row is (`code-map.csv:3`).
        package var source: SourceLocation
    }

    private struct Key: Hashable {
        var system: String
        var code: String
    }

    private var entries: [Key: Entry] = [:]
    /// The map's file as the run names it.
    package let file: String
    /// The SHA-256 of the map's file (empty for a map not read from a file): joins each
    /// patient's fingerprint, so a changed map rewrites the reports.
    package var sha256 = ""
    /// The map's file, absolute and resolved (never written to a report); nil when not from a file.
    package var resolvedPath: String?

    /// An empty map (no `--code-map`).
    public init(file: String = "") {
        self.file = file
    }

    /// Whether the map has no rows.
    package var isEmpty: Bool { entries.isEmpty }
    /// How many codes it maps.
    package var count: Int { entries.count }

    /// The entry for `code` in `system`, if mapped.
    package func entry(system: String, code: String) -> Entry? {
        guard !entries.isEmpty else { return nil }
        return entries[Key(system: system.trimmingSpaces(), code: code.trimmingSpaces())]
    }

    /// Why a code map could not be used: every problem, each `file:line[:column]: what`.
    package struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// The problems, in file order.
        package var problems: [Diagnostic]

        /// One problem a line.
        package var description: String { problems.map(\.description).joined(separator: "\n") }
    }

    /// Reads a code map's bytes.
    ///
    /// - Parameters:
    ///   - bytes: the file's content (a UTF-8 byte order mark and CR, LF or CRLF ends accepted).
    ///   - file: the file's name in messages.
    ///   - analytes: the knowledge's analytes, which the `analyte` and `unit` columns must name.
    /// - Throws: ``Refusal`` with every problem when any row (or the header) is bad.
    package static func parse(_ bytes: UnsafeRawBufferPointer, file: String, analytes: AnalyteIndex) throws(Refusal) -> LabCodeMap {
        var problems: [Diagnostic] = []
        func problem(_ line: Int, _ column: Int?, _ message: String) {
            problems.append(.error(at: SourceLocation(file: file, line: line, column: column), message))
        }
        var scanner = CSVScanner(bytes, delimiter: 0x2C)
        var record = CSVRecord()
        var map = LabCodeMap(file: file)
        var header: [String]?
        var firstRow: [Key: Int] = [:]
        while scanner.next(into: &record) {
            let line = record.line
            if record.problem != nil {
                problem(line, nil, LabCodeMapMessages.malformedRow)
                continue
            }
            var fields: [String] = []
            var invalid = false
            for index in 0..<record.count {
                let text = record.withBytes(index) { CSVText.string($0) }
                switch text {
                case .success(let string): fields.append(string.trimmingSpaces())
                case .failure:
                    invalid = true
                    problem(line, record[index].column, LabCodeMapMessages.notText)
                }
            }
            if invalid { continue }
            if fields.allSatisfy(\.isEmpty) { continue }
            guard header != nil else {
                let expected = ["system", "code", "analyte", "unit"]
                if fields.map({ $0.lowercased() }) != expected {
                    problem(line, 1, LabCodeMapMessages.header)
                    throw Refusal(problems: problems)
                }
                header = fields
                continue
            }
            guard fields.count == 4 else {
                problem(line, nil, LabCodeMapMessages.fieldCount(fields.count))
                continue
            }
            let (system, code, analyteID, unit) = (fields[0], fields[1], fields[2], fields[3])
            if code.isEmpty {
                problem(line, record[1].column, LabCodeMapMessages.noCode)
                continue
            }
            guard let analyte = analytes.analyte(id: AnalyteID(analyteID)) else {
                problem(line, record[2].column, LabCodeMapMessages.unknownAnalyte(analyteID))
                continue
            }
            guard !unit.isEmpty, analyte.unit(matching: unit) != nil else {
                problem(line, record[3].column, LabCodeMapMessages.unitDoesNotFit(unit, analyte))
                continue
            }
            let key = Key(system: system, code: code)
            if let first = firstRow[key] {
                problem(line, nil, LabCodeMapMessages.duplicate(firstLine: first))
                continue
            }
            firstRow[key] = line
            map.entries[key] = Entry(analyte: analyte.id.rawValue, unit: unit, source: SourceLocation(file: file, line: line))
        }
        if header == nil { problem(1, nil, LabCodeMapMessages.empty) }
        if !problems.isEmpty { throw Refusal(problems: problems) }
        return map
    }
}

/// The code map's messages.
enum LabCodeMapMessages {
    static let header = "code map header must be exactly system,code,analyte,unit; code map not used"
    static let malformedRow = "row is not valid CSV (an unclosed or misplaced quote); code map not used"
    static let notText = "field is not UTF-8 text; code map not used"
    static let noCode = "code is empty; code map not used"
    static let empty = "code map has no header and no rows; code map not used"

    static func fieldCount(_ count: Int) -> String {
        "row has \(count) fields, not 4 (system,code,analyte,unit); code map not used"
    }

    static func unknownAnalyte(_ id: String) -> String {
        "analyte '\(id)' is not an analyte id of the knowledge (twitch-triage knowledge lists them); code map not used"
    }

    static func unitDoesNotFit(_ unit: String, _ analyte: AnalyteDefinition) -> String {
        unit.isEmpty
            ? "unit is empty; \(analyte.id) is reported in \(analyte.unitList); code map not used"
            : "unit '\(unit)' does not fit \(analyte.id) (\(analyte.unitList)); code map not used"
    }

    static func duplicate(firstLine: Int) -> String {
        "system and code repeat line \(firstLine); code map not used"
    }
}
