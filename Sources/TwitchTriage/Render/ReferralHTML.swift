/// Writes `referral.html`: self-contained and printable. Inline CSS only, no script, no remote
/// asset (not even a font or an image), every string from the input escaped.
public enum ReferralHTML {
    /// The stylesheet, inline in every page.
    static let style = """
    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;max-width:60rem;margin:1.5rem auto;padding:0 1rem}
    h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;border-bottom:1px solid #ccc;margin-top:1.4rem}h3{font-size:1rem;margin:.8rem 0 .2rem}
    .urgency{display:inline-block;padding:.1rem .5rem;border-radius:.3rem;font-weight:700;text-transform:uppercase}
    .urgent{background:#b00020;color:#fff}.soon{background:#e65100;color:#fff}.routine{background:#1565c0;color:#fff}.self-care{background:#2e7d32;color:#fff}
    .warning{border-left:4px solid #b00020;padding:.3rem .6rem;background:#fff4f4}
    table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}
    .muted{color:#555}.small{font-size:.85rem}
    @media print{body{margin:0;max-width:none}.urgency{border:1px solid #000}}
    """

    /// The referral as an HTML page.
    public static func render(_ referral: Referral) -> String {
        let e = HTMLEscaping.escape
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>Referral summary: \(e(referral.patient.id))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
        out += "<h1>Referral summary: \(e(referral.patient.id))</h1>\n"
        let lost = referral.dataQuality.filter { $0.severity == .error }
        let lostCount = lost.reduce(0) { $0 + $1.count }
        if !lost.isEmpty {
            out += "<div class=\"warning\"><p><strong>Some of this patient's data could not be read</strong>: \(lostCount) record\(lostCount == 1 ? "" : "s") skipped, so the findings below leave them out:</p>\n<ul>\n"
            out += lost.map { "<li>\(e($0.description))</li>\n" }.joined() + "</ul></div>\n"
        }
        out += "<p><span class=\"urgency \(referral.urgency.rawValue)\">\(referral.urgency.rawValue)</span> \(e(referral.headline))</p>\n"
        out += "<p class=\"muted\">Patient: \(e(ReportPhrases.patient(referral.patient))). "
        if let window = referral.window {
            out += "Journal: \(window.entries) entries, \(window.first) to \(window.last). "
        } else {
            out += "Journal: none. "
        }
        out += "As of \(referral.asOf).</p>\n"

        out += "<h2>Recommendations</h2>\n"
        if referral.recommendations.isEmpty { out += "<p>None.</p>\n" } else {
            out += "<table>\n<tr><th>test</th><th>urgency</th><th>detail</th><th>because</th><th>rule, sources</th></tr>\n"
            for item in referral.recommendations {
                let reasons = ReportPhrases.reasons(item, in: referral)
                out += "<tr><td>\(e(ReportPhrases.title(item)))</td><td>\(item.urgency.rawValue)</td><td>\(e(item.detail))</td><td>\(reasons.map(e).joined(separator: "<br>"))</td>"
                out += "<td class=\"small\">\(e(([item.rule] + (item.alsoRecommendedBy ?? [])).joined(separator: ", ")))<br>\(e(item.sources.joined(separator: ", ")))</td></tr>\n"
            }
            out += "</table>\n"
        }
        out += "<h2>Findings</h2>\n<ul>\n"
        for finding in referral.findings where finding.present {
            out += "<li>\(e(finding.summary))<span class=\"small muted\">\(e(ReferralMarkdown.evidenceText(finding.evidence)))</span></li>\n"
        }
        out += "</ul>\n<h3>Not found</h3>\n<ul class=\"small\">\n"
        for finding in referral.findings where !finding.present { out += "<li>\(e(finding.summary))</li>\n" }
        out += "</ul>\n<h2>Labs</h2>\n"
        if referral.labs.isEmpty { out += "<p>No lab results.</p>\n" } else {
            out += "<table>\n<tr><th>analyte</th><th>collected</th><th>reported</th><th>canonical</th><th>reference</th><th>status</th></tr>\n"
            for lab in referral.labs {
                out += "<tr><td>\(e(lab.analyte))</td><td>\(lab.collected.date)</td><td>\(e(lab.reported.value.description)) \(e(lab.reported.unit))</td><td>\(e(lab.canonical.value.description)) \(e(lab.canonical.unit))</td><td>\(e(ReportPhrases.reference(lab)))</td><td>\(ReportPhrases.status(lab))</td></tr>\n"
            }
            out += "</table>\n"
        }
        out += "<h2>Considerations</h2>\n"
        if referral.considerations.isEmpty { out += "<p>None.</p>\n" }
        for item in referral.considerations {
            out += "<h3>\(e(item.condition))</h3>\n"
            if !item.supporting.isEmpty { out += "<p>For:</p>\n<ul>\n" + item.supporting.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n" }
            if !item.opposing.isEmpty { out += "<p>Against:</p>\n<ul>\n" + item.opposing.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n" }
            out += "<p class=\"small\">Diagnostic approach: \(e(item.diagnosticApproach)) (\(e(item.sources.joined(separator: ", "))))</p>\n"
        }
        out += "<h2>Lifestyle</h2>\n<ul>\n"
        for correlation in referral.correlations {
            out += "<li>\(e(ReportPhrases.correlation(correlation)))</li>\n"
        }
        for advice in referral.advice { out += "<li>\(e(advice.text)) <span class=\"small muted\">(\(e(advice.sources.joined(separator: ", "))))</span></li>\n" }
        out += "</ul>\n"
        if !referral.notes.isEmpty {
            out += "<h2>Patient's notes</h2>\n<ul>\n" + referral.notes.map { "<li>\($0.date) <span class=\"small muted\">(\(e($0.source.description)))</span> \(e($0.text))</li>\n" }.joined() + "</ul>\n"
        }
        out += "<h2>Data quality</h2>\n<ul>\n"
        if referral.dataQuality.isEmpty { out += "<li>No problems with the input.</li>\n" }
        for item in referral.dataQuality { out += "<li>\(e(item.description))</li>\n" }
        out += "</ul>\n<h2>Provenance</h2>\n<ul class=\"small\">\n"
        out += "<li>tool \(ToolInfo.name) \(e(referral.toolVersion)), knowledge \(e(referral.knowledgeVersion)), as of \(referral.asOf)</li>\n"
        for input in referral.inputs { out += "<li>\(e(input.file)) sha256 \(input.sha256)</li>\n" }
        out += "</ul>\n<p><em>\(e(referral.disclaimer))</em></p>\n</body>\n</html>\n"
        return out
    }
}
