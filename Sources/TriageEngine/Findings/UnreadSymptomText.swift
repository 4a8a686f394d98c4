import TriageModel

/// Symptom text nobody could read (SPEC §4.1): the distinct texts of a journal's `symptoms`
/// fields that yielded no concept, per file, with the lines where each was written and how
/// often. The report quotes them under `needsReview` and in a clinician-review recommendation.
package enum UnreadSymptomText {
    /// The distinct unread texts of `journal`, in the order of their first line (file, line).
    ///
    /// - Parameters:
    ///   - journal: the patient's normalised entries.
    package static func items(_ journal: [JournalEntry]) -> [NeedsReviewItem] {
        struct Key: Hashable {
            var file: String
            var text: String
        }
        var order: [Key] = []
        var lines: [Key: [Int]] = [:]
        var counts: [Key: Int] = [:]
        for entry in journal {
            for term in entry.unreadSymptomText {
                let key = Key(file: term.location.file, text: term.text)
                if counts[key] == nil { order.append(key) }
                counts[key, default: 0] += 1
                if let line = term.location.line { lines[key, default: []].append(line) }
            }
        }
        return order.map { key in
            NeedsReviewItem(file: key.file, lines: Array(Set(lines[key] ?? [])).sorted(), text: key.text, count: counts[key]!)
        }
        .sorted { ($0.file, $0.lines.first ?? 0) < ($1.file, $1.lines.first ?? 0) }
    }
}
