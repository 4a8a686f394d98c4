import TriageKnowledge
import TriageModel

/// Writes `referral.md` from the ``ReportDocument``: what to do, who does it and by when first
/// (a warning above it when data was lost, SPEC §3.8), the examination, what to tell the patient
/// and the safety net, then the red flags, medicines, stated history, the evidence,
/// considerations, lifestyle, advice to pass on, notes, data quality, sources and provenance,
/// the disclaimer.
public enum ReferralMarkdown {
    /// The referral as Markdown.
    public static func render(_ referral: Referral, knowledge: Knowledge) -> String {
        render(ReportDocumentBuilder(referral, knowledge: knowledge).build())
    }

    /// The document as Markdown: every string from the document goes through ``escape(_:)``.
    static func render(_ page: ReportDocument) -> String {
        let e = escape
        // The page's phrases hold no markup character (the loader refuses one): written as they are.
        let w = { (id: PagePhraseID) in page.phrase(id) }
        var out = "# \(e(page.title))\n\n"
        out.reserveCapacity(16 * 1024)
        if !page.patient.isEmpty { out += "\(e(page.patient)); " }
        out += "\(e(page.window))\n\n"
        if !page.lost.isEmpty {
            out += "> **\(w(.lostData))**: \(ReportDocumentBuilder.lostSkipped(page))\n>\n"
            out += page.lost.map { "> - \(e($0))\n" }.joined() + "\n"
        }
        let when = page.when.isEmpty ? "" : " (\(e(page.when)))"
        out += "**\(e(page.urgencyLabel.uppercased()))**\(when): **\(e(page.headlineBody))**\n\n"

        out += "## \(w(.whatToDo))\n\n"
        if page.actions.isEmpty { out += "\(w(.nothingToOrder))\n\n" }
        for block in page.actions {
            out += "**\(e(block.when))**\(refs(block.sources))\n\n"
            for item in block.items { out += "- \(itemLine(item))\n" }
            if !block.because.isEmpty { out += "- _\(w(.because))_: \(block.because.map(e).joined(separator: " "))\n" }
            out += "\n"
        }
        if !page.queryMND.isEmpty { out += "**\(e(page.queryMND))**\n\n" }
        if !page.examination.isEmpty {
            out += "## \(w(.examination))\n\n" + page.examination.map { "- [ ] \(e($0))\n" }.joined() + "\n"
        }
        if !page.tellPatient.isEmpty || !page.safetyNet.isEmpty {
            out += "## \(w(.tellThePatient))\n\n"
            if !page.tellPatient.isEmpty { out += "\(e(page.tellPatient))\n\n" }
            if !page.safetyNet.isEmpty {
                out += "\(w(.safetyNet)):\n\n" + page.safetyNet.map { "- \(e($0.text))\(refs($0.sources))\n" }.joined() + "\n"
            }
        }
        if !page.notMonitored.isEmpty { out += "_\(e(page.notMonitored))_\n\n" }
        for section in page.lineSections where !section.lines.isEmpty {
            out += "## \(w(section.heading))\n\n" + section.lines.map(line).joined() + "\n"
        }
        out += "## \(w(.evidence))\n\n"
        out += page.findings.map(line).joined()
        out += page.negatives.enumerated().map { item in
            let label = item.offset == 0 && !page.notMentionedLabel.isEmpty ? "_\(e(page.notMentionedLabel))_: " : ""
            return "- \(label)\(e(item.element))\n"
        }.joined()
        if !page.findings.isEmpty || !page.negatives.isEmpty { out += "\n" }
        if page.labs.isEmpty {
            out += "\(w(.noLabResults))\n\n"
        } else {
            out += head(page.labColumns)
            for lab in page.labs {
                let status = lab.abnormal ? "**\(e(lab.status))**" : e(lab.status)
                let comment = lab.comment.isEmpty ? "" : "; \(w(.labSays)): \"\(e(lab.comment))\""
                out += "| \(e(lab.test)) | \(e(lab.collected)) | \(e(lab.result))\(comment) | \(e(lab.reference)) | \(status) |\n"
            }
            out += "\n"
        }
        if !page.otherResults.isEmpty {
            out += "\(w(.otherResults)):\n\n" + head(page.otherResultColumns)
            for row in page.otherResults {
                out += "| \(e(row.test)) | \(e(row.collected)) | \(e(row.result)) | \(e(row.flag)) | \(e(row.comment)) |\n"
            }
            out += "\n"
        }
        if !page.considerations.isEmpty {
            out += "## \(w(.considerations)) \(w(.notDiagnoses))\n\n"
            for item in page.considerations {
                out += "- **\(e(item.condition))**\(refs(item.sources))."
                if !item.supporting.isEmpty { out += " _\(w(.for))_: \(sentences(item.supporting.map(e)))" }
                if !item.opposing.isEmpty { out += " _\(w(.against))_: \(sentences(item.opposing.map(e)))" }
                out += "\n  \(w(.diagnosticApproach)): \(e(item.approach))\n"
            }
            out += "\n"
        }
        if !page.lifestyle.isEmpty {
            out += "## \(w(.lifestyle))\n\n" + page.lifestyle.map { "- \(e($0))\n" }.joined() + "\n"
        }
        if !page.advice.isEmpty {
            out += "## \(w(.advice))\n\n" + page.advice.map { "- \(e($0.text))\(refs($0.sources))\n" }.joined() + "\n"
        }
        if !page.needsReview.isEmpty {
            out += "## \(w(.notUnderstood))\n\n" + page.needsReview.map { "- \(e($0))\n" }.joined() + "\n"
        }
        if !page.notes.isEmpty {
            out += "## \(w(.notes))\n\n" + page.notes.map { "- \(e($0.text)) (\(e($0.evidence)))\n" }.joined() + "\n"
        }
        if !page.dataQuality.isEmpty {
            out += "## \(w(.dataQuality))\n\n" + page.dataQuality.map { "- \(e($0))\n" }.joined() + "\n"
        }
        out += "## \(w(.sourcesAndProvenance))\n\n"
        for source in page.sources { out += "\(source.number). \(e(source.title))\n" }
        if !page.sources.isEmpty { out += "\n" }
        out += "- \(e(page.provenance))\n"
        if !page.inputs.isEmpty { out += "- \(w(.inputFiles)): \(page.inputs.map(e).joined(separator: ", "))\n" }
        if page.dataQuality.isEmpty { out += "- \(w(.dataQuality)): \(w(.noProblems).lowercasedFirst)\n" }
        out += "\n_\(e(page.disclaimer))_\n"
        return out
    }

