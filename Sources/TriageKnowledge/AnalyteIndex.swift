import Foundation

/// Finds an analyte by LOINC code or by name (SPEC §3.7).
///
/// Built once from the analyte table. Names are compared as ``TermKey``s; a name that does not
/// match as written is tried again as its part before `(`, `,` or `[` (`Vitamin B12 (cobalamin)`)
/// and without specimen words (`serum`, `plasma`, `blood`, `level`), so `Magnesium, Serum`,
/// `S-Magnesium` and `magnesium level` all find magnesium.
///
/// A name with a word that makes it a different measurement (`urine`, `ionized`, `free`,
/// `1,25-dihydroxy`, `random`, `2 hour`, `tolerance`) finds nothing, so that urine magnesium,
/// ionised calcium, calcitriol or a glucose tolerance test are never classified against the
/// serum analyte's ranges. A listed name is matched as written before that check, so that an
/// analyte whose own name holds such a word (`free T4`) is found by it.
package struct AnalyteIndex: Sendable {
    private let byLOINC: [String: AnalyteDefinition]
    private let byName: [String: AnalyteDefinition]
    /// Every analyte a name key names (more than one only in tables the loader would refuse).
    private let allByName: [String: [AnalyteDefinition]]
    private let byID: [String: AnalyteDefinition]

    private static let otherMeasurementWords: Set<String> = [
        "urine", "urinary", "ur", "ionized", "ionised", "ionic", "free", "csf", "rbc", "erythrocyte", "erythrocytes",
        "saliva", "stool", "feces", "faeces", "hair", "24h", "dihydroxy", "dihydroxyvitamin", "calcitriol",
        "random", "postprandial", "post", "tolerance", "ogtt", "challenge", "hour", "hours", "hr", "2h",
        "binding", "active", "holotranscobalamin", "antibody", "antibodies", "ab",
    ]
    private static let specimenWords: Set<String> = ["serum", "plasma", "blood", "level", "levels", "test", "s", "p", "ser", "plas", "whole", "total", "conc", "concentration"]

    /// Builds the index; the first analyte wins a shared code or name (the loader refuses such tables).
    package init(_ analytes: [AnalyteDefinition]) {
        var byLOINC: [String: AnalyteDefinition] = [:]
        var byName: [String: AnalyteDefinition] = [:]
        var allByName: [String: [AnalyteDefinition]] = [:]
        var byID: [String: AnalyteDefinition] = [:]
        for analyte in analytes {
            if byID[analyte.id] == nil { byID[analyte.id] = analyte }
            for code in analyte.loinc where byLOINC[code] == nil { byLOINC[code] = analyte }
            for name in [analyte.id] + analyte.names {
                let key = TermKey.key(name)
                if byName[key] == nil { byName[key] = analyte }
                if !(allByName[key] ?? []).contains(where: { $0.id == analyte.id }) { allByName[key, default: []].append(analyte) }
            }
        }
        self.byLOINC = byLOINC
        self.byName = byName
        self.allByName = allByName
        self.byID = byID
    }

    /// The index of `analytes`, built once for the same list in a process (SPEC §9): the
    /// normaliser and the readers' local-code fallback index the same analytes, which a single
    /// report built twice (and, with `--knowledge`, once per file read). Equal lists share the
    /// index; a list that shares the last one's storage is recognised without comparing rows.
    package static func shared(_ analytes: [AnalyteDefinition]) -> AnalyteIndex {
        Memo.last.lock.lock()
        defer { Memo.last.lock.unlock() }
        if let last = Memo.last.entry, last.analytes == analytes { return last.index }
        let index = AnalyteIndex(analytes)
        Memo.last.entry = (analytes, index)
        return index
    }

    /// The last index ``shared(_:)`` built, and its list.
    private final class Memo: @unchecked Sendable {
        static let last = Memo()
        let lock = NSLock()
        var entry: (analytes: [AnalyteDefinition], index: AnalyteIndex)?
    }

    /// The analyte with id `id`.
    package func analyte(id: String) -> AnalyteDefinition? {
        byID[id]
    }

    /// Every analyte whose name or synonym `name` is, as written (no shortening): the local-code
    /// fallback (SPEC §3.10) matches only when this is exactly one.
    package func analytes(exactlyNamed name: String) -> [AnalyteDefinition] {
        allByName[TermKey.key(name)] ?? []
    }

    /// The analyte with LOINC code `code` (surrounding spaces ignored).
    package func analyte(loinc code: String) -> AnalyteDefinition? {
        byLOINC[code.trimmingSpaces()]
    }

    /// The analyte named `name`, or one of its synonyms.
    package func analyte(named name: String) -> AnalyteDefinition? {
        let words = TermKey.words(name)
        guard !words.isEmpty else { return nil }
        if let hit = byName[words.joined(separator: " ")] { return hit }
        guard !words.contains(where: Self.otherMeasurementWords.contains) else { return nil }
        if let cut = name.firstIndex(where: { $0 == "(" || $0 == "," || $0 == "[" }), cut != name.startIndex,
           let hit = byName[TermKey.key(String(name[..<cut]))] {
            return hit
        }
        let plain = words.filter { !Self.specimenWords.contains($0) }
        if !plain.isEmpty, plain.count != words.count, let hit = byName[plain.joined(separator: " ")] { return hit }
        return nil
    }
}
