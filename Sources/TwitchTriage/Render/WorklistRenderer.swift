/// Writes the worklist as JSON, Markdown and HTML (SPEC §7): same day first, then urgency, then
/// the number of red flags, then id; with the timeframe, the patient's age and sex, the key red
/// flag, the tests, the last journal date and the change since the last run.
public enum WorklistRenderer {
    /// Patients per printed page of the HTML worklist.
    static let patientsPerPage = 25

    /// `worklist.json`.
    public static func json(_ worklist: Worklist) -> String {
        JSONValue.object([
            "schemaVersion": .string(ReferralJSON.schemaVersion),
            "tool": .object(["name": .string(ToolInfo.name), "version": .string(worklist.toolVersion)]),
            "knowledgeVersion": .string(worklist.knowledgeVersion),
            "asOf": .string(worklist.asOf.description),
            "patients": .array(worklist.entries.map { entry in
                var object: [String: JSONValue] = [
                    "id": .string(entry.patientID), "headline": .string(entry.headline), "tests": .strings(entry.tests),
                    "change": .string(entry.change.rawValue), "unreadableRecords": .number(Double(entry.unreadableRecords)),
                    "sameDay": .bool(entry.summary?.sameDay ?? false),
                ]
                if let folder = entry.folder { object["folder"] = .string(folder) }
                if let urgency = entry.urgency { object["urgency"] = .string(urgency.rawValue) }
                if let previous = entry.previousUrgency { object["previousUrgency"] = .string(previous.rawValue) }
                if let summary = entry.summary {
                    object["redFlagCount"] = .number(Double(summary.redFlagCount))
                    object["testNames"] = .strings(summary.tests)
                    if let age = summary.age { object["age"] = .number(Double(age)) }
                    if let sex = summary.sex { object["sex"] = .string(sex) }
                    if let flag = summary.keyRedFlag { object["keyRedFlag"] = .string(flag) }
                    if let timeframe = summary.timeframe { object["timeframe"] = .string(timeframe) }
                    if let last = summary.lastJournalDate { object["lastJournalDate"] = .string(last.description) }
                }
                return .object(object)
            }),
            "problems": .array(worklist.problems.map(ReferralJSON.dataQuality)),
        ]).written()
    }

    /// The cells of one line, unescaped: urgency with timeframe, patient, headline, key red
    /// flag, tests, last journal date, change.
    static func cells(_ entry: Worklist.Entry) -> (urgency: String, patient: String, headline: String, redFlag: String,
                                                     tests: String, lastJournal: String, change: String) {
        let summary = entry.summary
        var urgency = entry.urgency.map { ReportLabels.urgency($0) } ?? "-"
        if summary?.sameDay == true { urgency = "Same day (\(urgency.lowercased()))" } else if let timeframe = summary?.timeframe { urgency += ", \(timeframe)" }
        let patient = ([entry.patientID] + [summary?.age.map { "\($0)" }, summary?.sex].compactMap { $0 }).joined(separator: ", ")
        var redFlag = summary?.keyRedFlag ?? ""
        if let count = summary?.redFlagCount, count > 1 { redFlag += " (+\(count - 1) more)" }
        let tests = (summary?.tests ?? entry.tests).joined(separator: "; ")
        let change = entry.previousUrgency.map { "\(entry.change.rawValue) (was \($0.rawValue))" } ?? entry.change.rawValue
        let unreadable = entry.unreadableRecords == 0 ? "" : "; \(entry.unreadableRecords) unreadable record\(entry.unreadableRecords == 1 ? "" : "s")"
        var headline = entry.headline
        if let label = entry.urgency.map(ReportLabels.urgency), headline.hasPrefix(label + ": ") {
            let body = headline.dropFirst(label.count + 2)
            headline = body.prefix(1).uppercased() + body.dropFirst()
        }
        return (urgency, patient, headline, redFlag, tests, summary?.lastJournalDate?.description ?? "-", change + unreadable)
    }

    /// `2 same day, 3 urgent, …` over the entries that are still in the input.
    static func counts(_ worklist: Worklist) -> String {
        let current = worklist.entries.filter { $0.urgency != nil }
        var parts = ["\(current.filter { $0.summary?.sameDay == true }.count) same day"]
        parts += Urgency.allCases.reversed().map { urgency in "\(current.filter { $0.urgency == urgency }.count) \(urgency.rawValue)" }
        return "\(current.count) patients: \(parts.joined(separator: ", "))."
    }

