import Foundation
import TriageModel

/// Finds an analyte by LOINC code or by name (SPEC §3.7).
///
/// Built once from the analyte table and its name words (``AnalyteNameWords``,
/// `analyte-name-words.json`). Names are compared as ``TermKey``s; a name that does not match as
/// written is tried again as its part before `(`, `,` or `[` (`Vitamin B12 (cobalamin)`) and
/// without the table's same-measurement words (the specimen, "level"), so that with the shipped
/// table `Magnesium, Serum`, `S-Magnesium` and `magnesium level` all find magnesium.
///
/// A name with one of the table's different-measurement words (a urine or timed specimen, an
/// ionised or free fraction, a challenge test) finds nothing, so that urine magnesium, ionised
/// calcium, calcitriol or a glucose tolerance test are never classified against the serum
/// analyte's ranges. A listed name is matched as written before that check, so that an analyte
/// whose own name holds such a word (`free T4`) is found by it.
package struct AnalyteIndex: Sendable, Hashable {
    /// The analytes it indexes and the name words, as given: two indexes are equal when built
    /// from equal tables.
    private let indexed: [AnalyteDefinition]
    private let nameWords: AnalyteNameWords
    /// Every LOINC code of the analytes: the exchange-format readers keep only results with one
    /// (SPEC §3.9).
    package let loincCodes: Set<String>
    private let byLOINC: [String: AnalyteDefinition]
    private let byName: [String: AnalyteDefinition]
    /// Every analyte a name key names (more than one only in tables the loader would refuse).
    private let allByName: [String: [AnalyteDefinition]]
    private let byID: [AnalyteID: AnalyteDefinition]

    /// Words that make a name a different measurement (``AnalyteNameWords/differentMeasurement``).
    private let otherMeasurementWords: Set<String>
    /// Words dropped from a name (``AnalyteNameWords/sameMeasurement``).
    private let specimenWords: Set<String>

    /// Builds the index of `analytes`, reading names by `words`; the first analyte wins a shared
    /// code or name (the loader refuses such tables).
    package init(_ analytes: [AnalyteDefinition], words: AnalyteNameWords) {
        var byLOINC: [String: AnalyteDefinition] = [:]
        var byName: [String: AnalyteDefinition] = [:]
        var allByName: [String: [AnalyteDefinition]] = [:]
        var byID: [AnalyteID: AnalyteDefinition] = [:]
        for analyte in analytes {
            if byID[analyte.id] == nil { byID[analyte.id] = analyte }
            for code in analyte.loinc where byLOINC[code] == nil { byLOINC[code] = analyte }
            for name in [analyte.id.rawValue] + analyte.names {
                let key = TermKey.key(name)
                if byName[key] == nil { byName[key] = analyte }
                if !(allByName[key] ?? []).contains(where: { $0.id == analyte.id }) { allByName[key, default: []].append(analyte) }
            }
        }
        self.indexed = analytes
        self.nameWords = words
        self.otherMeasurementWords = Set(words.differentMeasurement.flatMap(\.words))
        self.specimenWords = Set(words.sameMeasurement.flatMap(\.words))
        self.loincCodes = Set(byLOINC.keys)
        self.byLOINC = byLOINC
        self.byName = byName
        self.allByName = allByName
        self.byID = byID
    }

    /// The index of `analytes` read by `words`, built once for the same tables in a process
    /// (SPEC §9): the normaliser and the readers' options index the same analytes, which a single
    /// report built twice. Equal tables share the index; tables that share the last ones' storage
    /// are recognised without comparing rows.
    package static func shared(_ analytes: [AnalyteDefinition], words: AnalyteNameWords) -> AnalyteIndex {
        Memo.last.lock.lock()
        defer { Memo.last.lock.unlock() }
        if let last = Memo.last.entry, last.indexed == analytes, last.nameWords == words { return last }
        let index = AnalyteIndex(analytes, words: words)
        Memo.last.entry = index
        return index
    }

    /// Equal when built from equal tables (the rest follows from them).
    package static func == (lhs: AnalyteIndex, rhs: AnalyteIndex) -> Bool {
        lhs.indexed == rhs.indexed && lhs.nameWords == rhs.nameWords
    }

    /// Hashes the tables it was built from.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(indexed)
        hasher.combine(nameWords)
    }

    /// The last index ``shared(_:words:)`` built.
    private final class Memo: @unchecked Sendable {
        static let last = Memo()
        let lock = NSLock()
        var entry: AnalyteIndex?
    }

    /// The analyte with id `id`.
    package func analyte(id: AnalyteID) -> AnalyteDefinition? {
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
        guard !words.contains(where: otherMeasurementWords.contains) else { return nil }
        if let cut = name.firstIndex(where: { $0 == "(" || $0 == "," || $0 == "[" }), cut != name.startIndex,
            let hit = byName[TermKey.key(String(name[..<cut]))]
        {
            return hit
        }
        let plain = words.filter { !specimenWords.contains($0) }
        if !plain.isEmpty, plain.count != words.count, let hit = byName[plain.joined(separator: " ")] { return hit }
        return nil
    }
}

extension Knowledge {
    /// The index of ``analytes`` read by ``analyteNameWords``, shared with every other user of
    /// the same tables in the process (``AnalyteIndex/shared(_:words:)``): what the readers and the
    /// normaliser find analytes by.
    package var analyteIndex: AnalyteIndex { AnalyteIndex.shared(analytes, words: analyteNameWords) }
}
