import TriageKnowledge
import TriageModel

/// Writes the findings list: one sentence each, present or absent, with evidence.
struct FindingWriter {
    package let knowledge: Knowledge
    let entries: Int
    private(set) var findings: [Finding] = []

    init(knowledge: Knowledge, entries: Int) {
        self.knowledge = knowledge
        self.entries = entries
    }

    private var inEntries: String { "in \(entries) journal entr\(entries == 1 ? "y" : "ies")" }

    private mutating func add(_ id: FindingID, _ present: Bool, _ summary: String, _ evidence: [Evidence] = []) {
        findings.append(Finding(id: id, present: present, summary: summary, evidence: Array(Set(evidence)).sorted()))
    }

    mutating func course(_ course: TwitchCourse) {
        if let first = course.firstTwitchDay, let last = course.lastTwitchDay {
            add(FindingID.twitchSpan, true,
                "Twitching on \(course.twitchDays) of \(course.journalDays) journal days over a span of \(course.spanDays) day\(course.spanDays == 1 ? "" : "s") (\(first) to \(last)).",
                course.groups.prefix(1).map(\.evidence))
        } else {
            add(FindingID.twitchSpan, false, "No twitching recorded \(inEntries).")
        }
        let window = Int(knowledge.threshold(Threshold.Key.trendWindowDays))
        let means: String
        if let before = course.firstWindowMean, let after = course.lastWindowMean {
            means = "\(Format.one(before)) twitches a day in the first \(window) days, \(Format.one(after)) in the last \(window)"
        } else {
            means = "the span is shorter than \(2 * window) days or counts are missing, so the trend cannot be told"
        }
        let rising = "at least \(NumberFormatting.shortest(knowledge.threshold(Threshold.Key.risingMinRatio))) times and \(NumberFormatting.shortest(knowledge.threshold(Threshold.Key.risingMinDifference))) a day above the first"
        switch course.trend {
        case .improving:
            add(FindingID.improving, true, "Improving: \(means).")
            add(FindingID.worsening, false, "Not worsening: \(means).")
        case .worsening:
            add(FindingID.improving, false, "Not improving: \(means).")
            add(FindingID.worsening, true, "Worsening (\(rising)): \(means).")
        case .stable:
            add(FindingID.improving, false, "Not improving: \(means).")
            add(FindingID.worsening, false, "Not worsening (rising needs \(rising)): \(means).")
        case .unknown:
            add(FindingID.improving, false, "Improvement unknown: \(means).")
        }
        let groups = course.groups.map { "\($0.group) from \($0.firstSeen)" }.joined(separator: ", ")
        let afterDays = Int(knowledge.threshold(Threshold.Key.spreadingAfterDays))
        let firstDays = "the first \(afterDays) day\(afterDays == 1 ? "" : "s")"
        if course.spreads {
            var parts = course.newGroupsAfterFirstWeek.map { "new region group \($0.group) (\($0.regions.joined(separator: ", "))) from \($0.firstSeen)" }
            parts += course.newRegionsWithinGroupAfterFirstWeek.map { "\($0.regions.joined(separator: ", ")) (within \($0.group)) from \($0.firstSeen)" }
            add(FindingID.spreading, true, "Spreading after \(firstDays): \(parts.joined(separator: "; ")).",
                course.groups.map(\.evidence) + course.newRegionsWithinGroupAfterFirstWeek.map(\.evidence))
        } else if course.firstWeekGroups.count > 1 {
            add(FindingID.spreading, false,
                "No spreading: twitching in \(course.firstWeekGroups.count) region groups within \(firstDays) (\(groups)); a later new spot is migration, not spread from one area.",
                course.groups.map(\.evidence))
        } else {
            add(FindingID.spreading, false,
                course.groups.isEmpty ? "No body region recorded." : "No new region after \(firstDays) (\(groups)).",
                course.groups.map(\.evidence))
        }
        add(FindingID.multipleRegionGroups, course.groups.count > 1,
            course.groups.count > 1 ? "Twitching in \(course.groups.count) region groups: \(groups)."
                : course.groups.isEmpty ? "No region recorded." : "Twitching in one region group: \(groups).",
            course.groups.map(\.evidence))
        if course.atRestKnownEntries > 0 {
            let share = Double(course.atRestEntries) / Double(course.atRestKnownEntries)
            add(FindingID.atRest, share >= knowledge.threshold(Threshold.Key.atRestMinShare),
                "At rest in \(course.atRestEntries) of \(course.atRestKnownEntries) entries that say (\(Format.percent(share))).")
        } else {
            add(FindingID.atRest, false, "No entry says whether twitching was at rest.")
        }
        let face = knowledge.rules.regions(RegionSetID.face)
        let faceRegions = course.regionFirstSeen.keys.filter { face.contains($0) }.sorted()
        if let eyelid = course.regionFirstSeen[RegionID.eyelid], !faceRegions.isEmpty {
            let spread = faceRegions.map { "\($0) from \(course.regionFirstSeen[$0]!)" }.joined(separator: ", ")
            add(FindingID.eyelidFacialSpread, true, "Eyelid twitching from \(eyelid) with twitching elsewhere on the face: \(spread).")
        } else if let eyelid = course.regionFirstSeen[RegionID.eyelid] {
            add(FindingID.eyelidFacialSpread, false, "Eyelid twitching from \(eyelid), limited to the eyelid.")
        }
        if let note = course.durationNote {
            add(FindingID.durationFromNotes, true,
                "A note says \"\(note.phrase)\": twitching for at least \(course.durationAtLeastDays) days, longer than the journal's \(course.spanDays)-day span.",
                [note.evidence])
        }
    }

