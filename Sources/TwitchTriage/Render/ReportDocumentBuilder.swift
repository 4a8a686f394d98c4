/// Makes the ``ReportDocument`` of a referral (SPEC §7, "the page a clinician reads at 7 am"):
/// the actions with one reason block each, red flags with their first dates, pertinent
/// negatives only, labs as reported, considerations, lifestyle with units, advice to pass on
/// without the moot items, data quality, sources once.
struct ReportDocumentBuilder {
    let referral: Referral
    let labels: ReportLabels

    init(_ referral: Referral, knowledge: Knowledge) {
        self.init(referral, labels: ReportLabels.shared(knowledge))
    }

    init(_ referral: Referral, labels: ReportLabels) {
        self.referral = referral
        self.labels = labels
    }


    func build() -> ReportDocument {
        var sources = SourceNumbers()
        let present = referral.findings.filter(\.present)
        let lost = referral.dataQuality.filter { $0.severity == .error }
        let patient = [referral.patient.displayName, referral.patient.age.map { "age \($0)" }, referral.patient.sex?.rawValue]
            .compactMap { $0 }.joined(separator: ", ")
        let window = referral.window.map {
            "\($0.entries) journal entr\($0.entries == 1 ? "y" : "ies"), \($0.first) to \($0.last); as of \(referral.asOf)"
        } ?? "No journal; as of \(referral.asOf)"
        let lead = referral.recommendations.first { $0.urgency == referral.urgency }

        let actions = actionBlocks(present: present, sources: &sources)
        let considerations = referral.considerations.map { item in
            ReportDocument.ConsiderationBlock(condition: item.condition, supporting: item.supporting.map(labels.words),
                                              opposing: item.opposing.map(labels.words), approach: item.diagnosticApproach, sources: sources.numbers(item.sources))
        }
        let advice = adviceToPassOn().map { ReportDocument.AdviceLine(text: $0.text, sources: sources.numbers($0.sources)) }

        return ReportDocument(
            title: "Referral summary: \(referral.patient.id)", patientID: referral.patient.id, patient: patient,
            headline: referral.headline, urgency: referral.urgency, urgencyLabel: ReportLabels.urgency(referral.urgency),
            when: referral.sameDay ? "same day" : (lead?.timeframe ?? ""), sameDay: referral.sameDay, window: window,
            lostRecords: lost.reduce(0) { $0 + $1.count }, lost: lost.map(\.description),
            actions: actions,
            redFlags: present.filter { labels.isRedFlag($0.id) }.map { line($0) },
            findings: present.filter { !labels.isRedFlag($0.id) && Self.isEvidenceFinding($0.id) }.map { line($0) },
            negatives: negatives(),
            labs: referral.labs.map(labRow),
            considerations: considerations,
            lifestyle: lifestyle(),
            advice: advice,
            needsReview: referral.needsReview.map { item in
                "\(Self.place(item.file, item.lines)): \"\(item.text)\"\(item.count > 1 ? " (\(item.count) times)" : "")"
            },
            notes: referral.notes.map { .init(text: $0.text, evidence: "\($0.date), \(Self.fileName($0.source.file))\($0.source.line.map { ":\($0)" } ?? "")") },
            dataQuality: referral.dataQuality.map(\.description),
            sources: sources.entries.map { .init(number: $0.number, name: $0.name, title: labels.sourceTitle($0.name)) },
            provenance: "\(ToolInfo.name) \(referral.toolVersion), knowledge \(referral.knowledgeVersion), as of \(referral.asOf)",
            inputs: referral.inputs.map { "\($0.file) sha256 \($0.sha256)" },
            disclaimer: referral.disclaimer,
            timeline: referral.timeline,
            timelineLabs: referral.labs.map { .init(date: $0.collected.date, name: labels.analyteShort($0.analyte), abnormal: $0.status.isAbnormal) },
            timelineOnsets: referral.timeline.onsets.map {
                .init(date: $0.date, symptom: $0.symptom, redFlag: labels.isRedFlag(FindingID.symptom($0.symptom)))
            })
    }

    // MARK: - What to do

