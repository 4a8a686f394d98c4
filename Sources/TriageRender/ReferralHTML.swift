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
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out.reserveCapacity(48 * 1024)
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(e(page.title))</title>\n<style>\n\(ReportStyle.css)\n</style>\n</head>\n<body>\n"
        out += "<header><h1>\(e(page.title))</h1><p class=\"muted\">\(page.patient.isEmpty ? "" : e(page.patient) + "; ")\(e(page.window))</p></header>\n"
        if !page.lost.isEmpty {
            out += "<div class=\"warning\"><p><strong>Some of this patient's data could not be read</strong>: \(page.lostRecords) record\(page.lostRecords == 1 ? "" : "s") skipped, so the findings below leave them out:</p>\n<ul>\n"
            out += page.lost.map { "<li>\(e($0))</li>\n" }.joined() + "</ul></div>\n"
        }
        let tone = page.sameDay ? "same-day" : page.urgency.rawValue
        out += "<div class=\"banner \(tone)\"><span class=\"urgency\">\(e(page.urgencyLabel))</span>"
        if !page.when.isEmpty { out += "<span class=\"when\">\(e(page.when))</span>" }
        out += "<p class=\"headline\">\(e(page.headlineBody))</p></div>\n"

        out += "<section><h2>What to do</h2>\n"
        if page.actions.isEmpty { out += "<p>Nothing to order.</p>\n" }
        for block in page.actions {
            out += "<div class=\"action \(block.sameDay ? "same-day" : block.urgency.rawValue)\"><h3>\(e(block.when))\(refs(block.sources))</h3>\n<ul>\n"
            for item in block.items {
                let by = !item.condition.isEmpty ? " <em>(\(e(item.condition)))</em>" : item.by.isEmpty ? "" : " (\(e(item.by)))"
                out += "<li><strong>\(e(item.name))</strong>\(by): \(e(item.detail))</li>\n"
            }
            out += "</ul>\n"
            if !block.because.isEmpty { out += "<p class=\"because\"><em>Because</em>: \(block.because.map(e).joined(separator: " "))</p>\n" }
            out += "</div>\n"
        }
        if !page.queryMND.isEmpty { out += "<p class=\"query\"><strong>\(e(page.queryMND))</strong></p>\n" }
        out += "</section>\n"
        if !page.examination.isEmpty {
            out += "<section><h2>Examination</h2>\n<ul class=\"checklist\">\n" + page.examination.map { "<li>\(e($0))</li>\n" }.joined() + "</ul></section>\n"
        }
        if !page.tellPatient.isEmpty || !page.safetyNet.isEmpty {
            out += "<section><h2>Tell the patient</h2>\n"
            if !page.tellPatient.isEmpty { out += "<p>\(e(page.tellPatient))</p>\n" }
            if !page.safetyNet.isEmpty {
                out += "<p class=\"label\">Safety net</p>\n<ul class=\"safety\">\n" + page.safetyNet.map { "<li>\(e($0.text))\(refs($0.sources))</li>\n" }.joined() + "</ul>\n"
            }
            out += "</section>\n"
        }
        if !page.notMonitored.isEmpty { out += "<p class=\"monitor\">\(e(page.notMonitored))</p>\n" }
        if !page.redFlags.isEmpty {
            out += "<section><h2>Red flags</h2>\n<ul class=\"flags\">\n" + page.redFlags.map(line).joined() + "</ul></section>\n"
        }
        if !page.medicines.isEmpty {
            out += "<section><h2>Medicines that matter</h2>\n<ul>\n" + page.medicines.map(line).joined() + "</ul></section>\n"
        }
        if !page.history.isEmpty {
            out += "<section><h2>Stated history</h2>\n<ul>\n" + page.history.map(line).joined() + "</ul></section>\n"
        }
        if !page.appointments.isEmpty {
            out += "<section><h2>Referrals and appointments the notes mention</h2>\n<ul>\n" + page.appointments.map(line).joined() + "</ul></section>\n"
        }
        if let svg = ReportTimelineSVG.render(page) {
            out += "<section class=\"keep timeline\"><h2>Timeline</h2>\n<figure>\(svg)</figure></section>\n"
        }
        out += "<section><h2>Evidence</h2>\n"
        if !page.findings.isEmpty { out += "<ul>\n" + page.findings.map(line).joined() + "</ul>\n" }
        if !page.negatives.isEmpty {
            out += "<ul class=\"negatives\">\n" + page.negatives.enumerated().map { item in
                let label = item.offset == 0 && !page.notMentionedLabel.isEmpty ? "<span class=\"label\">\(e(page.notMentionedLabel))</span>: " : ""
                return "<li>\(label)\(e(item.element))</li>\n"
            }.joined() + "</ul>\n"
        }
        if page.labs.isEmpty {
            out += "<p>No lab results.</p>\n"
        } else {
            out += "<table class=\"labs\">\n<thead><tr><th>Test</th><th>Collected</th><th>Result as reported</th><th>Reference as reported</th><th>Status</th></tr></thead>\n<tbody>\n"
            for lab in page.labs {
                let comment = lab.comment.isEmpty ? "" : "<br><span class=\"small\">lab: \u{201C}\(e(lab.comment))\u{201D}</span>"
                out += "<tr\(lab.abnormal ? " class=\"abnormal\"" : "")><td>\(e(lab.test))</td><td class=\"nowrap\">\(e(lab.collected))</td><td>\(e(lab.result))\(comment)</td><td>\(e(lab.reference))</td><td>\(e(lab.status))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        if !page.otherResults.isEmpty {
            out += "<p class=\"label\">Other results the lab flagged</p>\n<table class=\"labs\">\n<thead><tr><th>Test</th><th>Collected</th><th>Result as reported</th><th>Lab's flag</th><th>Lab's comment</th></tr></thead>\n<tbody>\n"
            for row in page.otherResults {
                out += "<tr><td>\(e(row.test))</td><td class=\"nowrap\">\(e(row.collected))</td><td>\(e(row.result))</td><td>\(e(row.flag))</td><td>\(e(row.comment))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += "</section>\n"
        if !page.considerations.isEmpty {
            out += "<section><h2>Considerations <span class=\"muted small\">(not diagnoses)</span></h2>\n"
            for item in page.considerations {
                out += "<div class=\"consideration\"><h3>\(e(item.condition))\(refs(item.sources))</h3>\n"
                if !item.supporting.isEmpty { out += "<p><span class=\"for\">For</span> \(ReportDocumentBuilder.joinedSentences(item.supporting.map(e)))</p>\n" }
                if !item.opposing.isEmpty { out += "<p><span class=\"against\">Against</span> \(ReportDocumentBuilder.joinedSentences(item.opposing.map(e)))</p>\n" }
                out += "<p class=\"small\">Diagnostic approach: \(e(item.approach))</p></div>\n"
            }
            out += "</section>\n"
        }
        if !page.lifestyle.isEmpty {
            out += "<section><h2>Lifestyle</h2>\n<ul>\n" + page.lifestyle.map { "<li>\(e($0))</li>\n" }.joined() + "</ul></section>\n"
        }
        if !page.advice.isEmpty {
            out += "<section class=\"advice\"><h2>Advice to pass on to the patient</h2>\n<ul>\n"
            out += page.advice.map { "<li>\(e($0.text))\(refs($0.sources))</li>\n" }.joined() + "</ul></section>\n"
        }
        if !page.needsReview.isEmpty {
            out += "<section><h2>Not understood: for a clinician to read</h2>\n<ul>\n" + page.needsReview.map { "<li>\(e($0))</li>\n" }.joined() + "</ul></section>\n"
        }
        if !page.notes.isEmpty {
            out += "<section><h2>Patient's notes</h2>\n<ul class=\"notes\">\n"
            out += page.notes.map { "<li>\(e($0.text)) <span class=\"muted small\">(\(e($0.evidence)))</span></li>\n" }.joined() + "</ul></section>\n"
        }
        out += "<section><h2>Data quality</h2>\n<ul>\n"
        out += page.dataQuality.isEmpty ? "<li>No problems with the input.</li>\n" : page.dataQuality.map { "<li>\(e($0))</li>\n" }.joined()
        out += "</ul></section>\n"
        out += "<footer><h2>Sources and provenance</h2>\n"
        if !page.sources.isEmpty {
            out += "<ol class=\"small\">\n" + page.sources.map { "<li>\(e($0.title))</li>\n" }.joined() + "</ol>\n"
        }
        out += "<p class=\"small muted\">\(e(page.provenance))"
        if !page.inputs.isEmpty { out += "<br>\nInput files: \(page.inputs.map(e).joined(separator: ", "))" }
        out += "</p>\n"
        out += "<p class=\"disclaimer\">\(e(page.disclaimer))</p></footer>\n</body>\n</html>\n"
        return out
    }

    package static func line(_ line: ReportDocument.Line) -> String {
        let e = HTMLEscaping.escape
        return "<li>\(e(line.text))\(line.evidence.isEmpty ? "" : " <span class=\"muted small\">(\(e(line.evidence)))</span>")</li>\n"
    }

    /// ` [1, 3]` as a superscript, or empty.
    static func refs(_ numbers: [Int]) -> String {
        numbers.isEmpty ? "" : " <sup class=\"refs\">[\(numbers.map(String.init).joined(separator: ", "))]</sup>"
    }
}