    /// `a; b; c.`: sentences joined, their own full stops dropped but the last.
    static func sentences(_ items: [String]) -> String {
        ReportDocumentBuilder.joinedSentences(items)
    }

    /// `**EMG** (if the examination finds weakness): detail`, `**Blood tests: potassium**
    /// (urgent, to be seen within 2 weeks): detail`.
    static func itemLine(_ item: ReportDocument.ActionBlock.Item) -> String {
        let e = escape
        var out = "**\(e(item.name))**"
        if !item.condition.isEmpty { out += " (\(e(item.condition)))" } else if !item.by.isEmpty { out += " (\(e(item.by)))" }
        return out + ": \(e(item.detail))"
    }

    package static func line(_ line: ReportDocument.Line) -> String {
        "- \(escape(line.text))\(line.evidence.isEmpty ? "" : " (\(escape(line.evidence)))")\n"
    }

    /// A table's head and rule: `| Test | … |` then `|---|…|` (the headings are phrases: no markup).
    static func head(_ columns: [String]) -> String {
        "| " + columns.joined(separator: " | ") + " |\n" + String(repeating: "|---", count: columns.count) + "|\n"
    }

    /// ` [1, 3]`, or empty.
    static func refs(_ numbers: [Int]) -> String {
        numbers.isEmpty ? "" : " \\[\(numbers.map(String.init).joined(separator: ", "))\\]"
    }

    /// Escapes Markdown's active characters in input text, so a note cannot add headings,
    /// links, tables or HTML.
    package static func escape(_ text: String) -> String {
        // Most text has none of the active characters: return it as is. A Character equal to
        // one of them is that ASCII byte alone, so when no such byte occurs none can match.
        func isActive(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x23, 0x0A, 0x0D: return true
            default: return false
            }
        }
        if text.utf8.withContiguousStorageIfAvailable({ !$0.contains(where: isActive) }) ?? !text.utf8.contains(where: isActive) {
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
                case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x23:
                    out.append(0x5C)
                    out.append(byte)
                case 0x0D where pending == 0x0A:
                    out.append(0x0D)
                    out.append(0x0A)
                    pending = bytes.next()
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
