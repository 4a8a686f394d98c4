import TriageKnowledge
import TriageModel

/// How a reader identifies a result coded with a lab's own code rather than LOINC (SPEC §3.10),
/// one per file.
///
/// 1. The site's code map (`--code-map`): the system and code name the analyte and the unit.
/// 2. Without a map entry, the code's text (`POTASSIUM`) is matched against the analytes'
///    names and synonyms in the knowledge: it is used when it names exactly one analyte and
///    the result's unit fits that analyte, with one warning per file and code
///    (`local code K (POTASSIUM) read as potassium by its name; add it to the code map`). A
///    text that names two analytes, or a unit that does not fit, is never matched: one warning
///    per file and code, and the result is not used as that analyte.
struct LocalCodeReading {
    /// What a local code was found to be: two strings, not the analyte's whole definition, as
    /// every reader holds an optional one for each result it reads.
    struct Match {
        /// The analyte's id.
        var analyteID: String
        /// The unit the code map gives, for a result without its own.
        var mapUnit: String?
    }

    let file: String
    let codeMap: LabCodeMap
    let analytes: AnalyteIndex
    private var warned: Set<String> = []

    init(file: String, codeMap: LabCodeMap, analytes: AnalyteIndex) {
        self.file = file
        self.codeMap = codeMap
        self.analytes = analytes
    }

    /// The first of a result's local codes `locals` that
    /// ``identify(system:code:text:unit:at:diagnostics:)`` identifies for a result in `unit`;
    /// nil when none does (`unit` is read only when there is a local code).
    @inline(__always)
    mutating func identifyFirst(
        _ locals: [(system: String, code: String, text: String)], unit: @autoclosure () -> String,
        at location: SourceLocation, diagnostics: inout [Diagnostic]
    ) -> Match? {
        guard !locals.isEmpty else { return nil }
        let unit = unit()
        for local in locals {
            if let match = identify(
                system: local.system, code: local.code, text: local.text, unit: unit, at: location, diagnostics: &diagnostics)
            {
                return match
            }
        }
        return nil
    }

    /// The analyte of local code `code` of `system` with text `text`, for a result in `unit`;
    /// nil when neither the map nor the name fallback identifies it. Warnings go to
    /// `diagnostics`, at most one per file and code.
    mutating func identify(
        system: String, code: String, text: String, unit: String, at location: SourceLocation,
        diagnostics: inout [Diagnostic]
    ) -> Match? {
        let code = code.trimmingSpaces()
        let system = system.trimmingSpaces()
        if let entry = codeMap.entry(system: system, code: code), let analyte = analytes.analyte(id: AnalyteID(entry.analyte)) {
            return Match(analyteID: analyte.id.rawValue, mapUnit: entry.unit)
        }
        let text = text.trimmingSpaces()
        guard !text.isEmpty else { return nil }
        let named = analytes.analytes(exactlyNamed: text)
        let key = system + "\u{0}" + code
        if named.count > 1 {
            if warned.insert(key).inserted {
                diagnostics.append(.warning(at: location, LocalCodeMessages.ambiguous(code: code, text: text, named.map(\.id.rawValue))))
            }
            return nil
        }
        guard let analyte = named.first ?? analytes.analyte(named: text) else { return nil }
        let unit = unit.trimmingSpaces()
        guard !unit.isEmpty, analyte.unit(matching: unit) != nil else {
            if warned.insert(key).inserted {
                diagnostics.append(.warning(at: location, LocalCodeMessages.unitDoesNotFit(code: code, text: text, unit: unit, analyte)))
            }
            return nil
        }
        if warned.insert(key).inserted {
            diagnostics.append(.warning(at: location, LocalCodeMessages.readByName(code: code, text: text, analyte)))
        }
        return Match(analyteID: analyte.id.rawValue, mapUnit: nil)
    }
}

/// The local-code messages (SPEC §3.10). The code, its text and the unit are the file's own
/// words: each is shown on one line (control characters as spaces, at most 60 characters, as
/// ``CSVHeader/displayName(_:)`` shows a header), so that a NUL byte or a line break in a message
/// cannot split or corrupt a problem line.
enum LocalCodeMessages {
    static func name(_ analyte: AnalyteDefinition) -> String { analyte.spokenName ?? analyte.id.rawValue }

    static func readByName(code: String, text: String, _ analyte: AnalyteDefinition) -> String {
        "local code \(shown(code)) (\(shown(text))) read as \(name(analyte)) by its name; add it to the code map"
    }

    static func unitDoesNotFit(code: String, text: String, unit: String, _ analyte: AnalyteDefinition) -> String {
        let written = unit.isEmpty ? "no unit" : "unit '\(shown(unit))'"
        return
            "local code \(shown(code)) (\(shown(text))) names \(name(analyte)), but its results' \(written) does not fit \(name(analyte)) (\(analyte.unitList)); not read by its name: add it to the code map"
    }

    static func ambiguous(code: String, text: String, _ ids: [String]) -> String {
        "local code \(shown(code)) (\(shown(text))) names more than one analyte (\(ids.joined(separator: ", "))); not read by its name: add it to the code map"
    }

    /// A word of the file fit for a one-line message.
    static func shown(_ word: String) -> String { CSVHeader.displayName(word) }
}
