import TriageKnowledge
import TriageModel

/// Writes `referral.html` from the ``ReportDocument``: self-contained and printable on A4 and
/// Letter (SPEC §7). Inline CSS and an inline SVG timeline only: no script, no remote asset (not
/// even a font or an image); every string from the document goes through
/// ``HTMLEscaping/escape(_:)``, the one escaping function of this format.
public enum ReferralHTML {
    /// The referral as an HTML page.
    public static func render(_ referral: Referral, knowledge: Knowledge) -> String {
        render(ReportDocumentBuilder(referral, knowledge: knowledge).build())
    }

    /// The document as an HTML page.
    static func render(_ page: ReportDocument) -> String {
        let e = HTMLEscaping.escape
        // The page's phrases hold no markup character (the loader refuses one): written as they are.
        let w = { (id: PagePhraseID) in page.phrase(id) }
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out.reserveCapacity(48 * 1024)
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(e(page.title))</title>\n<style>\n\(ReportStyle.css)\n</style>\n</head>\n<body>\n"
        out +=
            "<header><h1>\(e(page.title))</h1><p class=\"muted\">\(page.patient.isEmpty ? "" : e(page.patient) + "; ")\(e(page.window))</p></header>\n"
        if !page.lost.isEmpty {
            out += "<div class=\"warning\"><p><strong>\(w(.lostData))</strong>: \(ReportDocumentBuilder.lostSkipped(page))</p>\n<ul>\n"
            out += page.lost.map { "<li>\(e($0))</li>\n" }.joined() + "</ul></div>\n"
        }
        let tone = page.sameDay ? "same-day" : page.urgency.rawValue
        out += "<div class=\"banner \(tone)\"><span class=\"urgency\">\(e(page.urgencyLabel))</span>"
        if !page.when.isEmpty { out += "<span class=\"when\">\(e(page.when))</span>" }
        out += "<p class=\"headline\">\(e(page.headlineBody))</p></div>\n"

        out += "<section><h2>\(w(.whatToDo))</h2>\n"
        if page.actions.isEmpty { out += "<p>\(w(.nothingToOrder))</p>\n" }
        for block in page.actions {
            out +=
                "<div class=\"action \(block.sameDay ? "same-day" : block.urgency.rawValue)\"><h3>\(e(block.when))\(refs(block.sources))</h3>\n<ul>\n"
            for item in block.items {
                let by = !item.condition.isEmpty ? " <em>(\(e(item.condition)))</em>" : item.by.isEmpty ? "" : " (\(e(item.by)))"
                out += "<li><strong>\(e(item.name))</strong>\(by): \(e(item.detail))</li>\n"
            }
            out += "</ul>\n"
            if !block.because.isEmpty {
                out += "<p class=\"because\"><em>\(w(.because))</em>: \(block.because.map(e).joined(separator: " "))</p>\n"
            }
            out += "</div>\n"
        }
        if !page.queryMND.isEmpty { out += "<p class=\"query\"><strong>\(e(page.queryMND))</strong></p>\n" }
        out += "</section>\n"
        if !page.examination.isEmpty {
            out +=
                "<section><h2>\(w(.examination))</h2>\n<ul class=\"checklist\">\n" + page.examination.map { "<li>\(e($0))</li>\n" }.joined()
                + "</ul></section>\n"
        }
        if !page.tellPatient.isEmpty || !page.safetyNet.isEmpty {
            out += "<section><h2>\(w(.tellThePatient))</h2>\n"
            if !page.tellPatient.isEmpty { out += "<p>\(e(page.tellPatient))</p>\n" }
            if !page.safetyNet.isEmpty {
                out +=
                    "<p class=\"label\">\(w(.safetyNet))</p>\n<ul class=\"safety\">\n"
                    + page.safetyNet.map { "<li>\(e($0.text))\(refs($0.sources))</li>\n" }.joined() + "</ul>\n"
            }
            out += "</section>\n"
        }
        if !page.notMonitored.isEmpty { out += "<p class=\"monitor\">\(e(page.notMonitored))</p>\n" }
        for section in page.lineSections where !section.lines.isEmpty {
            let list = section.heading == .redFlags ? "<ul class=\"flags\">" : "<ul>"
            out += "<section><h2>\(w(section.heading))</h2>\n\(list)\n" + section.lines.map(line).joined() + "</ul></section>\n"
        }
        if let svg = ReportTimelineSVG.render(page) {
            out += "<section class=\"keep timeline\"><h2>\(w(.timeline))</h2>\n<figure>\(svg)</figure></section>\n"
        }
        out += "<section><h2>\(w(.evidence))</h2>\n"
        if !page.findings.isEmpty { out += "<ul>\n" + page.findings.map(line).joined() + "</ul>\n" }
        if !page.negatives.isEmpty {
            out +=
                "<ul class=\"negatives\">\n"
                + page.negatives.enumerated().map { item in
                    let label =
                        item.offset == 0 && !page.notMentionedLabel.isEmpty
                        ? "<span class=\"label\">\(e(page.notMentionedLabel))</span>: " : ""
                    return "<li>\(label)\(e(item.element))</li>\n"
                }.joined() + "</ul>\n"
        }
        if page.labs.isEmpty {
            out += "<p>\(w(.noLabResults))</p>\n"
        } else {
            out += "<table class=\"labs\">\n\(head(page.labColumns))\n<tbody>\n"
            for lab in page.labs {
                let comment =
                    lab.comment.isEmpty ? "" : "<br><span class=\"small\">\(w(.labSays)): \u{201C}\(e(lab.comment))\u{201D}</span>"
                out +=
                    "<tr\(lab.abnormal ? " class=\"abnormal\"" : "")><td>\(e(lab.test))</td><td class=\"nowrap\">\(e(lab.collected))</td><td>\(e(lab.result))\(comment)</td><td>\(e(lab.reference))</td><td>\(e(lab.status))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        if !page.otherResults.isEmpty {
            out += "<p class=\"label\">\(w(.otherResults))</p>\n<table class=\"labs\">\n\(head(page.otherResultColumns))\n<tbody>\n"
            for row in page.otherResults {
                out +=
                    "<tr><td>\(e(row.test))</td><td class=\"nowrap\">\(e(row.collected))</td><td>\(e(row.result))</td><td>\(e(row.flag))</td><td>\(e(row.comment))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += "</section>\n"
        if !page.considerations.isEmpty {
            out += "<section><h2>\(w(.considerations)) <span class=\"muted small\">\(w(.notDiagnoses))</span></h2>\n"
            for item in page.considerations {
                out += "<div class=\"consideration\"><h3>\(e(item.condition))\(refs(item.sources))</h3>\n"
                if !item.supporting.isEmpty {
                    out += "<p><span class=\"for\">\(w(.for))</span> \(ReportDocumentBuilder.joinedSentences(item.supporting.map(e)))</p>\n"
                }
                if !item.opposing.isEmpty {
                    out +=
                        "<p><span class=\"against\">\(w(.against))</span> \(ReportDocumentBuilder.joinedSentences(item.opposing.map(e)))</p>\n"
                }
                out += "<p class=\"small\">\(w(.diagnosticApproach)): \(e(item.approach))</p></div>\n"
            }
            out += "</section>\n"
        }
        if !page.lifestyle.isEmpty {
            out +=
                "<section><h2>\(w(.lifestyle))</h2>\n<ul>\n" + page.lifestyle.map { "<li>\(e($0))</li>\n" }.joined() + "</ul></section>\n"
        }
        if !page.advice.isEmpty {
            out += "<section class=\"advice\"><h2>\(w(.advice))</h2>\n<ul>\n"
            out += page.advice.map { "<li>\(e($0.text))\(refs($0.sources))</li>\n" }.joined() + "</ul></section>\n"
        }
        if !page.needsReview.isEmpty {
            out +=
                "<section><h2>\(w(.notUnderstood))</h2>\n<ul>\n" + page.needsReview.map { "<li>\(e($0))</li>\n" }.joined()
                + "</ul></section>\n"
        }
        if !page.notes.isEmpty {
            out += "<section><h2>\(w(.notes))</h2>\n<ul class=\"notes\">\n"
            out +=
                page.notes.map { "<li>\(e($0.text)) <span class=\"muted small\">(\(e($0.evidence)))</span></li>\n" }.joined()
                + "</ul></section>\n"
        }
        out += "<section><h2>\(w(.dataQuality))</h2>\n<ul>\n"
        out += page.dataQuality.isEmpty ? "<li>\(w(.noProblems))</li>\n" : page.dataQuality.map { "<li>\(e($0))</li>\n" }.joined()
        out += "</ul></section>\n"
        out += "<footer><h2>\(w(.sourcesAndProvenance))</h2>\n"
        if !page.sources.isEmpty {
            out += "<ol class=\"small\">\n" + page.sources.map { "<li>\(e($0.title))</li>\n" }.joined() + "</ol>\n"
        }
        out += "<p class=\"small muted\">\(e(page.provenance))"
        if !page.inputs.isEmpty { out += "<br>\n\(w(.inputFiles)): \(page.inputs.map(e).joined(separator: ", "))" }
        out += "</p>\n"
        out += "<p class=\"disclaimer\">\(e(page.disclaimer))</p></footer>\n</body>\n</html>\n"
        return out
    }

    package static func line(_ line: ReportDocument.Line) -> String {
        let e = HTMLEscaping.escape
        return "<li>\(e(line.text))\(line.evidence.isEmpty ? "" : " <span class=\"muted small\">(\(e(line.evidence)))</span>")</li>\n"
    }

    /// A table's head row: `<thead><tr><th>Test</th>…</tr></thead>` (the headings are phrases: no markup).
    static func head(_ columns: [String]) -> String {
        "<thead><tr>" + columns.map { "<th>\($0)</th>" }.joined() + "</tr></thead>"
    }

    /// ` [1, 3]` as a superscript, or empty.
    static func refs(_ numbers: [Int]) -> String {
        numbers.isEmpty ? "" : " <sup class=\"refs\">[\(numbers.map(String.init).joined(separator: ", "))]</sup>"
    }
}
