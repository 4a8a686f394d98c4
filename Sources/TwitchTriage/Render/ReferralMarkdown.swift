/// Writes `referral.md`: the referral as a clinician reads it, data-quality notes first when
/// data was lost (SPEC §3.8), then urgency, recommendations, findings, labs, considerations,
/// lifestyle, provenance and the disclaimer.
public enum ReferralMarkdown {
    /// The referral as Markdown.
    public static func render(_ referral: Referral) -> String {
        var out = "# Referral summary: \(escape(referral.patient.id))\n\n"
        let lost = referral.dataQuality.filter { $0.severity == .error }
        let lostCount = lost.reduce(0) { $0 + $1.count }
        if !lost.isEmpty {
            out += "> **Some of this patient's data could not be read**: \(lostCount) record\(lostCount == 1 ? "" : "s") skipped, so the findings below leave them out:\n>\n"
            out += lost.map { "> - \(escape($0.description))\n" }.joined() + "\n"
        }
        out += "**\(escape(referral.headline))**\n\n"
        out += "- Patient: \(escape(ReportPhrases.patient(referral.patient)))\n"
        if let window = referral.window {
            out += "- Journal: \(window.entries) entr\(window.entries == 1 ? "y" : "ies"), \(window.first) to \(window.last)\n"
        } else {
            out += "- Journal: none\n"
        }
        out += "- As of: \(referral.asOf)\n\n"

        out += "## Recommendations\n\n"
        if referral.recommendations.isEmpty { out += "None.\n\n" }
        for item in referral.recommendations {
            out += "- **\(ReportPhrases.title(item))**, \(item.urgency.rawValue): \(escape(item.detail))\n"
            out += "  - rule: \(item.rule)\((item.alsoRecommendedBy ?? []).isEmpty ? "" : "; also " + item.alsoRecommendedBy!.joined(separator: ", "))\n"
            let reasons = ReportPhrases.reasons(item, in: referral)
            if !reasons.isEmpty { out += "  - because: \(reasons.map(escape).joined(separator: " "))\n" }
            if !item.sources.isEmpty { out += "  - sources: \(item.sources.joined(separator: ", "))\n" }
        }
        out += "\n## Findings\n\n"
        for finding in referral.findings where finding.present {
            out += "- \(escape(finding.summary))\(evidence(finding.evidence))\n"
        }
        let absent = referral.findings.filter { !$0.present }
        if !absent.isEmpty {
            out += "\nNot found:\n\n"
            for finding in absent { out += "- \(escape(finding.summary))\n" }
        }
        out += "\n## Labs\n\n"
        if referral.labs.isEmpty {
            out += "No lab results.\n"
        } else {
            out += "| analyte | collected | reported | canonical | reference | status |\n|---|---|---|---|---|---|\n"
            for lab in referral.labs {
                out += "| \(lab.analyte) | \(lab.collected.date) | \(escape(lab.reported.value.description)) \(escape(lab.reported.unit)) | \(escape(lab.canonical.value.description)) \(lab.canonical.unit) | \(ReportPhrases.reference(lab)) | \(ReportPhrases.status(lab)) |\n"
            }
        }
        out += "\n## Considerations\n\n"
        if referral.considerations.isEmpty { out += "None.\n" }
        for item in referral.considerations {
            out += "### \(escape(item.condition))\n\n"
            if !item.supporting.isEmpty { out += "For:\n\n" + item.supporting.map { "- \(escape($0))\n" }.joined() + "\n" }
            if !item.opposing.isEmpty { out += "Against:\n\n" + item.opposing.map { "- \(escape($0))\n" }.joined() + "\n" }
            out += "Diagnostic approach: \(escape(item.diagnosticApproach)) (\(item.sources.joined(separator: ", ")))\n\n"
        }
        out += "## Lifestyle\n\n"
        for correlation in referral.correlations {
            out += "- \(ReportPhrases.correlation(correlation))\n"
        }
        if !referral.advice.isEmpty {
            out += "\nAdvice:\n\n" + referral.advice.map { "- \(escape($0.text)) (\($0.sources.joined(separator: ", ")))\n" }.joined()
        }
        if !referral.notes.isEmpty {
            out += "\n## Patient's notes\n\n" + referral.notes.map { "- \($0.date) (\(escape($0.source.description))): \(escape($0.text))\n" }.joined()
        }
        out += "\n## Data quality\n\n"
        if referral.dataQuality.isEmpty { out += "No problems with the input.\n" }
        for item in referral.dataQuality { out += "- \(escape(item.description))\n" }
        out += "\n## Provenance\n\n"
        out += "- tool \(ToolInfo.name) \(referral.toolVersion), knowledge \(referral.knowledgeVersion), as of \(referral.asOf)\n"
        for input in referral.inputs { out += "- \(escape(input.file)) sha256 \(input.sha256)\n" }
        out += "\n_\(referral.disclaimer)_\n"
        return out
    }

    static func evidence(_ items: [Evidence]) -> String { escape(evidenceText(items)) }

    /// ` (file:line date; …)`, unescaped; empty with no evidence. Evidence read from free text
    /// shows its field and quote (`note, journal.csv:14 2026-10-03: "..."`), an approximate
    /// match says so.
    static func evidenceText(_ items: [Evidence]) -> String {
        guard !items.isEmpty else { return "" }
        return " (" + items.map { item in
            var text = item.field.map { "\($0), " } ?? ""
            text += item.file
            if let line = item.line { text += ":\(line)" }
            if let date = item.date { text += " \(date)" }
            if let quote = item.quote { text += ": \"\(quote)\"" }
            if item.approximate { text += " (approximate spelling)" }
            return text
        }.joined(separator: "; ") + ")"
    }

    /// Escapes Markdown's active characters in input text, so a note cannot add headings,
    /// links, tables or HTML.
    static func escape(_ text: String) -> String {
        // Most text has none of the active characters: return it as is. A Character equal to
        // one of them is that ASCII byte alone, so when no such byte occurs none can match.
        if !text.utf8.contains(where: { byte in
            switch byte {
            case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x23, 0x0A, 0x0D: return true
            default: return false
            }
        }) {
            return text
        }
        // All-ASCII text: every Character is one byte except CR LF, which is one Character
        // that matches neither case below and so is kept as it is.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count + 16)
            var bytes = text.utf8.makeIterator()
            var pending = bytes.next()
            while let byte = pending {
                pending = bytes.next()
                switch byte {
                case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x23: out.append(0x5C); out.append(byte)
                case 0x0D where pending == 0x0A: out.append(0x0D); out.append(0x0A); pending = bytes.next()
                case 0x0A, 0x0D: out.append(0x20)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#": out += "\\" + String(character)
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
