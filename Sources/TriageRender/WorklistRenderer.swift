import TriageKnowledge
import TriageModel

/// Writes the worklist as JSON, Markdown and HTML (SPEC §7): the booking totals at the top, then
/// the patients in bands (same day, read today, urgent, soon, routine GP actions, routine
/// neurology, self-care), within a band by the most dangerous red flag; each line with the
/// urgency and timeframe, the patient's age and sex, how long the twitching has lasted, the
/// headline, the red flags most dangerous first with the value that drives the first, who acts,
/// the tests, the lab caveats and the change since the last run. Its words (headings, column
/// names, band labels, bookings) are `page.json` phrases of the knowledge it is given: the
/// batch's, or the tables `worklist merge` loads, which must be the shards' version.
package enum WorklistRenderer {
    /// Patients per printed page of the HTML worklist.
    static let patientsPerPage = 25

    /// Bytes of a worklist handed to a ``TextSink`` at once (about): the batch writes its
    /// worklists to their files in pieces this size instead of whole (issue 23, peak memory).
    static let pieceSize = 64 * 1024

    /// Where the streamed worklists go, piece by piece, in order.
    package typealias TextSink = (UnsafeRawBufferPointer) -> Void

    /// `worklist.json`.
    package static func json(_ worklist: Worklist, knowledge: Knowledge) -> String {
        collected { json(worklist, knowledge: knowledge, to: $0) }
    }

    /// `worklist.md`: the totals, then a table per band.
    package static func markdown(_ worklist: Worklist, knowledge: Knowledge) -> String {
        collected { markdown(worklist, knowledge: knowledge, to: $0) }
    }

    /// `worklist.html`: one table per 25 patients, each printed on its own page (landscape).
    package static func html(_ worklist: Worklist, knowledge: Knowledge) -> String {
        collected { html(worklist, knowledge: knowledge, to: $0) }
    }

    /// The pieces a streamed writer gives, as one text.
    private static func collected(_ write: (TextSink) -> Void) -> String {
        var bytes: [UInt8] = []
        write { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Text made a line at a time and handed to a sink in pieces of about ``pieceSize``.
    private struct Pieces {
        var text = ""
        let sink: TextSink

        init(_ sink: @escaping TextSink) {
            self.sink = sink
            text.reserveCapacity(WorklistRenderer.pieceSize + 16 * 1024)
        }

        static func += (pieces: inout Pieces, line: String) {
            pieces.text += line
            if pieces.text.utf8.count >= WorklistRenderer.pieceSize { pieces.flush() }
        }

        /// Hands what is held to the sink.
        mutating func flush() {
            guard !text.isEmpty else { return }
            text.withUTF8 { sink(UnsafeRawBufferPointer($0)) }
            text.removeAll(keepingCapacity: true)
        }
    }

    /// `worklist.json`, handed to `sink` in pieces as the patients are written one at a time
    /// (``JSONValue/written(_:streaming:count:to:_:)``): the same bytes as ``json(_:)``, without
    /// holding every patient's JSON, or the whole text, at once.
    package static func json(_ worklist: Worklist, knowledge: Knowledge, to sink: TextSink) {
        JSONValue.written(
            [
                "schemaVersion": .string(ReferralJSON.schemaVersion),
                "tool": .object(["name": .string(ToolInfo.name), "version": .string(worklist.toolVersion)]),
                "knowledgeVersion": .string(worklist.knowledgeVersion),
                "asOf": .string(worklist.asOf.description),
                "problems": .array(worklist.problems.map(ReferralJSON.dataQuality)),
                "totals": .object(
                    Dictionary(totals(worklist, knowledge).map { ($0.words, JSONValue.number(Double($0.count))) }, uniquingKeysWith: { $1 })
                ),
            ], streaming: "patients", count: worklist.entries.count, to: sink
        ) { position in
            let entry = worklist.entries[position]
            var object: [String: JSONValue] = [
                "id": .string(entry.patientID.rawValue), "headline": .string(entry.headline), "tests": .strings(entry.tests),
                "change": .string(entry.change.rawValue), "unreadableRecords": .number(Double(entry.unreadableRecords)),
                "sameDay": .bool(entry.summary?.sameDay ?? false),
            ]
            if let band = Worklist.band(entry) { object["band"] = .string(band.rawValue) }
            object.set("folder", entry.folder)
            object.set("urgency", entry.urgency?.rawValue)
            object.set("previousUrgency", entry.previousUrgency?.rawValue)
            if let summary = entry.summary {
                object["redFlagCount"] = .number(Double(summary.redFlagCount))
                object["testNames"] = .strings(summary.tests)
                object.set("age", summary.age)
                object.set("sex", summary.sex)
                object.set("keyRedFlag", summary.keyRedFlag)
                object.set("timeframe", summary.timeframe)
                object.set("lastJournalDate", summary.lastJournalDate?.description)
                object.set("dangerRank", summary.dangerRank)
                if summary.keyRedFlagPossible { object["keyRedFlagPossible"] = .bool(true) }
                object.set("oldestRedFlagDate", summary.oldestRedFlagDate?.description)
                if !summary.otherRedFlags.isEmpty { object["otherRedFlags"] = .strings(summary.otherRedFlags) }
                object.set("duration", summary.duration)
                if !summary.who.isEmpty { object["who"] = .strings(summary.who) }
                if !summary.plan.isEmpty { object["plan"] = .strings(summary.plan) }
                if !summary.labCaveats.isEmpty { object["labCaveats"] = .strings(summary.labCaveats) }
                if !summary.bookings.isEmpty { object["bookings"] = .strings(summary.bookings) }
            }
            return .object(object)
        }
    }

    /// The cells of one line, unescaped.
    struct Cells {
        var urgency: String
        var patient: String
        var duration: String
        var headline: String
        var redFlag: String
        var who: String
        var tests: String
        var caveats: String
        var change: String
    }

    /// The cells of one line: urgency with timeframe, patient, duration, headline, red flags
    /// (the most dangerous with its value, then up to two more by name), who acts, tests, lab
    /// caveats, change.
    static func cells(_ entry: Worklist.Entry, _ knowledge: Knowledge) -> Cells {
        let summary = entry.summary
        var urgency = entry.urgency.map { ReportLabels.urgency($0) } ?? "-"
        if summary?.sameDay == true {
            urgency = knowledge.phrase(.worklistSameDayUrgency, ["urgency": urgency.lowercased()])
        } else if let timeframe = summary?.timeframe {
            urgency += ", \(timeframe)"
        }
        let patient = ([entry.patientID.rawValue] + [summary?.age.map { "\($0)" }, summary?.sex].compactMap { $0 }).joined(separator: ", ")
        var redFlag = summary?.keyRedFlag ?? ""
        if let others = summary?.otherRedFlags, !others.isEmpty {
            redFlag += "; " + others.prefix(2).joined(separator: ", ")
            if others.count > 2 { redFlag += " " + knowledge.phrase(.worklistMore, ["count": "\(others.count - 2)"]) }
        } else if summary?.otherRedFlags.isEmpty == true, let count = summary?.redFlagCount, count > 1, summary?.band == nil {
            redFlag += " " + knowledge.phrase(.worklistMore, ["count": "\(count - 1)"])
        }
        let tests = (summary?.tests ?? entry.tests).joined(separator: "; ")
        let change =
            entry.previousUrgency.map { knowledge.phrase(.worklistChangeWas, ["change": entry.change.rawValue, "previous": $0.rawValue]) }
            ?? entry.change.rawValue
        let unreadable =
            entry.unreadableRecords == 0 ? "" : "; \(entry.unreadableRecords) unreadable record\(entry.unreadableRecords == 1 ? "" : "s")"
        var headline = entry.headline
        if let label = entry.urgency.map(ReportLabels.urgency), headline.hasPrefix(label + ": ") {
            let body = headline.dropFirst(label.count + 2)
            headline = body.prefix(1).uppercased() + body.dropFirst()
        }
        return Cells(
            urgency: urgency, patient: patient, duration: summary?.duration ?? "-", headline: headline, redFlag: redFlag,
            who: summary?.who.joined(separator: ", ") ?? "", tests: tests, caveats: summary?.labCaveats.joined(separator: "; ") ?? "",
            change: change + unreadable)
    }

    /// `29 patients: 2 same day, 1 read today, …` over the entries still in the input.
    package static func counts(_ worklist: Worklist, _ knowledge: Knowledge) -> String {
        let current = worklist.entries.filter { $0.urgency != nil }
        let parts = Worklist.Band.allCases.map { band in
            let label = WorklistWords.label(band, knowledge)
            return "\(current.filter { Worklist.band($0) == band }.count) \(label.prefix(1).lowercased() + label.dropFirst())"
        }
        return knowledge.phrase(.worklistCounts, ["count": "\(current.count)", "bands": parts.joined(separator: ", ")])
    }

    /// The booking totals in ``WorklistWords/bookingOrder`` (MRI by region in its place), each
    /// with how many patients it is for; those with none left out. The lines' bookings are the
    /// knowledge's words, matched against the same knowledge's phrases.
    static func totals(_ worklist: Worklist, _ knowledge: Knowledge) -> [(words: String, count: Int)] {
        var counts: [String: Int] = [:]
        for entry in worklist.entries where entry.urgency != nil {
            for booking in entry.summary?.bookings ?? [] { counts[booking, default: 0] += 1 }
        }
        var result: [(String, Int)] = []
        for phrase in WorklistWords.bookingOrder {
            if phrase == .bookingMRI {
                for key in counts.keys.filter({ WorklistWords.isMRI($0, knowledge) }).sorted() { result.append((key, counts[key] ?? 0)) }
            } else if let count = counts[knowledge.phrase(phrase)] {
                result.append((knowledge.phrase(phrase), count))
            }
        }
        return result
    }

    /// `To book: same-day assessment 2; neurology examination 5; …`.
    package static func totalsLine(_ worklist: Worklist, _ knowledge: Knowledge) -> String {
        let totals = totals(worklist, knowledge)
        guard !totals.isEmpty else { return knowledge.phrase(.worklistToBookNothing) }
        return knowledge.phrase(.worklistToBook, ["totals": totals.map { "\($0.words) \($0.count)" }.joined(separator: "; ")])
    }

    /// `worklist.md`, handed to `sink` in pieces: the same bytes as ``markdown(_:knowledge:)``.
    package static func markdown(_ worklist: Worklist, knowledge: Knowledge, to sink: TextSink) {
        streamed(to: sink) { markdown(worklist, knowledge, into: &$0) }
    }

    /// `worklist.html`, handed to `sink` in pieces: the same bytes as ``html(_:knowledge:)``.
    package static func html(_ worklist: Worklist, knowledge: Knowledge, to sink: TextSink) {
        streamed(to: sink) { html(worklist, knowledge, into: &$0) }
    }

    /// Runs `write` over pieces handed to `sink` as they fill, then hands over the rest.
    private static func streamed(to sink: TextSink, _ write: (inout Pieces) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            var pieces = Pieces(sink)
            write(&pieces)
            pieces.flush()
        }
    }

    /// The Markdown table's columns, in order.
    static let markdownColumns: [PagePhraseID] = [
        .worklistUrgency, .worklistPatient, .worklistTwitchingFor, .worklistHeadline, .worklistRedFlags, .worklistWhoActs,
        .worklistTests, .worklistLabCaveats, .worklistChange,
    ]

    /// The HTML table's columns, in order: who acts and the tests in one.
    static let htmlColumns: [PagePhraseID] = [
        .worklistUrgency, .worklistPatient, .worklistTwitchingFor, .worklistHeadline, .worklistRedFlags, .worklistWhoActsTests,
        .worklistLabCaveats, .worklistChange,
    ]

    private static func markdown(_ worklist: Worklist, _ knowledge: Knowledge, into out: inout Pieces) {
        let e = ReferralMarkdown.escape
        let title = knowledge.phrase(.worklistTitle, ["asOf": "\(worklist.asOf)"])
        out += "# \(title)\n\n\(e(totalsLine(worklist, knowledge)))\n\n\(counts(worklist, knowledge))\n\n"
        let header =
            "| " + markdownColumns.map { knowledge.phrase($0) }.joined(separator: " | ") + " |\n|"
            + String(repeating: "---|", count: markdownColumns.count) + "\n"
        for band in Worklist.Band.allCases.map(Optional.some) + [nil] {
            let count = worklist.entries.reduce(0) { Worklist.band($1) == band ? $0 + 1 : $0 }
            guard count > 0 else { continue }
            out += "## \(WorklistWords.label(band, knowledge)) (\(count))\n\n" + header
            for entry in worklist.entries where Worklist.band(entry) == band {
                let cell = cells(entry, knowledge)
                let patient = entry.folder.map { "[\(e(cell.patient))](\(e($0))/referral.md)" } ?? e(cell.patient)
                out +=
                    "| \(e(cell.urgency)) | \(patient) | \(e(cell.duration)) | \(e(cell.headline)) | \(e(cell.redFlag)) | \(e(cell.who)) | \(e(cell.tests)) | \(e(cell.caveats)) | \(e(cell.change)) |\n"
            }
            out += "\n"
        }
        if !worklist.problems.isEmpty {
            out += "## \(knowledge.phrase(.worklistUnreadFiles))\n\n" + worklist.problems.map { "- \(e($0.description))\n" }.joined() + "\n"
        }
        out += "_\(e(knowledge.phrase(.disclaimer)))_\n"
    }

    private static func html(_ worklist: Worklist, _ knowledge: Knowledge, into out: inout Pieces) {
        let e = HTMLEscaping.escape
        let title = knowledge.phrase(.worklistTitle, ["asOf": "\(worklist.asOf)"])
        out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(title)</title>\n"
        out += "<style>\n\(ReportStyle.css)\n@page{size:landscape;margin:7mm 8mm}\n</style>\n</head>\n<body class=\"worklist\">\n"
        let pages = stride(from: 0, to: max(worklist.entries.count, 1), by: patientsPerPage).map {
            $0..<min($0 + patientsPerPage, worklist.entries.count)
        }
        // Every page repeats the same counts and totals: made once, not once a page (a walk over
        // every patient per page made the worklist quadratic in the batch's size).
        let countsAndTotals =
            "<p class=\"muted\">\(e(counts(worklist, knowledge)))</p>\n<p class=\"totals\">\(e(totalsLine(worklist, knowledge)))</p>\n"
        let head = htmlColumns.map { "<th>\(knowledge.phrase($0))</th>" }.joined()
        for (index, page) in pages.enumerated() {
            out +=
                "<section class=\"worklist-page\">\n<h1>\(title)\(pages.count > 1 ? " " + knowledge.phrase(.worklistPage, ["page": "\(index + 1)", "pages": "\(pages.count)"]) : "")</h1>\n"
            out += countsAndTotals
            out +=
                "<table>\n<colgroup><col style=\"width:11%\"><col style=\"width:7%\"><col style=\"width:6%\"><col style=\"width:19%\"><col style=\"width:16%\"><col style=\"width:30%\"><col style=\"width:7%\"><col style=\"width:4%\"></colgroup>\n<thead><tr>\(head)</tr></thead>\n<tbody>\n"
            var lastBand: Worklist.Band?? = .none
            for entry in worklist.entries[page] {
                let band = Worklist.band(entry)
                if lastBand != .some(band) {
                    out += "<tr class=\"band\"><th colspan=\"8\">\(e(WorklistWords.label(band, knowledge)))</th></tr>\n"
                    lastBand = .some(band)
                }
                let cell = cells(entry, knowledge)
                let tone = entry.summary?.sameDay == true ? "same-day" : entry.urgency?.rawValue ?? ""
                let patient = entry.folder.map { "<a href=\"\(e($0))/referral.html\">\(e(cell.patient))</a>" } ?? e(cell.patient)
                // The pill names the urgency; a deadline (same day, urgent, soon) goes under it in
                // small type. Routine and self-care carry none ("a routine referral" says what the
                // pill does), so their lines stay short and 25 patients print on one page; the
                // Markdown and JSON worklists carry every timeframe.
                let pill =
                    entry.summary?.sameDay == true ? knowledge.phrase(.bandSameDay) : entry.urgency.map { ReportLabels.urgency($0) } ?? "-"
                let when =
                    entry.summary?.sameDay == true
                    ? entry.urgency.map { ReportLabels.urgency($0).lowercased() }
                    : entry.urgency.map { $0 >= .soon } == true ? entry.summary?.timeframe : nil
                out +=
                    "<tr><td class=\"\(tone)\"><span class=\"pill\">\(e(pill))</span>\(when.map { "<br><span class=\"when muted\">\(e($0))</span>" } ?? "")</td><td>\(patient)</td><td>\(e(cell.duration))</td><td>\(e(cell.headline))</td>"
                // Who acts and the tests in one cell, each actor with its tests (the Markdown and
                // JSON worklists carry them apart): two narrow columns wrapped every line.
                let plan = entry.summary.map { $0.plan.isEmpty ? cell.tests : $0.plan.joined(separator: ". ") } ?? cell.tests
                out += "<td>\(e(cell.redFlag))</td><td>\(e(plan))</td><td>\(e(cell.caveats))</td><td>\(e(cell.change))</td></tr>\n"
            }
            out += "</tbody></table>\n"
            if index == pages.count - 1 {
                if !worklist.problems.isEmpty {
                    out +=
                        "<h2>\(knowledge.phrase(.worklistUnreadFiles))</h2>\n<ul>\n"
                        + worklist.problems.map { "<li>\(e($0.description))</li>\n" }.joined() + "</ul>\n"
                }
                out += "<p class=\"disclaimer\">\(e(knowledge.phrase(.disclaimer)))</p>\n"
            }
            out += "</section>\n"
        }
        out += "</body>\n</html>\n"
    }
}