    /// One block per urgency (same day first), each reason stated once on the page: a red flag
    /// by name (the red flags are listed with their dates just below), anything else by its
    /// sentence; a block whose reasons were all stated above says so.
    func actionBlocks(present: [Finding], sources: inout SourceNumbers) -> [ReportDocument.ActionBlock] {
        var stated: Set<FindingID> = []
        var blocks: [ReportDocument.ActionBlock] = []
        let sameDayTests: Set<Recommendation.Test> = [.sameDayAssessment]
        let groups: [(Bool, Urgency)] = (referral.sameDay ? [(true, Urgency.urgent)] : []) + Urgency.allCases.reversed().map { (false, $0) }
        for (sameDay, urgency) in groups {
            let items = referral.recommendations.filter {
                $0.urgency == urgency && (!referral.sameDay || sameDayTests.contains($0.test) == sameDay)
            }
            guard !items.isEmpty else { continue }
            var reasons: [FindingID] = []
            for id in items.flatMap(\.reasons) where !reasons.contains(id) { reasons.append(id) }
            let fresh = reasons.filter { id in !stated.contains(id) && present.contains { $0.id == id } }
            stated.formUnion(fresh)
            let flags = fresh.filter(labels.isRedFlag).map(labels.redFlagWords)
            var because: [String] = []
            if !flags.isEmpty { because.append("Red flags: \(flags.joined(separator: ", ")).") }
            because += fresh.filter { !labels.isRedFlag($0) }.compactMap { id in present.first { $0.id == id }.map { labels.words($0.summary) } }
            if because.isEmpty, !reasons.isEmpty { because = ["As above."] }
            let timeframe = items.compactMap(\.timeframe).first
            let when = sameDay ? "Same day" : ReportLabels.urgency(urgency) + (timeframe.map { ": \($0)" } ?? "")
            blocks.append(.init(urgency: urgency, when: when, sameDay: sameDay,
                                items: items.map { .init(name: labels.testName($0), detail: labels.words(Self.detail($0))) },
                                because: because,
                                sources: sources.numbers(items.flatMap(\.sources))))
        }
        return blocks
    }