    mutating func triggers(_ triggers: [PatientFindings.TriggerNamed], twitchDays: Int) {
        guard !triggers.isEmpty else { return }
        add(FindingID.triggersNamed, true,
            "Triggers named on twitch days: " + triggers.map { "\($0.trigger) (\($0.days) of \(twitchDays))" }.joined(separator: ", ") + ".")
    }

    mutating func concerns(_ concerns: [PatientFindings.Concern]) {
        for concern in concerns {
            let name = knowledge.condition(concern.condition)?.name ?? concern.condition.rawValue
            add(FindingID.concern(concern.condition), true,
                "The patient's notes name \(name) as a worry in \(concern.entries) entr\(concern.entries == 1 ? "y" : "ies") (a fear, not a finding): \"\(concern.quote)\".",
                concern.evidence)
        }
    }

    mutating func symptoms(_ history: SymptomHistory, journal: [JournalEntry]) {
        for symptom in knowledge.vocabulary.symptoms {
            let id = FindingID.symptom(symptom.id)
            if let seen = history.symptoms[symptom.id] {
                let possible = seen.certainty == .possible
                var summary = possible
                    ? "Possible \(symptom.id) (written with doubt) in \(seen.entries) entr\(seen.entries == 1 ? "y" : "ies"), first on \(seen.firstSeen)"
                    : "\(symptom.id.rawValue.capitalizedFirst) recorded in \(seen.entries) entr\(seen.entries == 1 ? "y" : "ies"), first on \(seen.firstSeen)"
                if symptom.id == SymptomID.weakness, let max = history.maxWeakness {
                    summary += "; highest score \(max) of 3"
                }
                if possible, let quote = seen.evidence.first?.quote { summary += ": possible, \"\(quote)\"" }
                add(id, true, summary + ".", seen.evidence)
                findings[findings.count - 1].certainty = seen.certainty
            } else if history.unreadEntries > 0 {
                let unread = history.unreadEntries
                add(id, false, "\(symptom.id.rawValue.capitalizedFirst) not recognised in \(entries) journal entr\(entries == 1 ? "y" : "ies"); \(unread) entr\(unread == 1 ? "y holds" : "ies hold") symptom text that was not understood.")
            } else if let denied = history.denied[symptom.id] {
                add(id, false, "No \(symptom.id): the journal says so in \(denied.entries) entr\(denied.entries == 1 ? "y" : "ies"), first on \(denied.firstSeen).", denied.evidence)
            } else {
                add(id, false, "No \(symptom.id) recorded \(inEntries).")
            }
        }
        // Symptoms written about but not had. Disease names are left to the concern findings.
        let context = journal.flatMap { entry in
            entry.context.filter { ![.diseaseName, .statedDiagnosis, .familyHistory].contains($0.reason) }.map { (entry, $0) }
        }
        if !context.isEmpty {
            var parts: [String] = []
            let labels: [(JournalEntry.ContextMention.Reason, String)] =
                [(.otherPerson, "someone else's"), (.hypothetical, "feared or asked about"), (.historical, "over, not present")]
            for (reason, label) in labels {
                let concepts = Array(Set(context.filter { $0.1.reason == reason }.map(\.1.concept))).sorted()
                guard !concepts.isEmpty else { continue }
                parts.append("\(label): \(concepts.joined(separator: ", "))")
            }
            let evidence = context.prefix(3).map { entry, mention in
                var item = Evidence(entry.source, date: entry.date)
                item.field = mention.field
                item.quote = mention.quote
                return item
            }
            add(FindingID.contextMentions, true,
                "Written about, not the patient's own finding (\(parts.joined(separator: "; "))), in \(Set(context.map { $0.0.source }).count) entr\(Set(context.map { $0.0.source }).count == 1 ? "y" : "ies").",
                evidence)
        }
        if history.unreadEntries > 0 {
            let texts = UnreadSymptomText.items(journal)
            let quoted = texts.map { "\"\($0.text)\" (\($0.count))" }.joined(separator: ", ")
            add(FindingID.unreadSymptomText, true,
                "Symptom text not understood in \(history.unreadEntries) entr\(history.unreadEntries == 1 ? "y" : "ies"): \(quoted).",
                texts.map { Evidence(file: $0.file, line: $0.lines.first, date: nil) })
        }
        if let first = history.firstWeakness, let latest = history.latestWeakness, history.progressiveWeakness {
            add(FindingID.progressiveWeakness, true,
                "Progressive weakness: score \(first.score) on \(first.evidence.date.map(String.init(describing:)) ?? "?") rising to \(latest.score) on \(latest.evidence.date.map(String.init(describing:)) ?? "?").",
                [first.evidence, latest.evidence])
        } else if let first = history.firstWeakness, let latest = history.latestWeakness {
            add(FindingID.progressiveWeakness, false,
                "Weakness not progressive: score \(first.score) at first, \(latest.score) latest.", [first.evidence, latest.evidence])
        } else {
            add(FindingID.progressiveWeakness, false, "No weakness score recorded \(inEntries).")
        }
    }

