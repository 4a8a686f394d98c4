import TriageEngine
import TriageKnowledge
import TriageModel

/// Makes the ``ReportDocument`` of a referral (SPEC §7, "the page a clinician reads at 8 am"):
/// the actions grouped by who acts with one reason block each, the examination checklist,
/// what to tell the patient and the safety net, red flags most dangerous first with their
/// first dates, medicines and stated history, then the evidence without the noise (red flags
/// not mentioned in the journal, the age line only where a consideration uses it, lifestyle
/// lines only where they mean something, no digests), labs as reported with the lab's comment,
/// other results, considerations, advice (at most six), data quality, sources once by title.
package final class ReportDocumentBuilder {
    let referral: Referral
    let labels: ReportLabels

    package convenience init(_ referral: Referral, knowledge: Knowledge) {
        self.init(referral, labels: ReportLabels.shared(knowledge))
    }

    init(_ referral: Referral, labels: ReportLabels) {
        self.referral = referral
        self.labels = labels
    }

    package func build() -> ReportDocument {
        var sources = SourceNumbers()
        let present = referral.findings.filter(\.present)
        let lost = referral.dataQuality.filter { $0.severity == .error }
        let knowledge = labels.knowledge
        let patient = [
            referral.patient.displayName, referral.patient.age.map { knowledge.phrase(.patientAge, ["age": "\($0)"]) },
            referral.patient.sex?.rawValue,
        ]
        .compactMap { $0 }.joined(separator: ", ")
        let window =
            referral.window.map {
                knowledge.phrase(
                    .window,
                    [
                        "entries": "\($0.entries) journal entr\($0.entries == 1 ? "y" : "ies")", "first": "\($0.first)",
                        "last": "\($0.last)", "asOf": "\(referral.asOf)",
                    ])
            } ?? knowledge.phrase(.noJournal, ["asOf": "\(referral.asOf)"])
        let lead = referral.recommendations.first { $0.urgency == referral.urgency }

        let actions = actionBlocks(present: present, sources: &sources)
        let page = labels.knowledge.page
        let queryMND = referral.queryMND ? (page?.words.queryMND ?? "") : ""
        if referral.queryMND, let words = page?.words { _ = sources.numbers(words.sources.map(\.name)) }
        // The safety net is never cut to fit (SPEC §6.2): the referral's own list, whole.
        let safetyNet = referral.safetyNet.map { ReportDocument.AdviceLine(text: $0.text, sources: sources.numbers($0.sources)) }
        let flags = RedFlagDanger.flags(referral, labels: labels)
        let redFlags: [ReportDocument.Line] = flags.compactMap { flag in
            guard let id = flag.finding else {
                // A lab value that is a red flag: its words and value, and the day it was taken.
                let words = flag.words.capitalizedFirst
                return .init(
                    text: flag.date.map { knowledge.phrase(.labRedFlagCollected, ["flag": words, "date": "\($0)"]) }
                        ?? knowledge.phrase(.labRedFlag, ["flag": words]), evidence: "")
            }
            guard let finding = present.first(where: { $0.id == id }) else { return nil }
            let text = labels.words(finding.summary)
            return .init(
                text: flag.possible ? knowledge.phrase(.possibleRedFlag, ["text": text]) : text,
                evidence: Self.evidence(finding.evidence, knowledge: knowledge))
        }
        let considerations = referral.considerations.map { item in
            ReportDocument.ConsiderationBlock(
                condition: item.condition, supporting: item.supporting.map(labels.words),
                opposing: item.opposing.map(labels.words), approach: item.diagnosticApproach, sources: sources.numbers(item.sources))
        }
        let advice = referral.advice.prefix(Self.adviceLimit).map {
            ReportDocument.AdviceLine(text: $0.text, sources: sources.numbers($0.sources))
        }
        let medicines = present.filter { $0.id.rawValue.hasPrefix(FindingID.medication("").rawValue) }
        let (notMentionedLabel, negatives) = negatives()

        var document = ReportDocument(
            title: knowledge.phrase(.title, ["patient": "\(referral.patient.id)"]), patientID: referral.patient.id,
            patient: patient,
            headline: referral.headline, urgency: referral.urgency, urgencyLabel: ReportLabels.urgency(referral.urgency),
            when: referral.sameDay ? knowledge.phrase(.sameDay) : (lead?.timeframe ?? ""), sameDay: referral.sameDay, window: window,
            lostRecords: lost.reduce(0) { $0 + $1.count }, lost: lost.map(\.description),
            actions: actions,
            redFlags: redFlags,
            findings: present.filter { finding in
                !labels.isRedFlag(finding.id) && Self.isEvidenceFinding(finding.id) && !medicines.contains { $0.id == finding.id }
                    && (finding.id != FindingID.alsOnsetAge || ageIsContext(finding))
            }.map { line($0) },
            negatives: negatives,
            labs: referral.labs.map(labRow),
            considerations: considerations,
            lifestyle: lifestyle(),
            advice: Array(advice),
            needsReview: referral.needsReview.map { item in
                let quoted = "\(Self.place(item.file, item.lines)): \"\(item.text)\""
                return item.count > 1 ? knowledge.phrase(.times, ["text": quoted, "count": "\(item.count)"]) : quoted
            },
            notes: referral.notes.map {
                .init(text: $0.text, evidence: "\($0.date), \(Self.fileName($0.source.file))\($0.source.line.map { ":\($0)" } ?? "")")
            },
            dataQuality: Self.mergedDataQuality(referral.dataQuality),
            sources: [],
            provenance: knowledge.phrase(
                .provenance,
                [
                    "tool": ToolInfo.name, "toolVersion": "\(referral.toolVersion)",
                    "knowledgeVersion": "\(referral.knowledgeVersion)", "asOf": "\(referral.asOf)",
                ]),
            inputs: referral.inputs.map(\.file),
            disclaimer: referral.disclaimer,
            timeline: referral.timeline,
            timelineLabs: referral.labs.map {
                .init(date: $0.collected.date, name: labels.analyteShort($0.analyte), abnormal: $0.status.isAbnormal)
            },
            timelineOnsets: referral.timeline.onsets.map {
                .init(date: $0.date, symptom: $0.symptom.rawValue, redFlag: labels.isRedFlag(FindingID.symptom($0.symptom)))
            })
        document.queryMND = queryMND
        document.phrases = page
        document.examination = examination()
        document.tellPatient = referral.tellPatient ?? ""
        document.safetyNet = safetyNet
        document.notMonitored = Self.mentionsNotMonitored(referral.disclaimer) ? "" : (page?.words.notMonitored ?? "")
        document.medicines = medicines.map { line($0) }
        document.history = referral.history.map(historyLine)
        document.appointments = appointmentNotes()
        document.notMentionedLabel = notMentionedLabel
        document.otherResults = referral.otherResults.map { result in
            .init(
                test: result.name, collected: result.collected?.date.description ?? "",
                result: result.value + (result.unit.map { " \($0)" } ?? ""), flag: result.flag, comment: result.comment ?? "")
        }
        document.sources = sources.entries.map { .init(number: $0.number, name: $0.name, title: labels.citedTitle($0.name)) }
        return document
    }

    /// Advice items a page shows at most (SPEC §6.2).
    static let adviceLimit = 6

    /// Whether the disclaimer already says the tool is not monitored in real time.
    static func mentionsNotMonitored(_ disclaimer: String) -> Bool {
        disclaimer.lowercased().contains("not monitored in real time")
    }

    /// Whether a consideration names the age line (SPEC §7: the age-band line only where a
    /// consideration uses age as context).
    func ageIsContext(_ finding: Finding) -> Bool {
        referral.considerations.contains { item in
            (item.supporting + item.opposing).contains { $0.contains(finding.summary) || finding.summary.contains($0) }
        }
    }

    /// The targeted examination, one line per what it is for, in the order first named:
    /// `Motor neuron disease: tongue wasting and fasciculation; split hand.`
    func examination() -> [String] {
        var order: [String] = []
        var items: [String: [String]] = [:]
        for item in referral.examination {
            if items[item.forWhat] == nil { order.append(item.forWhat) }
            if !(items[item.forWhat] ?? []).contains(item.item) { items[item.forWhat, default: []].append(item.item) }
        }
        return order.map { "\($0.capitalizedFirst): \(Self.joinedSentences(items[$0] ?? []))" }
    }

    /// The notes that mention a referral or an appointment (`page.json` `appointmentWords`, on
    /// word boundaries, any case), verbatim with their date and line.
    func appointmentNotes() -> [ReportDocument.Line] {
        let words = (labels.knowledge.page?.appointmentWords?.words ?? []).map { Array($0.lowercased().utf8) }
        guard !words.isEmpty else { return [] }
        return referral.notes.filter { note in
            let text = note.text.lowercased()
            return words.contains { ReportLabels.replacingWord($0, with: "\u{0}", in: text) != text }
        }.map { .init(text: $0.text, evidence: "\($0.date), \(Self.fileName($0.source.file))\($0.source.line.map { ":\($0)" } ?? "")") }
    }

    /// `Family history: motor neuron disease (first-degree): "my father had MND"`.
    func historyLine(_ item: Referral.HistoryItem) -> ReportDocument.Line {
        let knowledge = labels.knowledge
        let kind = knowledge.phrase(item.kind == .familyHistory ? .historyFamily : .historyStated)
        let text = item.firstDegree == true ? knowledge.phrase(.historyFirstDegree, ["text": item.text]) : item.text
        return .init(
            text: "\(kind): \(text)",
            evidence: "\(Self.fileName(item.source.file))\(item.source.line.map { ":\($0)" } ?? ""): \"\(item.quote)\"")
    }

    /// Data-quality items of the same problem in the same file on one line, their terms and
    /// places listed (the items come merged per problem and term).
    static func mergedDataQuality(_ items: [DataQualityItem]) -> [String] {
        var order: [String] = []
        var groups: [String: [DataQualityItem]] = [:]
        for item in items {
            let key = item.location.file + "\u{0}" + item.message
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(item)
        }
        return order.map { key in
            let group = groups[key] ?? []
            guard group.count > 1, let first = group.first else { return group.first?.description ?? "" }
            let places = group.map { item in
                let lines = item.lines.isEmpty ? (item.location.line.map { [$0] } ?? []) : item.lines
                let shown = lines.prefix(5).map(String.init).joined(separator: ", ") + (lines.count > 5 ? ", …" : "")
                let place = lines.isEmpty ? "" : " (line\(lines.count == 1 ? "" : "s") \(shown))"
                return (item.term.map { "\"\($0)\"" } ?? "") + place
            }
            return
                "\(first.location.file): \(first.message) (\(group.reduce(0) { $0 + $1.count }) times): \(places.joined(separator: ", "))"
        }
    }

    // MARK: - What to do

    /// Whether a recommendation must happen today: the same-day assessment, or a step for the
    /// emergency department of a same-day referral.
    func isSameDay(_ recommendation: Recommendation) -> Bool {
        guard referral.sameDay else { return false }
        return recommendation.test == .sameDayAssessment || recommendation.who == .emergencyDepartment
    }

    /// One block per actor (SPEC §7: grouped by who acts), the block with a step to take today
    /// first, then the most urgent, then in the rules' order (the referral's own: neurology
    /// before the blood tests of a suspected motor neuron disease); each reason stated once
    /// on the page: a red flag by name (the red flags are listed with their dates below),
    /// anything else by its sentence; a block whose reasons were all stated above says so.
    func actionBlocks(present: [Finding], sources: inout SourceNumbers) -> [ReportDocument.ActionBlock] {
        var stated: Set<FindingID> = []
        var blocks: [ReportDocument.ActionBlock] = []
        var actors: [String] = []
        for recommendation in referral.recommendations where !actors.contains(labels.actor(recommendation)) {
            actors.append(labels.actor(recommendation))
        }
        func key(_ actor: String) -> (Int, Int, Int) {
            let items = referral.recommendations.filter { labels.actor($0) == actor }
            let sameDay = items.contains(where: isSameDay) ? 0 : 1
            let urgency = -(items.compactMap { Urgency.allCases.firstIndex(of: $0.urgency) }.max() ?? 0)
            return (sameDay, urgency, referral.recommendations.firstIndex { labels.actor($0) == actor } ?? Int.max)
        }
        // Each actor's key once, not once per comparison.
        actors = actors.enumerated().map { (offset: $0.offset, actor: $0.element, key: key($0.element)) }.sorted { lhs, rhs in
            lhs.key != rhs.key ? lhs.key < rhs.key : lhs.offset < rhs.offset
        }.map(\.actor)
        for actor in actors {
            let items = referral.recommendations.filter { labels.actor($0) == actor }
            // Steps to take now before conditional ones, the most urgent first.
            let ordered = items.enumerated().sorted { lhs, rhs in
                let (left, right) = (lhs.element, rhs.element)
                if (left.when == nil) != (right.when == nil) { return left.when == nil }
                if isSameDay(left) != isSameDay(right) { return isSameDay(left) }
                if left.urgency != right.urgency { return left.urgency > right.urgency }
                return lhs.offset < rhs.offset
            }.map(\.element)
            guard let lead = ordered.first else { continue }
            var reasons: [FindingID] = []
            for id in items.flatMap(\.reasons) where !reasons.contains(id) { reasons.append(id) }
            let fresh = reasons.filter { id in !stated.contains(id) && present.contains { $0.id == id } }
            let statedBefore = reasons.contains(where: stated.contains)
            stated.formUnion(fresh)
            let flags = fresh.filter(labels.isRedFlag).map { id in
                present.first { $0.id == id }?.certainty == .possible
                    ? labels.knowledge.phrase(.possibleRedFlagWords, ["flag": labels.redFlagWords(id)]) : labels.redFlagWords(id)
            }
            var because: [String] = []
            if !flags.isEmpty { because.append(labels.knowledge.phrase(.becauseRedFlags, ["flags": flags.joined(separator: ", ")])) }
            because += fresh.filter { !labels.isRedFlag($0) }.compactMap { id in
                present.first { $0.id == id }.map { labels.words($0.summary) }
            }
            if because.isEmpty, statedBefore { because = [labels.knowledge.phrase(.asAbove)] }
            let blockBy = by(lead)
            let heading = actor.isEmpty ? blockBy.capitalizedFirst : "\(actor.capitalizedFirst): \(blockBy)"
            blocks.append(
                .init(
                    urgency: items.map(\.urgency).max() ?? lead.urgency, when: heading, sameDay: isSameDay(lead), who: actor,
                    items: ordered.map { item in
                        let itemBy = by(item)
                        return .init(
                            name: labels.testName(item), detail: labels.words(Self.detail(item, knowledge: labels.knowledge)),
                            by: item.when == nil && itemBy != blockBy ? itemBy : "", condition: item.when ?? "")
                    },
                    because: because,
                    sources: sources.numbers(items.flatMap(\.sources))))
        }
        return blocks
    }

    /// By when, in the knowledge's words: `same day` for a step today, `urgent, to be seen
    /// within 2 weeks`, `routine, a routine referral`.
    func by(_ recommendation: Recommendation) -> String {
        if isSameDay(recommendation) {
            return labels.knowledge.phrase(.sameDay) + (labels.knowledge.sameDayTimeframe.map { " (\($0))" } ?? "")
        }
        let urgency = ReportLabels.urgency(recommendation.urgency).lowercased()
        return urgency + (recommendation.timeframe.map { ", \($0)" } ?? "")
    }

    /// What the page says of a recommendation: its own detail; for lifestyle advice, which the
    /// rule spells out in full, a pointer to the advice section (the reasons say the rest). A
    /// same-day assessment keeps what every rule behind it asks for today (a critical potassium
    /// beside a patient who cannot swallow: the emergency department must read both), without
    /// the rules' ids.
    package static func detail(_ recommendation: Recommendation, knowledge: Knowledge) -> String {
        switch recommendation.test {
        case .lifestyle: knowledge.phrase(.selfCareDetail)
        case .sameDayAssessment: everyDetail(recommendation.detail)
        default: leadDetail(recommendation.detail)
        }
    }

    /// A merged recommendation's detail with each appended rule's part kept as `Also: …`
    /// (its `Also (rule, urgency): ` marker shortened).
    static func everyDetail(_ detail: String) -> String {
        var rest = Substring(detail)
        var out = ""
        while let start = rest.range(of: " Also ("), let end = rest[start.upperBound...].range(of: "): ") {
            out += rest[..<start.lowerBound] + " Also: "
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    /// A merged recommendation's own detail, without the appended details of the other rules
    /// that recommended the same test (their reasons are in the block's reasons).
    static func leadDetail(_ detail: String) -> String {
        var detail = detail
        let marker = Array(" Also (".utf8)
        let cut: Int? = detail.withUTF8 { bytes in
            guard bytes.count >= marker.count else { return nil }
            for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
                if (1..<marker.count).allSatisfy({ bytes[start + $0] == marker[$0] }) { return start }
            }
            return nil
        }
        guard let cut else { return detail }
        return String(decoding: detail.utf8.prefix(cut), as: UTF8.self)
    }

    // MARK: - Evidence

    /// Findings the evidence section lists: not the labs (the lab table shows them) and not the
    /// correlations (the lifestyle section does).
    static func isEvidenceFinding(_ id: FindingID) -> Bool {
        !id.isLab && !id.isCorrelation && id != FindingID.lifestyleChange
    }

    /// The red flags looked for and not found: the symptoms the journal never mentions on one
    /// line (its label `Not mentioned in the journal`), those the patient said were absent with
    /// their words, then the others by sentence.
    func negatives() -> (label: String, lines: [String]) {
        let absent = referral.findings.filter { !$0.present && labels.isRedFlag($0.id) }
        let symptoms = absent.filter { labels.redFlagSymptomIDs.contains($0.id) }
        // Said to be absent in the patient's own words (`no weakness`): named apart, with a quote.
        let denied = symptoms.filter { $0.evidence.contains { $0.quote != nil } }
        let unrecorded = symptoms.filter { finding in !denied.contains { $0.id == finding.id } }
        var lines: [String] = []
        var label = ""
        if !unrecorded.isEmpty {
            let words = unrecorded.map { labels.redFlagWords($0.id) }.joined(separator: ", ")
            let unread = Set(referral.needsReview.flatMap { item in item.lines.map { "\(item.file):\($0)" } }).count
            if unread > 0 {
                // SPEC §4.1: over text nobody understood, nothing can be called absent.
                lines.append(
                    labels.knowledge.phrase(unread == 1 ? .notRecognisedOne : .notRecognisedMany, ["unread": "\(unread)", "words": words]))
            } else if referral.window != nil {
                label = labels.knowledge.page?.words.notMentioned ?? ""
                lines.append(words + ".")
            }
        }
        if !denied.isEmpty {
            let flags = denied.map { finding in
                let quote = finding.evidence.first { $0.quote != nil }?.quote.map { " (\"\($0)\")" } ?? ""
                return labels.redFlagWords(finding.id) + quote
            }
            lines.append(labels.knowledge.phrase(.saidAbsent, ["flags": flags.joined(separator: ", ")]))
        }
        lines += absent.filter { !labels.redFlagSymptomIDs.contains($0.id) }.map { labels.words($0.summary) }
        return (label, lines)
    }

    func line(_ finding: Finding) -> ReportDocument.Line {
        .init(text: labels.words(finding.summary), evidence: Self.evidence(finding.evidence, knowledge: labels.knowledge))
    }

    /// `twitchlog.csv:37, 89`; free text with its part and quote: `note, journal.csv:14: "…"`.
    package static func evidence(_ items: [Evidence], knowledge: Knowledge) -> String {
        var parts: [String] = []
        var lastFile: String?
        for item in items.prefix(3) {
            let file = fileName(item.file)
            var text = ""
            if let field = item.field, let quote = item.quote {
                text = "\(field), \(file)\(item.line.map { ":\($0)" } ?? ""): \"\(quote)\""
                if item.approximate { text = knowledge.phrase(.evidenceApproximate, ["evidence": text]) }
            } else if file == lastFile, let line = item.line {
                text = "\(line)"
            } else {
                text = file + (item.line.map { ":\($0)" } ?? "")
            }
            lastFile = file
            parts.append(text)
        }
        if items.count > 3 { parts.append("…") }
        return parts.joined(separator: ", ")
    }

    /// The file's last path component (the provenance lists the whole paths).
    package static func fileName(_ path: String) -> String {
        // The part after the last `/` (as `split(separator: "/").last`, which skips empty
        // parts: a path ending in `/` goes the slower way).
        guard path.utf8.last != 0x2F else { return path.split(separator: "/").last.map(String.init) ?? path }
        guard let slash = path.utf8.lastIndex(of: 0x2F) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// `journal.csv line 7`, `journal.csv lines 7, 9`.
    static func place(_ file: String, _ lines: [Int]) -> String {
        guard !lines.isEmpty else { return fileName(file) }
        return "\(fileName(file)) line\(lines.count == 1 ? "" : "s") \(lines.map(String.init).joined(separator: ", "))"
    }

    func labRow(_ lab: LabResult) -> ReportDocument.LabRow {
        var result = "\(lab.reported.value.reportedText) \(lab.reported.unit)"
        if lab.reported.unit != lab.canonical.unit {
            result += " (\(lab.canonical.value.description) \(lab.canonical.unit))"
        }
        var reference = ""
        if let range = lab.reportedReference ?? lab.reference {
            reference =
                range.origin == .knowledgeDefault
                ? labels.knowledge.phrase(.labDefaultRange, ["range": Self.range(range)]) : Self.range(range)
        }
        var status = lab.status.rawValue.replacingDashes
        if lab.stale { status = labels.knowledge.phrase(.labStale, ["status": status]) }
        if lab.status == .unreliable {
            status =
                lab.unreliableBecause.map { labels.knowledge.phrase(.labUnreliableRepeatBecause, ["why": $0]) }
                ?? labels.knowledge.phrase(.labUnreliableRepeat)
        }
        return .init(
            test: labels.analyteLabel(lab.analyte), collected: lab.collected.date.description, result: result,
            reference: reference, status: status, abnormal: lab.status.isAbnormal || lab.status == .unreliable,
            comment: lab.comment ?? "")
    }

    /// `1.7-2.2 mg/dL`, `< 5 mIU/L`, `> 30 nmol/L`.
    static func range(_ range: LabResult.ReferenceRange) -> String {
        switch (range.low, range.high) {
        case (let low?, let high?): "\(NumberFormatting.shortest(low))-\(NumberFormatting.shortest(high)) \(range.unit)"
        case (nil, let high?): "< \(NumberFormatting.shortest(high)) \(range.unit)"
        case (let low?, nil): "> \(NumberFormatting.shortest(low)) \(range.unit)"
        case (nil, nil): ""
        }
    }

    /// The correlations that mean something for this patient (SPEC §6.3, §7): enough days on
    /// each side and more twitching with the exposure; then the lifestyle change with its units.
    func lifestyle() -> [String] {
        func means(_ item: Referral.LifestyleCorrelation) -> String {
            // The referral carries the factor's key (its JSON value); the page says its words.
            let factor = LifestyleAnalysis.Factor(rawValue: item.factor)?.name(labels.knowledge) ?? item.factor
            return labels.knowledge.phrase(
                .correlationMeans,
                [
                    "factor": factor, "exposedMean": Format.one(item.exposedMean),
                    "exposedDays": "\(item.exposedDays) day\(item.exposedDays == 1 ? "" : "s")",
                    "unexposedMean": Format.one(item.unexposedMean),
                    "unexposedDays": "\(item.unexposedDays)",
                ])
        }
        var lines: [String] = []
        let linked = referral.correlations.filter { $0.comparable && $0.linked && $0.exposedMean > $0.unexposedMean }
        if !linked.isEmpty {
            lines.append(labels.knowledge.phrase(.moreTwitchingWith, ["factors": linked.map(means).joined(separator: "; ")]))
        }
        if let change = referral.findings.first(where: { $0.id == FindingID.lifestyleChange && $0.present }) {
            lines.append(change.summary)
        }
        if let phone = referral.phone { lines += Self.phoneLines(phone, knowledge: labels.knowledge) }
        return lines
    }

    /// Where the phone export's values went (SPEC §3.9: the report says where each value came
    /// from): per column, the days it filled with their lines in the export (the first three,
    /// then how many more); the phone-only days; the mindful minutes.
    static func phoneLines(_ phone: Referral.PhoneLifestyle, knowledge: Knowledge) -> [String] {
        var lines: [String] = []
        let files = phone.files.joined(separator: ", ")
        var parts: [String] = []
        for column in Lifestyle.Column.allCases {
            let values = phone.values.filter { $0.column == column }
            guard !values.isEmpty else { continue }
            let shown = values.prefix(3).map { value in
                let on = knowledge.phrase(.phoneValueOn, ["value": value.text, "date": "\(value.date)"])
                return value.source.line.map { knowledge.phrase(.phoneValueLine, ["value": on, "line": "\($0)"]) } ?? on
            }
            let listed = shown.joined(separator: ", ")
            let more =
                values.count > 3
                ? knowledge.phrase(
                    .phoneMoreDays, ["values": listed, "more": "\(values.count - 3) more day\(values.count == 4 ? "" : "s")"]) : listed
            parts.append("\(column.rawValue) \(more)")
        }
        if parts.isEmpty {
            lines.append(knowledge.phrase(.phoneNoValue, ["files": files]))
        } else {
            lines.append(knowledge.phrase(.phoneValues, ["files": files, "parts": parts.joined(separator: "; ")]))
        }
        if phone.phoneOnlyDays > 0 {
            let days = phone.phoneOnlyDays == 1 ? "1 day" : "\(phone.phoneOnlyDays) days"
            lines.append(knowledge.phrase(.phoneOnlyDays, ["days": days]))
        }
        if phone.mindfulDays > 0 {
            let days = phone.mindfulDays == 1 ? "1 day" : "\(phone.mindfulDays) days"
            lines.append(
                knowledge.phrase(
                    .mindful,
                    [
                        "minutes": NumberFormatting.shortest(NumberFormatting.rounded(phone.mindfulMinutes, places: 0)),
                        "days": days,
                    ]))
        }
        return lines
    }
}

extension ReportDocumentBuilder {
    /// `a; b; c.`: sentences joined, each one's full stop dropped, one at the end.
    static func joinedSentences(_ items: [String]) -> String {
        items.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.joined(separator: "; ") + "."
    }
}

/// Numbers the sources of a page in the order they are first cited, each once.
struct SourceNumbers {
    private(set) var entries: [(number: Int, name: String)] = []

    /// The numbers of `names`, sorted, new names numbered next.
    mutating func numbers(_ names: [String]) -> [Int] {
        var result: Set<Int> = []
        for name in names {
            if let entry = entries.first(where: { $0.name == name }) {
                result.insert(entry.number)
            } else {
                entries.append((entries.count + 1, name))
                result.insert(entries.count)
            }
        }
        return result.sorted()
    }
}

extension String {
    /// `progressive weakness` for `progressive-weakness`.
    var replacingDashes: String { String(map { $0 == "-" ? " " : $0 }) }
}

extension ReportDocumentBuilder {
    /// `3 records skipped, so the findings below leave them out:` (the warning above a page whose
    /// data was partly lost), in the page's phrase.
    static func lostSkipped(_ page: ReportDocument) -> String {
        page.phrase(.lostSkipped, ["records": "\(page.lostRecords) record\(page.lostRecords == 1 ? "" : "s")"])
    }
}

extension String {
    /// The string with its first letter lower-cased: `no problems` for `No problems`.
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
