import TriageBatch
import TriageModel

/// A card's Markdown detail (SPEC §7.2): what to do and who acts, the red flags with their
/// dates and the patient's words, the examination checklist, whether live labs were checked,
/// and the disclaimer. Every piece of text from the referral is escaped (``Markdown``), so the
/// detail carries no raw HTML and no link.
struct CardDetail {
    let wording: ReferralWording

    func markdown(_ referral: ReferralDocument, live: CardBuilder.LiveLabs) -> String {
        var out: [String] = []
        out.append(whatToDo(referral))
        let flags = redFlags(referral)
        if !flags.isEmpty { out.append("**Red flags**\n\n" + flags.map { "- " + $0 }.joined(separator: "\n")) }
        if let examination = referral.examination, !examination.isEmpty {
            out.append("**Examination checklist**\n\n" + examination.map { item in
                "- " + Markdown.escaped(item.item) + (item.forWhat.map { " (for " + Markdown.escaped($0) + ")" } ?? "")
            }.joined(separator: "\n"))
        }
        if referral.queryMND == true { out.append(Markdown.escaped("Referral letter: query MND.")) }
        switch live {
        case .notChecked:
            out.append(Markdown.escaped("Note: live labs not checked; this is the night's referral of \(referral.asOf)."))
        case .noneNewer:
            out.append(Markdown.escaped("No lab result in the EHR is newer than the night's batch of \(referral.asOf)."))
        case .merged(let count, let asOf):
            out.append(Markdown.escaped("Re-evaluated with \(count == 1 ? "1 lab result" : "\(count) lab results") from the EHR newer than the night's batch, as of \(asOf)."))
        }
        out.append("*" + Markdown.escaped(Referral.standardDisclaimer) + "*")
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
                var name = wording.test(item.test) ?? item.test
                if let region = item.region { name += " of the \(region)" }
                var line = "- **" + Markdown.escaped(name) + "**: " + Markdown.escaped(wording.words(item.detail))
                if let timeframe = item.timeframe { line += " " + Markdown.escaped("(\(timeframe))") }
                if let when = item.when { line += " " + Markdown.escaped("Only \(when).") }
                lines.append(line)
            }
        }
        return "**What to do**\n\n" + lines.joined(separator: "\n")
    }

    /// Present red flags (the knowledge's red-flag findings, and any finding an urgent or soon
    /// recommendation rests on), with their first date and up to two of the patient's quotes.
    func redFlags(_ referral: ReferralDocument) -> [String] {
        let pressing = Set(referral.recommendations.filter { $0.urgency == "urgent" || $0.urgency == "soon" }.flatMap(\.reasons))
        return referral.findings.filter { $0.present && (wording.redFlag($0.id) != nil || pressing.contains($0.id)) }.map { finding in
            var line = Markdown.escaped(wording.words(finding.summary))
            if finding.certainty == "possible" { line += " " + Markdown.escaped("(possible: the patient was unsure)") }
            let quotes = finding.evidence.compactMap { evidence in
                evidence.quote.map { quote in "“" + Markdown.escaped(quote) + "”" + (evidence.date.map { " " + Markdown.escaped("(\($0))") } ?? "") }
            }
            if !quotes.isEmpty { line += " " + quotes.prefix(2).joined(separator: "; ") }
            return line
        }
    }
}
