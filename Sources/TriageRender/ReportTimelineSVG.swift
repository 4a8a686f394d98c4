import TriageModel

/// The report's inline SVG timeline (SPEC §7): twitch count per day as bars, a marker at the
/// first day of each symptom (red for a red flag), the lab dates, and one row per region group
/// with a tick on each day it twitched. Integer and one-decimal coordinates only, so the same
/// referral always draws the same bytes.
enum ReportTimelineSVG {
    static let width = 800.0
    static let left = 92.0
    static let right = 12.0
    static let laneHeight = 12.0
    static let barHeight = 70.0
    static let rowHeight = 13.0

    /// The SVG element, or nil when there is neither a journal nor a lab date to draw.
    static func render(_ page: ReportDocument) -> String? {
        let e = HTMLEscaping.escape
        let dates = page.timeline.days.map(\.date) + page.timelineLabs.map(\.date)
        guard let start = dates.min(), let end = dates.max() else { return nil }
        let totalDays = Double(start.days(to: end) + 1)
        let plot = width - left - right
        let dayWidth = plot / totalDays
        func x(_ date: LocalDate) -> Double { left + (Double(start.days(to: date)) + 0.5) * dayWidth }

        // Onset labels in up to three lanes, each label where it does not overlap the last one.
        var lanes: [Double] = [-1e9, -1e9, -1e9]
        var placed: [(onset: ReportDocument.TimelineOnset, lane: Int, x: Double, leftward: Bool)] = []
        for onset in page.timelineOnsets {
            let at = x(onset.date)
            let textWidth = Double(onset.symptom.count) * 5.6 + 6
            let leftward = at + textWidth > width - right
            let start = leftward ? at - textWidth : at
            let lane = lanes.firstIndex { $0 < start - 2 } ?? lanes.indices.min { lanes[$0] < lanes[$1] }!
            lanes[lane] = start + textWidth
            placed.append((onset, lane, at, leftward))
        }
        let usedLanes = placed.isEmpty ? 0 : (placed.map(\.lane).max()! + 1)
        let barsTop = 6 + Double(usedLanes) * laneHeight + 4
        let barsBottom = barsTop + barHeight
        let labsY = barsBottom + 14
        let groups = Array(Set(page.timeline.days.flatMap(\.groups))).sorted {
            (firstDay(of: $0, in: page.timeline) ?? 0, $0) < (firstDay(of: $1, in: page.timeline) ?? 0, $1)
        }
        let groupsTop = labsY + 10
        let axisY = groupsTop + Double(groups.count) * rowHeight + 4
        let height = axisY + 18

        let maxCount = max(1, page.timeline.days.compactMap(\.count).max() ?? 0)
        var svg =
            "<svg viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(page.phrase(.timelineLabel))\" font-family=\"system-ui,sans-serif\" font-size=\"10\">\n"
        svg.reserveCapacity(24 * 1024)
        svg += "<title>\(page.phrase(.timelineTitle, ["start": "\(start)", "end": "\(end)"]))</title>\n"
        svg += "<rect x=\"\(f(left))\" y=\"\(f(barsTop))\" width=\"\(f(plot))\" height=\"\(f(barHeight))\" fill=\"#f6f8fb\"/>\n"
        // Count bars.
        svg +=
            "<text x=\"\(f(left - 6))\" y=\"\(f(barsTop + 9))\" text-anchor=\"end\" fill=\"#5a6270\">\(page.phrase(.timelinePerDay, ["count": "\(maxCount)"]))</text>\n"
        svg += "<text x=\"\(f(left - 6))\" y=\"\(f(barsBottom))\" text-anchor=\"end\" fill=\"#5a6270\">0</text>\n"
        svg +=
            "<text x=\"\(f(left - 6))\" y=\"\(f(barsTop + barHeight / 2 + 4))\" text-anchor=\"end\" font-weight=\"600\">\(page.phrase(.timelineTwitches))</text>\n"
        svg += "<g fill=\"#4a78b5\">"
        let barWidth = max(1, dayWidth * 0.8)
        for day in page.timeline.days {
            guard let count = day.count, count > 0 else { continue }
            let h = barHeight * Double(count) / Double(maxCount)
            svg += "<rect x=\"\(f(x(day.date) - barWidth / 2))\" y=\"\(f(barsBottom - h))\" width=\"\(f(barWidth))\" height=\"\(f(h))\"/>"
        }
        svg += "</g>\n"
        // Onset markers and labels.
        for item in placed {
            let colour = item.onset.redFlag ? "#b3261e" : "#6b7280"
            let labelY = 6 + Double(item.lane + 1) * laneHeight - 2
            svg +=
                "<line x1=\"\(f(item.x))\" y1=\"\(f(labelY + 2))\" x2=\"\(f(item.x))\" y2=\"\(f(barsBottom))\" stroke=\"\(colour)\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\"/>"
            svg +=
                "<text x=\"\(f(item.leftward ? item.x - 2 : item.x + 2))\" y=\"\(f(labelY))\"\(item.leftward ? " text-anchor=\"end\"" : "") fill=\"\(colour)\"\(item.onset.redFlag ? " font-weight=\"700\"" : "")>\(e(item.onset.symptom))</text>\n"
        }
        if usedLanes > 0 {
            svg +=
                "<text x=\"\(f(left - 6))\" y=\"\(f(6 + laneHeight - 2))\" text-anchor=\"end\" fill=\"#5a6270\">\(page.phrase(.timelineFirstDayOf))</text>\n"
        }
        // Labs, one marker per date.
        svg +=
            "<text x=\"\(f(left - 6))\" y=\"\(f(labsY + 4))\" text-anchor=\"end\" font-weight=\"600\">\(page.phrase(.timelineLabs))</text>\n"
        var labDates: [LocalDate: (names: [String], abnormal: Bool)] = [:]
        for lab in page.timelineLabs {
            var entry = labDates[lab.date] ?? ([], false)
            if !entry.names.contains(lab.name) { entry.names.append(lab.name) }
            entry.abnormal = entry.abnormal || lab.abnormal
            labDates[lab.date] = entry
        }
        for date in labDates.keys.sorted() {
            let entry = labDates[date]!
            let at = x(date)
            let label =
                entry.names.count > 3 ? page.phrase(.timelineTests, ["count": "\(entry.names.count)"]) : entry.names.joined(separator: ", ")
            svg += "<path d=\"M\(f(at)) \(f(labsY - 5))l5 5-5 5-5-5z\" fill=\"\(entry.abnormal ? "#c25400" : "#2e7d32")\"/>"
            let anchor = at > left + plot * 0.8 ? "end" : "start"
            svg +=
                "<text x=\"\(f(anchor == "end" ? at - 7 : at + 7))\" y=\"\(f(labsY + 4))\" text-anchor=\"\(anchor)\" fill=\"#333\">\(e(label))\(entry.abnormal ? " " + page.phrase(.timelineAbnormal) : "")</text>\n"
        }
        // Region groups over time.
        for (row, group) in groups.enumerated() {
            let y = groupsTop + Double(row) * rowHeight
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 9))\" text-anchor=\"end\">\(e(group.rawValue))</text>"
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y + 5.5))\" x2=\"\(f(left + plot))\" y2=\"\(f(y + 5.5))\" stroke=\"#e3e7ed\"/>"
            svg += "<g fill=\"#7a5cb8\">"
            for day in page.timeline.days where day.groups.contains(group) {
                svg += "<rect x=\"\(f(x(day.date) - barWidth / 2))\" y=\"\(f(y + 1))\" width=\"\(f(barWidth))\" height=\"9\"/>"
            }
            svg += "</g>\n"
        }
        // Date axis: the first and last day, and the first of each month between them.
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(axisY))\" x2=\"\(f(left + plot))\" y2=\"\(f(axisY))\" stroke=\"#9aa3ae\"/>\n"
        var ticks = [start]
        var month = LocalDate(year: start.year, month: start.month, day: 1)!
        while true {
            month =
                month.month == 12
                ? LocalDate(year: month.year + 1, month: 1, day: 1)! : LocalDate(year: month.year, month: month.month + 1, day: 1)!
            guard month < end else { break }
            if start.days(to: month) * 10 > Int(totalDays), month.days(to: end) * 10 > Int(totalDays) { ticks.append(month) }
        }
        if end != start { ticks.append(end) }
        for (index, tick) in ticks.enumerated() {
            let anchor = index == 0 ? "start" : index == ticks.count - 1 ? "end" : "middle"
            let at = x(tick)
            svg += "<line x1=\"\(f(at))\" y1=\"\(f(axisY))\" x2=\"\(f(at))\" y2=\"\(f(axisY + 4))\" stroke=\"#9aa3ae\"/>"
            svg +=
                "<text x=\"\(f(anchor == "start" ? at - dayWidth / 2 : anchor == "end" ? at + dayWidth / 2 : at))\" y=\"\(f(axisY + 14))\" text-anchor=\"\(anchor)\" fill=\"#5a6270\">\(tick)</text>\n"
        }
        svg += "</svg>"
        return svg
    }

    static func firstDay(of group: RegionGroupID, in timeline: ReferralTimeline) -> Int? {
        timeline.days.first { $0.groups.contains(group) }?.date.dayNumber
    }

    /// A coordinate with at most one decimal.
    static func f(_ value: Double) -> String { NumberFormatting.shortest(NumberFormatting.rounded(value, places: 1)) }
}
