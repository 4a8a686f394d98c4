/// Writes the worklist as JSON, Markdown and HTML (SPEC §7).
public enum WorklistRenderer {
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
                ]
                if let folder = entry.folder { object["folder"] = .string(folder) }
                if let urgency = entry.urgency { object["urgency"] = .string(urgency.rawValue) }
                if let previous = entry.previousUrgency { object["previousUrgency"] = .string(previous.rawValue) }
                return .object(object)
            }),
            "problems": .array(worklist.problems.map(ReferralJSON.dataQuality)),
        ]).written()
    }

    /// `worklist.md`.
    public static func markdown(_ worklist: Worklist) -> String {
        let e = ReferralMarkdown.escape
        var out = "# Worklist, as of \(worklist.asOf)\n\n"
        let counts = Urgency.allCases.reversed().map { urgency in "\(worklist.entries.filter { $0.urgency == urgency }.count) \(urgency.rawValue)" }
        out += "\(worklist.entries.filter { $0.urgency != nil }.count) patients: \(counts.joined(separator: ", ")).\n\n"
        out += "| urgency | patient | headline | tests | change | unreadable |\n|---|---|---|---|---|---|\n"
        for entry in worklist.entries {
            let patient = entry.folder.map { "[\(e(entry.patientID))](\($0)/referral.md)" } ?? e(entry.patientID)
            let change = entry.previousUrgency.map { "\(entry.change.rawValue) (was \($0.rawValue))" } ?? entry.change.rawValue
            out += "| \(entry.urgency?.rawValue ?? "-") | \(patient) | \(e(entry.headline)) | \(entry.tests.joined(separator: ", ")) | \(change) | \(entry.unreadableRecords == 0 ? "" : String(entry.unreadableRecords)) |\n"
        }
        if !worklist.problems.isEmpty {
            out += "\n## Files that could not be read\n\n" + worklist.problems.map { "- \(e($0.description))\n" }.joined()
        }
        out += "\n_\(Referral.standardDisclaimer)_\n"
        return out
    }

    /// `worklist.html`.
    public static func html(_ worklist: Worklist) -> String {
        let e = HTMLEscaping.escape
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Worklist, as of \(worklist.asOf)</title>\n"
        out += "<style>\n\(ReportStyle.css)\n</style>\n</head>\n<body>\n<h1>Worklist, as of \(worklist.asOf)</h1>\n"
        out += "<table>\n<tr><th>urgency</th><th>patient</th><th>headline</th><th>tests</th><th>change</th><th>unreadable records</th></tr>\n"
        for entry in worklist.entries {
            let urgency = entry.urgency.map { "<span class=\"urgency \($0.rawValue)\">\($0.rawValue)</span>" } ?? "-"
            let patient = entry.folder.map { "<a href=\"\(e($0))/referral.html\">\(e(entry.patientID))</a>" } ?? e(entry.patientID)
            let change = entry.previousUrgency.map { "\(entry.change.rawValue) (was \($0.rawValue))" } ?? entry.change.rawValue
            out += "<tr><td>\(urgency)</td><td>\(patient)</td><td>\(e(entry.headline))</td><td>\(e(entry.tests.joined(separator: ", ")))</td><td>\(change)</td><td>\(entry.unreadableRecords == 0 ? "" : String(entry.unreadableRecords))</td></tr>\n"
        }
        out += "</table>\n"
        if !worklist.problems.isEmpty {
            out += "<h2>Files that could not be read</h2>\n<ul>\n" + worklist.problems.map { "<li>\(e($0.description))</li>\n" }.joined() + "</ul>\n"
        }
        out += "<p><em>\(e(Referral.standardDisclaimer))</em></p>\n</body>\n</html>\n"
        return out
    }
}
