import TriageKnowledge
import TriageModel

/// The targeted examination checklist (SPEC §6.2, `examination[]`): the items of each red flag
/// that fired and of each consideration (not an unlikely one), from the knowledge
/// (`red-flags.json` and `conditions.json` `examination`), each item once, in that order.
struct ExaminationChecklist {
    /// The knowledge tables.
    package let knowledge: Knowledge

    /// The checklist for the red flags (ids) that fired and the considerations listed.
    package func items(redFlags: [RedFlagID], considerations: [Consideration]) -> [Referral.ExaminationItem] {
        var out: [Referral.ExaminationItem] = []
        var seen: Set<String> = []
        func add(_ items: [String], for what: String, sources: [Source]) {
            for item in items where seen.insert(item).inserted {
                out.append(Referral.ExaminationItem(item: item, forWhat: what, sources: Array(Set(sources.map(\.name))).sorted()))
            }
        }
        for id in redFlags {
            guard let flag = knowledge.redFlag(id: id), let items = flag.examination else { continue }
            add(items, for: Self.title(flag.text), sources: flag.sources)
        }
        for consideration in considerations where consideration.assessment == nil {
            guard let condition = knowledge.condition(consideration.conditionID), let items = condition.examination else { continue }
            add(items, for: condition.name, sources: condition.sources)
        }
        return out
    }

    /// A red flag's title: its text up to the first `: ` ("Suspected motor neuron disease"), the
    /// whole text when it has none. The checklist names what an item is for; the red flag's full
    /// definition is on the page already.
    static func title(_ text: String) -> String {
        guard let colon = text.range(of: ": ") else { return text }
        return String(text[..<colon.lowerBound])
    }
}