    package mutating func lifestyle(_ analysis: LifestyleAnalysis, course: TwitchCourse) {
        for correlation in analysis.correlations {
            let id = FindingID.correlation(correlation.factor)
            var means = "\(Format.one(correlation.exposedMean)) twitches a day on \(correlation.exposedDays) \(correlation.factor.rawValue) day\(correlation.exposedDays == 1 ? "" : "s") against \(Format.one(correlation.unexposedMean)) on \(correlation.unexposedDays) other day\(correlation.unexposedDays == 1 ? "" : "s")"
            let phone = correlation.phoneEvidence.count
            if phone > 0, let column = correlation.factor.column {
                means += " (\(column.rawValue) on \(phone) of these days from the phone export)"
            }
            if correlation.comparable {
                let ratio = NumberFormatting.shortest(knowledge.threshold(.correlationMinRatio))
                add(id, correlation.linked,
                    (correlation.linked ? "Twitching linked to \(correlation.factor.rawValue): "
                        : "No clear link to \(correlation.factor.rawValue) (less than \(ratio) times): ") + means + ".",
                    correlation.phoneEvidence)
            } else {
                let minimum = Int(knowledge.threshold(Threshold.Key.correlationMinDays))
                add(id, false, "Too few days to compare \(correlation.factor.rawValue) (at least \(minimum) each side needed): \(means).",
                    correlation.phoneEvidence)
            }
        }
        if analysis.changes.isEmpty {
            add(FindingID.lifestyleChange, false,
                "No lifestyle exposure cut to \(Format.percent(knowledge.threshold(Threshold.Key.lifestyleCutRatio))) or less between the first and the last \(Int(knowledge.threshold(Threshold.Key.trendWindowDays))) days.")
        } else {
            let cuts = analysis.changes.map { "\($0.factor.rawValue) from \($0.factor.amount($0.before)) to \($0.factor.amount($0.after))" }
            let improved = analysis.changes.contains(where: \.twitchingImproved)
            add(FindingID.lifestyleChange, true,
                "Lifestyle change: \(cuts.joined(separator: ", ")) a day; twitching \(improved ? "improved" : "did not improve").")
        }
    }