    /// `worklist.md`.
    public static func markdown(_ worklist: Worklist) -> String {
        let e = ReferralMarkdown.escape
        var out = "# Worklist, as of \(worklist.asOf)\n\n\(counts(worklist))\n\n"
        out += "| Urgency | Patient | Headline | Key red flag | Tests | Last journal | Change |\n|---|---|---|---|---|---|---|\n"
        for entry in worklist.entries {
            let cell = cells(entry)
            let patient = entry.folder.map { "[\(e(cell.patient))](\(e($0))/referral.md)" } ?? e(cell.patient)
            out += "| \(e(cell.urgency)) | \(patient) | \(e(cell.headline)) | \(e(cell.redFlag)) | \(e(cell.tests)) | \(e(cell.lastJournal)) | \(e(cell.change)) |\n"
        }
        if !worklist.problems.isEmpty {
            out += "\n## Files that could not be read\n\n" + worklist.problems.map { "- \(e($0.description))\n" }.joined()
        }
        out += "\n_\(e(Referral.standardDisclaimer))_\n"
        return out
    }

    /// `worklist.html`: one table per 25 patients, each printed on its own page (landscape).
    public static func html(_ worklist: Worklist) -> String {
        let e = HTMLEscaping.escape
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Worklist, as of \(worklist.asOf)</title>\n"
        out += "<style>\n\(ReportStyle.css)\n@page{size:landscape;margin:7mm 8mm}\n</style>\n</head>\n<body class=\"worklist\">\n"
        let pages = stride(from: 0, to: max(worklist.entries.count, 1), by: patientsPerPage).map {
            Array(worklist.entries[$0..<min($0 + patientsPerPage, worklist.entries.count)])
        }
        for (index, page) in pages.enumerated() {
            out += "<section class=\"worklist-page\">\n<h1>Worklist, as of \(worklist.asOf)\(pages.count > 1 ? " (page \(index + 1) of \(pages.count))" : "")</h1>\n"
            out += "<p class=\"muted\">\(e(counts(worklist)))</p>\n"
            out += "<table>\n<colgroup><col style=\"width:7%\"><col style=\"width:10%\"><col style=\"width:27%\"><col style=\"width:12%\"><col style=\"width:32%\"><col style=\"width:6%\"><col style=\"width:6%\"></colgroup>\n<thead><tr><th>Urgency</th><th>Patient</th><th>Headline</th><th>Key red flag</th><th>Tests</th><th>Last journal</th><th>Change</th></tr></thead>\n<tbody>\n"
            for entry in page {
                let cell = cells(entry)
                let tone = entry.summary?.sameDay == true ? "same-day" : entry.urgency?.rawValue ?? ""
                let patient = entry.folder.map { "<a href=\"\(e($0))/referral.html\">\(e(cell.patient))</a>" } ?? e(cell.patient)
                // The pill names the urgency; a deadline (same day, urgent, soon) goes under it in
                // small type. Routine and self-care carry none ("a routine referral" says what the
                // pill does), so their lines stay one row high and 25 patients print on one page;
                // the Markdown and JSON worklists carry every timeframe.
                let pill = entry.summary?.sameDay == true ? "Same day" : entry.urgency.map { ReportLabels.urgency($0) } ?? "-"
                let when = entry.summary?.sameDay == true ? entry.urgency.map { ReportLabels.urgency($0).lowercased() }
                    : entry.urgency.map { $0 >= .soon } == true ? entry.summary?.timeframe : nil
                out += "<tr><td class=\"\(tone)\"><span class=\"pill\">\(e(pill))</span>\(when.map { "<br><span class=\"when muted\">\(e($0))</span>" } ?? "")</td><td>\(patient)</td><td>\(e(cell.headline))</td>"
                out += "<td>\(e(cell.redFlag))</td><td>\(e(cell.tests))</td><td class=\"nowrap\">\(e(cell.lastJournal))</td><td>\(e(cell.change))</td></tr>\n"
            }
            out += "</tbody></table>\n"
            if index == pages.count - 1 {
                if !worklist.problems.isEmpty {
                    out += "<h2>Files that could not be read</h2>\n<ul>\n" + worklist.problems.map { "<li>\(e($0.description))</li>\n" }.joined() + "</ul>\n"
                }
                out += "<p class=\"disclaimer\">\(e(Referral.standardDisclaimer))</p>\n"
            }
            out += "</section>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }
}
