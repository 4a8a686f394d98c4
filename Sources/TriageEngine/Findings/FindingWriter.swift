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

    /// `in 3 journal entries`.
    private var inEntries: String { sentence(.inEntries, ["count": String(entries), "entries": Self.entryNoun(entries)]) }

    /// Finding sentence `id` of the knowledge with its `{placeholders}` filled.
    private func sentence(_ id: FindingSentenceID, _ values: KeyValuePairs<String, String> = [:]) -> String {
        knowledge.rules.findingSentences.words(id, values)
    }

    /// `entry` or `entries`: the counted noun, for a sentence that puts a word between the number and it.
    private static func entryNoun(_ count: Int) -> String { count == 1 ? "entry" : "entries" }

    /// `day` or `days`.
    private static func dayNoun(_ count: Int) -> String { count == 1 ? "day" : "days" }

    private mutating func add(_ id: FindingID, _ present: Bool, _ summary: String, _ evidence: [Evidence] = []) {
        findings.append(Finding(id: id, present: present, summary: summary, evidence: Array(Set(evidence)).sorted()))
    }

    mutating func course(_ course: TwitchCourse) {
        if let first = course.firstTwitchDay, let last = course.lastTwitchDay {
            add(
                FindingID.twitchSpan, true,
                sentence(
                    .twitchSpan,
                    [
                        "twitchDays": String(course.twitchDays), "journalDays": String(course.journalDays),
                        "span": Count.days(course.spanDays), "first": "\(first)", "last": "\(last)",
                    ]),
                course.groups.prefix(1).map(\.evidence))
        } else {
            add(FindingID.twitchSpan, false, sentence(.noTwitching, ["inEntries": inEntries]))
        }
        trend(course)
        spread(course)
        if course.atRestKnownEntries > 0 {
            let share = Double(course.atRestEntries) / Double(course.atRestKnownEntries)
            add(
                FindingID.atRest, share >= knowledge.threshold(Threshold.Key.atRestMinShare),
                sentence(
                    .atRest,
                    [
                        "atRest": String(course.atRestEntries), "known": String(course.atRestKnownEntries),
                        "share": Format.percent(share),
                    ]))
        } else {
            add(FindingID.atRest, false, sentence(.atRestUnknown))
        }
        let face = knowledge.rules.regions(RegionSetID.face)
        let faceRegions = course.regionFirstSeen.keys.filter { face.contains($0) }.sorted()
        if let eyelid = course.regionFirstSeen[RegionID.eyelid], !faceRegions.isEmpty {
            let spread = faceRegions.map { sentence(.fromDate, ["what": "\($0)", "date": "\(course.regionFirstSeen[$0]!)"]) }
                .joined(separator: ", ")
            add(FindingID.eyelidFacialSpread, true, sentence(.eyelidFacialSpread, ["date": "\(eyelid)", "spread": spread]))
        } else if let eyelid = course.regionFirstSeen[RegionID.eyelid] {
            add(FindingID.eyelidFacialSpread, false, sentence(.eyelidOnly, ["date": "\(eyelid)"]))
        }
        if let note = course.durationNote {
            add(
                FindingID.durationFromNotes, true,
                sentence(
                    .durationFromNotes,
                    [
                        "phrase": note.phrase, "days": String(course.durationAtLeastDays),
                        "span": String(course.spanDays),
                    ]),
                [note.evidence])
        }
    }

    /// The trend findings: improving and worsening.
    private mutating func trend(_ course: TwitchCourse) {
        let window = Int(knowledge.threshold(Threshold.Key.trendWindowDays))
        let means: String
        if let before = course.firstWindowMean, let after = course.lastWindowMean {
            means = sentence(.trendMeans, ["before": Format.one(before), "window": String(window), "after": Format.one(after)])
        } else {
            means = sentence(.trendUntold, ["days": String(2 * window)])
        }
        let rising = sentence(
            .rising,
            [
                "ratio": NumberFormatting.shortest(knowledge.threshold(Threshold.Key.risingMinRatio)),
                "difference": NumberFormatting.shortest(knowledge.threshold(Threshold.Key.risingMinDifference)),
            ])
        switch course.trend {
        case .improving:
            add(FindingID.improving, true, sentence(.improving, ["means": means]))
            add(FindingID.worsening, false, sentence(.notWorsening, ["means": means]))
        case .worsening:
            add(FindingID.improving, false, sentence(.notImproving, ["means": means]))
            add(FindingID.worsening, true, sentence(.worsening, ["rising": rising, "means": means]))
        case .stable:
            add(FindingID.improving, false, sentence(.notImproving, ["means": means]))
            add(FindingID.worsening, false, sentence(.notWorseningRisingNeeds, ["rising": rising, "means": means]))
        case .unknown:
            add(FindingID.improving, false, sentence(.improvementUnknown, ["means": means]))
        }
    }

    /// The region findings: spreading and more than one region group.
    private mutating func spread(_ course: TwitchCourse) {
        let groups = course.groups.map { sentence(.fromDate, ["what": "\($0.group)", "date": "\($0.firstSeen)"]) }.joined(separator: ", ")
        let afterDays = Int(knowledge.threshold(Threshold.Key.spreadingAfterDays))
        let firstDays = sentence(.firstDays, ["days": Count.days(afterDays)])
        if course.spreads {
            var parts = course.newGroupsAfterFirstWeek.map {
                sentence(
                    .newRegionGroup,
                    ["group": "\($0.group)", "regions": $0.regions.map { "\($0)" }.joined(separator: ", "), "date": "\($0.firstSeen)"])
            }
            parts += course.newRegionsWithinGroupAfterFirstWeek.map {
                sentence(
                    .newRegionsWithinGroup,
                    ["regions": $0.regions.map { "\($0)" }.joined(separator: ", "), "group": "\($0.group)", "date": "\($0.firstSeen)"])
            }
            add(
                FindingID.spreading, true, sentence(.spreading, ["firstDays": firstDays, "parts": parts.joined(separator: "; ")]),
                course.groups.map(\.evidence) + course.newRegionsWithinGroupAfterFirstWeek.map(\.evidence))
        } else if course.firstWeekGroups.count > 1 {
            add(
                FindingID.spreading, false,
                sentence(.noSpreadingMigration, ["count": String(course.firstWeekGroups.count), "firstDays": firstDays, "groups": groups]),
                course.groups.map(\.evidence))
        } else {
            add(
                FindingID.spreading, false,
                course.groups.isEmpty ? sentence(.noBodyRegion) : sentence(.noNewRegion, ["firstDays": firstDays, "groups": groups]),
                course.groups.map(\.evidence))
        }
        add(
            FindingID.multipleRegionGroups, course.groups.count > 1,
            course.groups.count > 1
                ? sentence(.regionGroups, ["count": String(course.groups.count), "groups": groups])
                : course.groups.isEmpty ? sentence(.noRegion) : sentence(.oneRegionGroup, ["groups": groups]),
            course.groups.map(\.evidence))
    }

    mutating func triggers(_ triggers: [PatientFindings.TriggerNamed], twitchDays: Int) {
        guard !triggers.isEmpty else { return }
        let named = triggers.map {
            sentence(.triggerDays, ["trigger": "\($0.trigger)", "days": String($0.days), "twitchDays": String(twitchDays)])
        }
        add(FindingID.triggersNamed, true, sentence(.triggersNamed, ["triggers": named.joined(separator: ", ")]))
    }

    mutating func concerns(_ concerns: [PatientFindings.Concern]) {
        for concern in concerns {
            let name = knowledge.condition(concern.condition)?.name ?? concern.condition.rawValue
            add(
                FindingID.concern(concern.condition), true,
                sentence(.concern, ["condition": name, "entries": Count.entries(concern.entries), "quote": concern.quote]),
                concern.evidence)
        }
    }

    mutating func symptoms(_ history: SymptomHistory, journal: [JournalEntry]) {
        for symptom in knowledge.vocabulary.symptoms {
            let id = FindingID.symptom(symptom.id)
            if let seen = history.symptoms[symptom.id] {
                let possible = seen.certainty == .possible
                let counted: KeyValuePairs<String, String> = [
                    "symptom": symptom.id.rawValue, "Symptom": symptom.id.rawValue.capitalizedFirst, "entries": Count.entries(seen.entries),
                    "date": "\(seen.firstSeen)",
                ]
                var summary = sentence(possible ? .symptomPossible : .symptomRecorded, counted)
                if symptom.id == SymptomID.weakness, let max = history.maxWeakness {
                    summary += sentence(.weaknessHighest, ["score": String(max)])
                }
                if possible, let quote = seen.evidence.first?.quote { summary += sentence(.possibleQuote, ["quote": quote]) }
                add(id, true, summary + ".", seen.evidence)
                findings[findings.count - 1].certainty = seen.certainty
            } else if history.unreadEntries > 0 {
                let unread = history.unreadEntries
                add(
                    id, false,
                    sentence(
                        unread == 1 ? .symptomNotRecognisedOne : .symptomNotRecognisedMany,
                        ["Symptom": symptom.id.rawValue.capitalizedFirst, "inEntries": inEntries, "unread": String(unread)]))
            } else if let denied = history.denied[symptom.id] {
                add(
                    id, false,
                    sentence(
                        .symptomDenied,
                        [
                            "symptom": symptom.id.rawValue, "entries": Count.entries(denied.entries),
                            "date": "\(denied.firstSeen)",
                        ]),
                    denied.evidence)
            } else {
                add(id, false, sentence(.symptomNone, ["symptom": symptom.id.rawValue, "inEntries": inEntries]))
            }
        }
        context(journal)
        if history.unreadEntries > 0 {
            let texts = UnreadSymptomText.items(journal)
            let quoted = texts.map { "\"\($0.text)\" (\($0.count))" }.joined(separator: ", ")
            add(
                FindingID.unreadSymptomText, true,
                sentence(.unreadSymptomText, ["entries": Count.entries(history.unreadEntries), "quoted": quoted]),
                texts.map { Evidence(file: $0.file, line: $0.lines.first, date: nil) })
        }
        weakness(history)
    }

    /// Symptoms written about but not had. Disease names are left to the concern findings.
    private mutating func context(_ journal: [JournalEntry]) {
        let context = journal.flatMap { entry in
            entry.context.filter { ![.diseaseName, .statedDiagnosis, .familyHistory].contains($0.reason) }.map { (entry, $0) }
        }
        guard !context.isEmpty else { return }
        var parts: [String] = []
        let labels: [(JournalEntry.ContextMention.Reason, FindingSentenceID)] =
            [(.otherPerson, .contextOtherPerson), (.hypothetical, .contextHypothetical), (.historical, .contextHistorical)]
        for (reason, label) in labels {
            let concepts = Array(Set(context.filter { $0.1.reason == reason }.map(\.1.concept))).sorted()
            guard !concepts.isEmpty else { continue }
            parts.append("\(sentence(label)): \(concepts.joined(separator: ", "))")
        }
        let evidence = context.prefix(3).map { entry, mention in
            var item = Evidence(entry.source, date: entry.date)
            item.field = mention.field
            item.quote = mention.quote
            return item
        }
        add(
            FindingID.contextMentions, true,
            sentence(
                .contextMentions,
                ["parts": parts.joined(separator: "; "), "entries": Count.entries(Set(context.map { $0.0.source }).count)]),
            evidence)
    }

    /// The weakness score over time.
    private mutating func weakness(_ history: SymptomHistory) {
        if let first = history.firstWeakness, let latest = history.latestWeakness, history.progressiveWeakness {
            add(
                FindingID.progressiveWeakness, true,
                sentence(
                    .progressiveWeakness,
                    [
                        "first": String(first.score), "firstDate": first.evidence.date.map(String.init(describing:)) ?? "?",
                        "latest": String(latest.score), "latestDate": latest.evidence.date.map(String.init(describing:)) ?? "?",
                    ]),
                [first.evidence, latest.evidence])
        } else if let first = history.firstWeakness, let latest = history.latestWeakness {
            add(
                FindingID.progressiveWeakness, false,
                sentence(.weaknessNotProgressive, ["first": String(first.score), "latest": String(latest.score)]),
                [first.evidence, latest.evidence])
        } else {
            add(FindingID.progressiveWeakness, false, sentence(.noWeaknessScore, ["inEntries": inEntries]))
        }
    }

    package mutating func lifestyle(_ analysis: LifestyleAnalysis, course: TwitchCourse) {
        for correlation in analysis.correlations {
            let id = FindingID.correlation(correlation.factor)
            let factor = correlation.factor.name(knowledge)
            var means = sentence(
                .correlationMeans,
                [
                    "exposedMean": Format.one(correlation.exposedMean), "exposedCount": String(correlation.exposedDays), "factor": factor,
                    "exposedDays": Self.dayNoun(correlation.exposedDays), "unexposedMean": Format.one(correlation.unexposedMean),
                    "unexposedCount": String(correlation.unexposedDays), "unexposedDays": Self.dayNoun(correlation.unexposedDays),
                ])
            let phone = correlation.phoneEvidence.count
            if phone > 0, let column = correlation.factor.column {
                means += sentence(.phoneDays, ["column": column.rawValue, "days": String(phone)])
            }
            if correlation.comparable {
                let ratio = NumberFormatting.shortest(knowledge.threshold(.correlationMinRatio))
                add(
                    id, correlation.linked,
                    correlation.linked
                        ? sentence(.correlationLinked, ["factor": factor, "means": means])
                        : sentence(.correlationNotLinked, ["factor": factor, "ratio": ratio, "means": means]),
                    correlation.phoneEvidence)
            } else {
                let minimum = Int(knowledge.threshold(Threshold.Key.correlationMinDays))
                add(
                    id, false, sentence(.correlationTooFew, ["factor": factor, "minimum": String(minimum), "means": means]),
                    correlation.phoneEvidence)
            }
        }
        if analysis.changes.isEmpty {
            add(
                FindingID.lifestyleChange, false,
                sentence(
                    .noLifestyleChange,
                    [
                        "share": Format.percent(knowledge.threshold(Threshold.Key.lifestyleCutRatio)),
                        "days": String(Int(knowledge.threshold(Threshold.Key.trendWindowDays))),
                    ]))
        } else {
            let cuts = analysis.changes.map {
                sentence(
                    .lifestyleCut,
                    [
                        "factor": $0.factor.name(knowledge), "before": $0.factor.amount($0.before, knowledge),
                        "after": $0.factor.amount($0.after, knowledge),
                    ])
            }
            let improved = analysis.changes.contains(where: \.twitchingImproved)
            add(
                FindingID.lifestyleChange, true,
                sentence(improved ? .lifestyleChangeImproved : .lifestyleChangeNotImproved, ["cuts": cuts.joined(separator: ", ")]))
        }
    }

    mutating func medications(_ uses: [PatientFindings.MedicationUse]) {
        for medicationClass in knowledge.vocabulary.medicationClasses {
            let id = FindingID.medication(medicationClass.id)
            if let use = uses.first(where: { $0.medicationClass == medicationClass.id }) {
                add(
                    id, true, sentence(.medication, ["drugs": use.drugs.joined(separator: ", "), "class": medicationClass.label]),
                    use.evidence)
            }
        }
        if uses.isEmpty {
            add(FindingID.medications, false, sentence(.noMedication, ["inEntries": inEntries]))
        }
    }

    mutating func labs(_ panel: LabPanel, asOf: LocalDate) {
        let staleDays = String(Int(knowledge.threshold(Threshold.Key.staleLabDays)))
        for standing in panel.standings {
            let id = FindingID.lab(standing.analyte)
            let label = knowledge.analyte(id: standing.analyte)?.label ?? standing.analyte.rawValue
            guard let lab = standing.latest else {
                add(id, false, sentence(.noLabResult, ["analyte": label]))
                continue
            }
            let value = sentence(
                .labValue, ["value": "\(lab.canonical.value)", "unit": "\(lab.canonical.unit)", "date": "\(lab.collected.date)"])
            var notes = lab.stale ? sentence(.labStale, ["days": staleDays]) : ""
            if let because = lab.unreliableBecause { notes += sentence(.labUnreliable, ["problem": "\(because)"]) }
            add(
                id, lab.status.isAbnormal,
                sentence(.labResult, ["analyte": label, "status": lab.status.rawValue, "value": value, "notes": notes]),
                [Evidence(lab.source, date: lab.collected.date)])
        }
        let gaps = panel.coreGaps
        if gaps.isEmpty {
            add(FindingID.coreLabsGap, false, sentence(.coreLabsComplete, ["days": staleDays]))
        } else {
            let missing = gaps.filter(\.missing).map(\.analyte.rawValue)
            let stale = gaps.filter(\.stale).map(\.analyte.rawValue)
            var parts: [String] = []
            if !missing.isEmpty { parts.append(sentence(.gapMissing, ["analytes": missing.joined(separator: ", ")])) }
            if !stale.isEmpty { parts.append(sentence(.gapStale, ["analytes": stale.joined(separator: ", ")])) }
            let unreliable = gaps.filter { !$0.missing && !$0.stale && $0.unreliable }.map(\.analyte.rawValue)
            if !unreliable.isEmpty { parts.append(sentence(.gapUnreliable, ["analytes": unreliable.joined(separator: ", ")])) }
            add(
                FindingID.coreLabsGap, true, sentence(.coreLabsIncomplete, ["parts": parts.joined(separator: "; ")]),
                gaps.compactMap { $0.latest.map { Evidence($0.source, date: $0.collected.date) } })
        }
    }

    mutating func age(_ age: Int?) {
        let low = Int(knowledge.threshold(Threshold.Key.alsOnsetAgeMin))
        let high = Int(knowledge.threshold(Threshold.Key.alsOnsetAgeMax))
        guard let age else {
            add(FindingID.alsOnsetAge, false, sentence(.ageUnknown))
            return
        }
        let inRange = (low...high).contains(age)
        add(
            FindingID.alsOnsetAge, inRange,
            sentence(inRange ? .ageWithin : .ageOutside, ["age": String(age), "low": String(low), "high": String(high)]))
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
