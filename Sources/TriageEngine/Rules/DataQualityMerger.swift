import TriageModel

/// Merges a patient's diagnostics into the data-quality section of the report (SPEC §7): one
/// item per file, problem and term, with every line where it occurs.
///
/// A diagnostic about an unrecognised term is paired with the term written at the same place,
/// so that the item can quote it (`symptom text not understood: "funny buzzy thing"`); two rows
/// with different texts stay two items, the same text on fifteen rows is one.
package enum DataQualityMerger {
    /// The merged items, in the order of their first occurrence (file, line, column).
    ///
    /// - Parameters:
    ///   - diagnostics: the patient's diagnostics, in any order.
    ///   - terms: the terms the vocabulary did not recognise, with where they were written.
    package static func merge(_ diagnostics: [Diagnostic], terms: [Term]) -> [DataQualityItem] {
        var textAt: [SourceLocation: String] = [:]
        for term in terms where textAt[term.location] == nil { textAt[term.location] = term.text }

        struct Key: Hashable {
            var file: String
            var message: String
            var severity: Diagnostic.Severity
            var term: String?
        }
        var order: [Key] = []
        var items: [Key: DataQualityItem] = [:]
        for diagnostic in diagnostics.sorted() {
            let term = textAt[diagnostic.location]
            let key = Key(file: diagnostic.location.file, message: diagnostic.message, severity: diagnostic.severity, term: term)
            if var item = items[key] {
                item.count += 1
                if let line = diagnostic.location.line { item.lines.append(line) }
                items[key] = item
            } else {
                order.append(key)
                items[key] = DataQualityItem(
                    location: diagnostic.location, message: diagnostic.message,
                    severity: diagnostic.severity, term: term,
                    lines: diagnostic.location.line.map { [$0] } ?? [], count: 1)
            }
        }
        return order.map { key in
            var item = items[key]!
            item.lines = Array(Set(item.lines)).sorted()
            return item
        }
    }
}

extension DataQualityItem {
    /// Where the item occurs, as a reader wants it: `journal.csv:7:12` for one place,
    /// `journal.csv lines 7-21 (15 rows)` or `journal.csv lines 3, 5, 9-12 (6 rows)` for several.
    package var placeDescription: String {
        guard count > 1, lines.count > 1 else { return location.description }
        var ranges: [String] = []
        var start = lines[0]
        var end = lines[0]
        for line in lines.dropFirst() {
            if line == end + 1 {
                end = line
                continue
            }
            ranges.append(start == end ? "\(start)" : "\(start)-\(end)")
            start = line
            end = line
        }
        ranges.append(start == end ? "\(start)" : "\(start)-\(end)")
        return "\(location.file) lines \(ranges.joined(separator: ", ")) (\(count) rows)"
    }

    /// The whole line as reports print it: place, message, and the quoted term if any.
    package var description: String {
        let quoted = term.map { ": \"\($0)\"" } ?? ""
        return "\(placeDescription): \(message)\(quoted)"
    }
}