    /// What the page says of a recommendation: its own detail; for lifestyle advice, which the
    /// rule spells out in full, a pointer to the advice section (the reasons say the rest).
    static func detail(_ recommendation: Recommendation) -> String {
        recommendation.test == .lifestyle
            ? "Self-care: pass on the advice below, with when to come back."
            : leadDetail(recommendation.detail)
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

    /// The red flags looked for and not found: symptoms on one line, the others by sentence.
    func negatives() -> [String] {
        let absent = referral.findings.filter { !$0.present && labels.isRedFlag($0.id) }
        let symptoms = absent.filter { labels.redFlagSymptomIDs.contains($0.id) }
        // Said to be absent in the patient's own words (`no weakness`): named apart, with a quote.
        let denied = symptoms.filter { $0.evidence.contains { $0.quote != nil } }
        let unrecorded = symptoms.filter { finding in !denied.contains { $0.id == finding.id } }
        var lines: [String] = []
        if !unrecorded.isEmpty {
            let entries = referral.window.map { " in \($0.entries) journal entr\($0.entries == 1 ? "y" : "ies")" } ?? ""
            let words = unrecorded.map { labels.redFlagWords($0.id) }.joined(separator: ", ")
            let unread = Set(referral.needsReview.flatMap { item in item.lines.map { "\(item.file):\($0)" } }).count
            if unread > 0 {
                // SPEC §4.1: over text nobody understood, nothing can be called absent.
                lines.append("Not recognised\(entries), and \(unread) entr\(unread == 1 ? "y holds" : "ies hold") symptom text that was not understood (see needs review): \(words).")
            } else {
                lines.append("Not recorded\(entries): \(words).")
            }
        }
        if !denied.isEmpty {
            lines.append("Said to be absent in the journal: " + denied.map { finding in
                let quote = finding.evidence.first { $0.quote != nil }?.quote.map { " (\"\($0)\")" } ?? ""
                return labels.redFlagWords(finding.id) + quote
            }.joined(separator: ", ") + ".")
        }
        lines += absent.filter { !labels.redFlagSymptomIDs.contains($0.id) }.map { labels.words($0.summary) }
        return lines
    }

    func line(_ finding: Finding) -> ReportDocument.Line {
        .init(text: labels.words(finding.summary), evidence: Self.evidence(finding.evidence))
    }

    /// `twitchlog.csv:37, 89`; free text with its part and quote: `note, journal.csv:14: "…"`.
    static func evidence(_ items: [Evidence]) -> String {
        var parts: [String] = []
        var lastFile: String?
        for item in items.prefix(3) {
            let file = fileName(item.file)
            var text = ""
            if let field = item.field, let quote = item.quote {
                text = "\(field), \(file)\(item.line.map { ":\($0)" } ?? ""): \"\(quote)\"\(item.approximate ? " (approximate match)" : "")"
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
    static func fileName(_ path: String) -> String {
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
            reference = Self.range(range) + (range.origin == .knowledgeDefault ? " (default range)" : "")
        }
        let status = lab.status.rawValue.replacingDashes + (lab.stale ? ", stale" : "")
        return .init(test: labels.analyteLabel(lab.analyte), collected: lab.collected.date.description, result: result,
                     reference: reference, status: status, abnormal: lab.status.isAbnormal)
    }

    /// `1.7-2.2 mg/dL`, `< 5 mIU/L`, `> 30 nmol/L`.
    static func range(_ range: LabResult.ReferenceRange) -> String {
        switch (range.low, range.high) {
        case let (low?, high?): "\(NumberFormatting.shortest(low))-\(NumberFormatting.shortest(high)) \(range.unit)"
        case let (nil, high?): "< \(NumberFormatting.shortest(high)) \(range.unit)"
        case let (low?, nil): "> \(NumberFormatting.shortest(low)) \(range.unit)"
        case (nil, nil): ""
        }
    }

    /// The correlations, linked ones first, one line per verdict; then the lifestyle change
    /// with its units.
    func lifestyle() -> [String] {
        func means(_ item: Referral.LifestyleCorrelation) -> String {
            "\(item.factor) (\(Format.one(item.exposedMean)) twitches a day on \(item.exposedDays) day\(item.exposedDays == 1 ? "" : "s") with it, \(Format.one(item.unexposedMean)) on \(item.unexposedDays) without)"
        }
        var lines: [String] = []
        let verdicts: [(String, (Referral.LifestyleCorrelation) -> Bool)] = [
            ("Linked to the twitching", { $0.comparable && $0.linked }),
            ("No clear link", { $0.comparable && !$0.linked }),
            ("Too few days to compare", { !$0.comparable }),
        ]
        for (verdict, matches) in verdicts {
            let items = referral.correlations.filter(matches)
            if !items.isEmpty { lines.append("\(verdict): \(items.map(means).joined(separator: "; ")).") }
        }
        if let change = referral.findings.first(where: { $0.id == FindingID.lifestyleChange && $0.present }) {
            lines.append(change.summary)
        }
        if let phone = referral.phone { lines += Self.phoneLines(phone) }
        return lines
    }

    /// Where the phone export's values went (SPEC §3.9: the report says where each value came
    /// from): per column, the days it filled with their lines in the export (the first three,
    /// then how many more); the phone-only days; the mindful minutes.
    static func phoneLines(_ phone: Referral.PhoneLifestyle) -> [String] {
        var lines: [String] = []
        let files = phone.files.joined(separator: ", ")
        var parts: [String] = []
        for column in Lifestyle.Column.allCases {
            let values = phone.values.filter { $0.column == column }
            guard !values.isEmpty else { continue }
            let shown = values.prefix(3).map { value in
                "\(value.text) on \(value.date)\(value.source.line.map { " (line \($0))" } ?? "")"
            }
            let more = values.count > 3 ? " and \(values.count - 3) more day\(values.count == 4 ? "" : "s")" : ""
            parts.append("\(column.rawValue) \(shown.joined(separator: ", "))\(more)")
        }
        if parts.isEmpty {
            lines.append("From the phone export (Apple Health, \(files)): no value used; the journal had every day's values, or the phone none for the journal's days.")
        } else {
            lines.append("From the phone export (Apple Health, \(files)), where the journal left the day's value empty (the journal's own values kept): \(parts.joined(separator: "; ")).")
        }
        if phone.phoneOnlyDays > 0 {
            let days = phone.phoneOnlyDays == 1 ? "1 day" : "\(phone.phoneOnlyDays) days"
            lines.append("\(days) with phone data and no journal entry: not compared with the twitching (no twitch count), never counted as days without twitching.")
        }
        if phone.mindfulDays > 0 {
            let days = phone.mindfulDays == 1 ? "1 day" : "\(phone.mindfulDays) days"
            lines.append("Mindful sessions (phone export): \(NumberFormatting.shortest(NumberFormatting.rounded(phone.mindfulMinutes, places: 0))) min over \(days); shown only, not compared with the twitching.")
        }
        return lines
    }

    /// The advice (at most six, already tailored) and the safety net (escalated where the
    /// patient already has the sign, never dropped), in that order.
    func adviceToPassOn() -> [Referral.AdviceItem] {
        referral.advice + referral.safetyNet
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

    /// `Caffeine` for `caffeine`.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