    mutating func medications(_ uses: [PatientFindings.MedicationUse]) {
        for medicationClass in knowledge.vocabulary.medicationClasses {
            let id = FindingID.medication(medicationClass.id)
            if let use = uses.first(where: { $0.medicationClass == medicationClass.id }) {
                add(id, true, "Takes \(use.drugs.joined(separator: ", ")) (\(medicationClass.label)), which the articles link to twitching.",
                    use.evidence)
            }
        }
        if uses.isEmpty {
            add(FindingID.medications, false, "No medication linked to twitching recorded \(inEntries).")
        }
    }

    mutating func labs(_ panel: LabPanel, asOf: LocalDate) {
        for standing in panel.standings {
            let id = FindingID.lab(standing.analyte)
            let label = knowledge.analyte(id: standing.analyte)?.label ?? standing.analyte.rawValue
            guard let lab = standing.latest else {
                add(id, false, "No \(label) result.")
                continue
            }
            let value = "\(lab.canonical.value) \(lab.canonical.unit) on \(lab.collected.date)"
            var stale = lab.stale ? " (stale: older than \(Int(knowledge.threshold(Threshold.Key.staleLabDays))) days)" : ""
            if let because = lab.unreliableBecause { stale += " (specimen \(because): repeat the sample)" }
            add(id, lab.status.isAbnormal, "\(label) \(lab.status.rawValue): \(value)\(stale).",
                [Evidence(lab.source, date: lab.collected.date)])
        }
        let gaps = panel.coreGaps
        if gaps.isEmpty {
            add(FindingID.coreLabsGap, false, "Every core analyte has a result within \(Int(knowledge.threshold(Threshold.Key.staleLabDays))) days.")
        } else {
            let missing = gaps.filter(\.missing).map(\.analyte.rawValue)
            let stale = gaps.filter(\.stale).map(\.analyte.rawValue)
            var parts: [String] = []
            if !missing.isEmpty { parts.append("missing: \(missing.joined(separator: ", "))") }
            if !stale.isEmpty { parts.append("stale: \(stale.joined(separator: ", "))") }
            let unreliable = gaps.filter { !$0.missing && !$0.stale && $0.unreliable }.map(\.analyte.rawValue)
            if !unreliable.isEmpty { parts.append("unreliable: \(unreliable.joined(separator: ", "))") }
            add(FindingID.coreLabsGap, true, "Core lab panel incomplete (\(parts.joined(separator: "; "))).",
                gaps.compactMap { $0.latest.map { Evidence($0.source, date: $0.collected.date) } })
        }
    }

    mutating func age(_ age: Int?) {
        let low = Int(knowledge.threshold(Threshold.Key.alsOnsetAgeMin))
        let high = Int(knowledge.threshold(Threshold.Key.alsOnsetAgeMax))
        guard let age else {
            add(FindingID.alsOnsetAge, false, "Age not recorded.")
            return
        }
        let inRange = (low...high).contains(age)
        add(FindingID.alsOnsetAge, inRange,
            "Age \(age), \(inRange ? "within" : "outside") the usual ALS onset range \(low)-\(high).")
    }
}

/// Number formatting for sentences.
package enum Format {
    /// One decimal: `8.1`, `2.0`.
    package static func one(_ value: Double) -> String {
        let rounded = NumberFormatting.rounded(value, places: 1)
        let text = NumberFormatting.shortest(rounded)
        return text.contains(".") ? text : text + ".0"
    }

    /// A whole percentage: `67%`.
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}

extension String {
    /// The string with its first letter upper-cased: `Caffeine` for `caffeine`.
    package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
