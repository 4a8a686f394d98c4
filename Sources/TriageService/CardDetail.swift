import TriageBatch
import TriageKnowledge
import TriageModel

/// A card's Markdown detail (SPEC §7.2): what to do and who acts, the red flags with their
/// dates and the patient's words, the examination checklist, whether live labs were checked,
/// and the disclaimer. Every piece of text from the referral is escaped (``Markdown``), so the
/// detail carries no raw HTML and no link.
struct CardDetail {
    let wording: ReferralWording
    /// The knowledge whose phrases (`page.json`) the detail is written in.
    let knowledge: Knowledge

    /// `**Red flags**`: a phrase as a bold heading.
    private func heading(_ id: PagePhraseID) -> String { "**" + knowledge.phrase(id) + "**" }

    func markdown(_ referral: ReferralDocument, live: CardBuilder.LiveLabs) -> String {
        var out: [String] = []
        out.append(whatToDo(referral))
        let flags = redFlags(referral)
        if !flags.isEmpty { out.append(heading(.redFlags) + "\n\n" + flags.map { "- " + $0 }.joined(separator: "\n")) }
        if let examination = referral.examination, !examination.isEmpty {
            out.append(
                heading(.cardExamination) + "\n\n"
                    + examination.map { item in
                        "- " + Markdown.escaped(item.item)
                            + (item.forWhat.map { " " + knowledge.phrase(.cardChecklistFor, ["what": Markdown.escaped($0)]) } ?? "")
                    }.joined(separator: "\n"))
        }
        if referral.queryMND == true { out.append(Markdown.escaped(knowledge.phrase(.cardQueryMnd))) }
        switch live {
        case .notChecked:
            out.append(Markdown.escaped(knowledge.phrase(.cardLiveNotChecked, ["asOf": referral.asOf])))
        case .noneNewer:
            out.append(Markdown.escaped(knowledge.phrase(.cardLiveNoneNewer, ["asOf": referral.asOf])))
        case .merged(let count, let asOf):
            let results = count == 1 ? "1 lab result" : "\(count) lab results"
            out.append(Markdown.escaped(knowledge.phrase(.cardLiveMerged, ["results": results, "asOf": asOf])))
        }
        out.append("*" + Markdown.escaped(knowledge.phrase(.disclaimer)) + "*")
        return out.joined(separator: "\n\n")
    }

    /// The recommendations grouped by who acts (when the referral says), each with its
    /// timeframe and condition.
    func whatToDo(_ referral: ReferralDocument) -> String {
        var lines: [String] = []
        var groups: [(who: String?, items: [ReferralDocument.Recommendation])] = []
        for recommendation in referral.recommendations {
            if let index = groups.firstIndex(where: { $0.who == recommendation.who }) {
                groups[index].items.append(recommendation)
            } else {
                groups.append((recommendation.who, [recommendation]))
            }
        }
        for group in groups {
            if let who = group.who { lines.append("*" + Markdown.escaped(who.prefix(1).uppercased() + who.dropFirst()) + "*") }
            for item in group.items {
                let test = item.test.words(wording.test)
                let name = item.region.map { knowledge.phrase(.testOfRegion, ["test": test, "region": $0.rawValue]) } ?? test
                var line = "- **" + Markdown.escaped(name) + "**: " + Markdown.escaped(wording.words(item.detail))
                if let timeframe = item.timeframe { line += " " + Markdown.escaped("(\(timeframe))") }
                if let when = item.when { line += " " + Markdown.escaped(knowledge.phrase(.cardOnlyWhen, ["when": when])) }
                lines.append(line)
            }
        }
        return heading(.whatToDo) + "\n\n" + lines.joined(separator: "\n")
    }

    /// Present red flags (the knowledge's red-flag findings, and any finding an urgent or soon
    /// recommendation rests on), with their first date and up to two of the patient's quotes.
    func redFlags(_ referral: ReferralDocument) -> [String] {
        let pressing = Set(referral.recommendations.filter { [.urgent, .soon].contains($0.urgency.known) }.flatMap(\.reasons))
        return referral.findings.filter { $0.present && (wording.redFlag($0.id) != nil || pressing.contains($0.id)) }.map { finding in
            var line = Markdown.escaped(wording.words(finding.summary))
            if finding.certainty?.known == .possible { line += " " + Markdown.escaped(knowledge.phrase(.cardPossible)) }
            let quotes = finding.evidence.compactMap { evidence in
                evidence.quote.map { quote in
                    "“" + Markdown.escaped(quote) + "”" + (evidence.date.map { " " + Markdown.escaped("(\($0))") } ?? "")
                }
            }
            if !quotes.isEmpty { line += " " + quotes.prefix(2).joined(separator: "; ") }
            return line
        }
    }
}
