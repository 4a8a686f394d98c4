import TriageKnowledge
import TriageModel

/// The diagnoses and family history the patient states (SPEC §4.1 "Someone else"), for the
/// referral's `history[]`: a diagnosis named as the patient's own (`I have diabetes`) and MND,
/// ALS or frontotemporal dementia in a first-degree relative (`my dad had MND`), each once, with
/// the first quote.
package enum StatedHistory {
    /// The history items of a journal, in the order first written.
    package static func items(_ journal: [JournalEntry]) -> [Referral.HistoryItem] {
        var items: [Referral.HistoryItem] = []
        var seen: Set<String> = []
        for entry in journal {
            for mention in entry.context {
                let kind: Referral.HistoryItem.Kind
                switch mention.reason {
                case .statedDiagnosis: kind = .diagnosis
                case .familyHistory: kind = .familyHistory
                default: continue
                }
                guard seen.insert("\(kind.rawValue)|\(TermKey.key(mention.concept))").inserted else { continue }
                let text = kind == .familyHistory && mention.relative != nil ? "\(mention.concept) (\(mention.relative!))" : mention.concept
                items.append(
                    Referral.HistoryItem(
                        kind: kind, text: text, quote: mention.quote, source: entry.source,
                        firstDegree: kind == .familyHistory ? true : nil))
            }
        }
        return items
    }
}
