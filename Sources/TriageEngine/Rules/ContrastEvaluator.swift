import TriageKnowledge
import TriageModel

/// Reads the feature-contrast rows from a patient's findings through the declared mapping of
/// `contrast-map.json` (SPEC §6): each entry names a row, a signal, the column the signal
/// shows, and the conditions it speaks for and against. No row's label is read.
///
/// A row is decided by the first of its entries whose signal holds, so one row never speaks
/// for both columns. Missing data never makes a signal hold.
package struct ContrastEvaluator {
    /// A row matched: the entry that decided it, and the patient's data in one phrase.
    package struct Match: Equatable {
        /// The entry.
        package var entry: ContrastMap.Entry
        /// The row.
        var row: FeatureContrast
        /// What the data shows ("weakness scored 0 on 46 entries").
        var why: String
        /// The ids of the findings behind it.
        var findings: [FindingID]

        /// The sentence a consideration lists: feature, the data, the column's words, and the
        /// entry's clinical note.
        package var sentence: String {
            let column = entry.column == "benign" ? row.benign : row.concerning
            let note = entry.note.map { "; \($0)" } ?? ""
            return "\(row.feature): \(why), as in \"\(column)\"\(note)"
        }
    }

    /// What a signal found: the phrase and the findings behind it.
    package struct Reading: Equatable {
        package var why: String
        package var findings: [FindingID]
    }

    package let findings: PatientFindings
    package let knowledge: Knowledge

    /// Creates a value from its parts (the memberwise initializer, for the layers above).
    package init(findings: PatientFindings, knowledge: Knowledge) {
        self.findings = findings
        self.knowledge = knowledge
    }

    /// Every row the data matches, in the mapping's order.
    package func matches() -> [Match] {
        var decided: Set<String> = []
        var result: [Match] = []
        for entry in knowledge.contrastMap.mappings {
            let key = entry.table + "/" + entry.row
            guard !decided.contains(key), let row = knowledge.contrast(table: entry.table, id: entry.row),
                  let signal = ContrastSignal(rawValue: entry.signal), let reading = read(signal) else { continue }
            decided.insert(key)
            result.append(Match(entry: entry, row: row, why: reading.why, findings: reading.findings))
        }
        return result
    }

    /// Whether a signal holds for the patient, and what it shows.
    package func read(_ signal: ContrastSignal) -> Reading? {
        let course = findings.course
        let symptoms = findings.symptoms
        let rules = knowledge.rules
        func present(_ set: SymptomSetID) -> [String] { rules.symptoms(set).present(symptoms.has) }
        func days(_ count: Int) -> String { "\(count) day\(count == 1 ? "" : "s")" }
        let persistentDays = Int(knowledge.threshold(Threshold.Key.persistentWithoutImprovementDays))
        let linked = findings.lifestyle.correlations.filter(\.linked)
        let eyelid = course.regionFirstSeen[RegionID.eyelid]
        let twitching = course.twitchDays > 0

        switch signal {
        case .persistentSpan:
            guard twitching, course.durationAtLeastDays > persistentDays else { return nil }
            let from = course.durationNote.map { " (a note says \"\($0.phrase)\")" } ?? ""
            return Reading(why: "twitching for at least \(days(course.durationAtLeastDays))\(from)",
                           findings: [FindingID.twitchSpan] + (course.durationNote == nil ? [] : [FindingID.durationFromNotes]))
        case .briefEpisodes:
            let minutes = findings.record.journal.compactMap(\.durationMinutes)
            let brief = knowledge.threshold(Threshold.Key.briefEpisodeMaxMinutes)
            guard twitching, !minutes.isEmpty, course.durationAtLeastDays <= persistentDays, let longest = minutes.max(), longest <= brief else { return nil }
            return Reading(why: "episodes of at most \(NumberFormatting.shortest(longest)) minutes over \(days(course.durationAtLeastDays))",
                           findings: [FindingID.twitchSpan])
        case .spreading:
            guard course.spreads else { return nil }
            let parts = course.newGroupsAfterFirstWeek.map { "to \($0.group) from \($0.firstSeen)" }
                + course.newRegionsWithinGroupAfterFirstWeek.map { "to the \($0.regions.joined(separator: ", ")) from \($0.firstSeen)" }
            return Reading(why: "began in \(course.firstWeekGroups.joined(separator: ", ")) and spread \(parts.joined(separator: ", "))",
                           findings: [FindingID.spreading])
        case .spreadingWithMotor:
            let motor = rules.symptoms(.limbMotor).symptoms.filter(symptoms.has) + rules.symptoms(.mndAlone).symptoms.filter(symptoms.has)
            guard !course.newGroupsAfterFirstWeek.isEmpty, !motor.isEmpty else { return nil }
            let parts = course.newGroupsAfterFirstWeek.map { "to \($0.group) from \($0.firstSeen)" }
            return Reading(why: "began in \(course.firstWeekGroups.joined(separator: ", ")) and spread \(parts.joined(separator: ", ")), with \(motor.joined(separator: ", "))",
                           findings: [FindingID.spreading] + motor.map(FindingID.symptom))
        case .singleSpot:
            guard twitching, course.regionFirstSeen.count == 1, let region = course.regionFirstSeen.keys.first else { return nil }
            return Reading(why: "one spot (\(region)) on every entry", findings: [FindingID.multipleRegionGroups])
        case .widespreadFromStart:
            guard !course.spreads, course.firstWeekGroups.count > 1 else { return nil }
            return Reading(why: "\(course.firstWeekGroups.count) region groups within the first \(days(Int(knowledge.threshold(Threshold.Key.spreadingAfterDays)))) (\(course.firstWeekGroups.joined(separator: ", ")))",
                           findings: [FindingID.multipleRegionGroups, FindingID.spreading])
        case .sensorySymptoms:
            let found = present(.contrastSensory)
            return found.isEmpty ? nil : Reading(why: found.joined(separator: ", ") + " recorded", findings: found.map(FindingID.symptom))
        case .motorSymptoms:
            let found = present(.contrastMotor)
            return found.isEmpty ? nil : Reading(why: found.joined(separator: ", ") + " recorded", findings: found.map(FindingID.symptom))
        case .noWeaknessScored:
            guard symptoms.weaknessScoredNone > 0, !symptoms.has(SymptomID.weakness) else { return nil }
            return Reading(why: "weakness scored 0 on \(symptoms.weaknessScoredNone) entr\(symptoms.weaknessScoredNone == 1 ? "y" : "ies"), never higher",
                           findings: [FindingID.symptom(SymptomID.weakness)])
        case .progressiveWeakness:
            guard symptoms.progressiveWeakness, let first = symptoms.firstWeakness, let latest = symptoms.latestWeakness else { return nil }
            return Reading(why: "weakness score rising from \(first.score) to \(latest.score) of 3", findings: [FindingID.progressiveWeakness])
        case .atrophyPresent:
            guard symptoms.has(SymptomID.atrophy) else { return nil }
            return Reading(why: "atrophy recorded", findings: [FindingID.symptom(SymptomID.atrophy)])
        case .stableCourse:
            guard course.trend == .stable || course.trend == .improving, !symptoms.progressiveWeakness,
                  let before = course.firstWindowMean, let after = course.lastWindowMean else { return nil }
            let window = days(Int(knowledge.threshold(Threshold.Key.trendWindowDays)))
            return Reading(why: "\(Format.one(before)) twitches a day in the first \(window), \(Format.one(after)) in the last, weakness not progressive",
                           findings: [FindingID.worsening, FindingID.progressiveWeakness])
        case .countsRisingWithWeakness:
            guard course.trend == .worsening, symptoms.has(SymptomID.weakness),
                  let before = course.firstWindowMean, let after = course.lastWindowMean else { return nil }
            return Reading(why: "counts rising from \(Format.one(before)) to \(Format.one(after)) a day, with weakness",
                           findings: [FindingID.worsening, FindingID.symptom(SymptomID.weakness)])
        case .functionLoss:
            let found = present(.contrastFunction)
            return found.isEmpty ? nil : Reading(why: found.joined(separator: ", ") + " recorded", findings: found.map(FindingID.symptom))
        case .bulbarOrBreathing:
            let found = present(.contrastBulbar)
            return found.isEmpty ? nil : Reading(why: found.joined(separator: ", ") + " recorded", findings: found.map(FindingID.symptom))
        case .mildSymptomsOnly:
            let found = present(.contrastMild)
            guard !found.isEmpty, present(.benignRedFlags).isEmpty else { return nil }
            return Reading(why: "only \(found.joined(separator: ", ")) recorded, no red flag", findings: found.map(FindingID.symptom))
        case .triggerLinked:
            let factors = linked.filter { $0.factor != .highStress }
            return factors.isEmpty ? nil : Reading(why: describe(factors), findings: factors.map { FindingID.correlation($0.factor) })
        case .stressLinked:
            let factors = linked.filter { $0.factor == .highStress }
            return factors.isEmpty ? nil : Reading(why: describe(factors), findings: factors.map { FindingID.correlation($0.factor) })
        case .atRestNoTrigger:
            guard linked.isEmpty, findings.isPresent(FindingID.atRest) else { return nil }
            return Reading(why: "mostly at rest, with no exposure linked to the counts", findings: [FindingID.atRest])
        case .improvedAfterCut:
            let linkedFactors = Set(linked.map(\.factor))
            guard let change = findings.lifestyle.changes.first(where: { $0.twitchingImproved && linkedFactors.contains($0.factor) }) else { return nil }
            return Reading(why: "improved after cutting \(change.factor.rawValue)", findings: [FindingID.lifestyleChange, FindingID.improving])
        case .noImprovementAfterCut:
            let linkedFactors = Set(linked.map(\.factor))
            guard let change = findings.lifestyle.changes.first(where: { linkedFactors.contains($0.factor) }),
                  !findings.lifestyle.changes.contains(where: \.twitchingImproved) else { return nil }
            return Reading(why: "no improvement after cutting \(change.factor.rawValue)", findings: [FindingID.lifestyleChange, FindingID.improving])
        case .ageBelowALSBand:
            guard let age = findings.age else { return nil }
            let low = Int(knowledge.threshold(Threshold.Key.alsOnsetAgeMin))
            let high = Int(knowledge.threshold(Threshold.Key.alsOnsetAgeMax))
            _ = high
            return age < low ? Reading(why: "age \(age)", findings: [FindingID.alsOnsetAge]) : nil
        case .eyelidPersistent, .eyelidBrief:
            guard let first = eyelid, let last = course.regionLastSeen[RegionID.eyelid] else { return nil }
            let span = first.days(to: last) + 1
            let holds = signal == .eyelidPersistent ? span > persistentDays : span <= persistentDays
            return holds ? Reading(why: "eyelid twitching over \(days(span))", findings: [FindingID.twitchSpan]) : nil
        case .eyelidFacialSpread:
            guard eyelid != nil, findings.isPresent(FindingID.eyelidFacialSpread) else { return nil }
            return Reading(why: "eyelid twitching spread over the face", findings: [FindingID.eyelidFacialSpread])
        case .eyelidOnly:
            guard eyelid != nil, !findings.isPresent(FindingID.eyelidFacialSpread) else { return nil }
            return Reading(why: "eyelid twitching limited to the eyelid", findings: [FindingID.eyelidFacialSpread])
        case .centralSymptoms:
            guard eyelid != nil else { return nil }
            let found = present(.contrastCentral)
            guard !found.isEmpty else { return nil }
            let all = found + present(.contrastCentralCompanions)
            return Reading(why: all.joined(separator: ", ") + " recorded with eyelid twitching", findings: all.map(FindingID.symptom))
        case .heatLinked:
            let factors = linked.filter { $0.factor == .heat }
            return factors.isEmpty ? nil : Reading(why: describe(factors), findings: factors.map { FindingID.correlation($0.factor) })
        case .sleepOrStressLinked:
            guard eyelid != nil else { return nil }
            let factors = linked.filter { $0.factor == .shortSleep || $0.factor == .highStress }
            return factors.isEmpty ? nil : Reading(why: describe(factors), findings: factors.map { FindingID.correlation($0.factor) })
        }
    }

    private func describe(_ correlations: [LifestyleAnalysis.Correlation]) -> String {
        "more twitching on " + correlations.map {
            "\($0.factor.rawValue) days (\(Format.one($0.exposedMean)) a day against \(Format.one($0.unexposedMean)))"
        }.joined(separator: ", ")
    }
}
