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
        /// entry's clinical note, in the words of `rules` (`contrast-match`).
        package func sentence(_ rules: RuleKnowledge) -> String {
            let column = entry.column == .benign ? row.benign : row.concerning
            guard let note = entry.note else {
                return rules.sentence(.contrastMatch, ["feature": row.feature, "why": why, "column": column])
            }
            return rules.sentence(.contrastMatchNote, ["feature": row.feature, "why": why, "column": column, "note": note])
        }
    }

    /// What a signal found: the phrase and the findings behind it.
    package struct Reading: Equatable {
        package var why: String
        package var findings: [FindingID]
    }

    package let findings: PatientFindings
    package let knowledge: Knowledge

    /// Every row the data matches, in the mapping's order.
    package func matches() -> [Match] {
        var decided: Set<String> = []
        var result: [Match] = []
        for entry in knowledge.contrastMap.mappings {
            let key = entry.table.rawValue + "/" + entry.row.rawValue
            guard !decided.contains(key), let row = knowledge.contrast(table: entry.table, id: entry.row),
                let reading = read(entry.signal)
            else { continue }
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
        func present(_ set: SymptomSetID) -> [SymptomID] { rules.symptoms(set).present(symptoms.has) }
        let days = Count.days
        func words(_ values: KeyValuePairs<String, String> = [:]) -> String { knowledge.contrastMap.words(signal).filledOnce(values) }
        func recorded(_ found: [SymptomID]) -> Reading? {
            found.isEmpty ? nil : Reading(why: words(["symptoms": found.joined(separator: ", ")]), findings: found.map(FindingID.symptom))
        }
        func spread(_ groups: [TwitchCourse.GroupAppearance]) -> [String] {
            groups.map { rules.sentence(.spreadToGroup, ["group": $0.group.rawValue, "date": "\($0.firstSeen)"]) }
        }
        let persistentDays = Int(knowledge.threshold(Threshold.Key.persistentWithoutImprovementDays))
        let linked = findings.lifestyle.correlations.filter(\.linked)
        let eyelid = course.regionFirstSeen[RegionID.eyelid]
        let twitching = course.twitchDays > 0

        switch signal {
        case .persistentSpan:
            guard twitching, course.durationAtLeastDays > persistentDays else { return nil }
            let span = words(["span": days(course.durationAtLeastDays)])
            return Reading(
                why: course.durationNote.map { rules.sentence(.noteSays, ["duration": span, "phrase": $0.phrase]) } ?? span,
                findings: [FindingID.twitchSpan] + (course.durationNote == nil ? [] : [FindingID.durationFromNotes]))
        case .briefEpisodes:
            let minutes = findings.record.journal.compactMap(\.durationMinutes)
            let brief = knowledge.threshold(Threshold.Key.briefEpisodeMaxMinutes)
            guard twitching, !minutes.isEmpty, course.durationAtLeastDays <= persistentDays, let longest = minutes.max(), longest <= brief
            else { return nil }
            return Reading(
                why: words(["minutes": NumberFormatting.shortest(longest), "span": days(course.durationAtLeastDays)]),
                findings: [FindingID.twitchSpan])
        case .spreading:
            guard course.spreads else { return nil }
            let parts =
                spread(course.newGroupsAfterFirstWeek)
                + course.newRegionsWithinGroupAfterFirstWeek.map {
                    rules.sentence(.spreadToRegions, ["regions": $0.regions.joined(separator: ", "), "date": "\($0.firstSeen)"])
                }
            return Reading(
                why: words(["groups": course.firstWeekGroups.joined(separator: ", "), "spread": parts.joined(separator: ", ")]),
                findings: [FindingID.spreading])
        case .spreadingWithMotor:
            let motor = rules.symptoms(.limbMotor).symptoms.filter(symptoms.has) + rules.symptoms(.mndAlone).symptoms.filter(symptoms.has)
            guard !course.newGroupsAfterFirstWeek.isEmpty, !motor.isEmpty else { return nil }
            return Reading(
                why: words([
                    "groups": course.firstWeekGroups.joined(separator: ", "),
                    "spread": spread(course.newGroupsAfterFirstWeek).joined(separator: ", "),
                    "symptoms": motor.joined(separator: ", "),
                ]),
                findings: [FindingID.spreading] + motor.map(FindingID.symptom))
        case .singleSpot:
            guard twitching, course.regionFirstSeen.count == 1, let region = course.regionFirstSeen.keys.first else { return nil }
            return Reading(why: words(["region": region.rawValue]), findings: [FindingID.multipleRegionGroups])
        case .widespreadFromStart:
            guard !course.spreads, course.firstWeekGroups.count > 1 else { return nil }
            return Reading(
                why: words([
                    "count": String(course.firstWeekGroups.count),
                    "span": days(Int(knowledge.threshold(Threshold.Key.spreadingAfterDays))),
                    "groups": course.firstWeekGroups.joined(separator: ", "),
                ]),
                findings: [FindingID.multipleRegionGroups, FindingID.spreading])
        case .sensorySymptoms:
            return recorded(present(.contrastSensory))
        case .motorSymptoms:
            return recorded(present(.contrastMotor))
        case .noWeaknessScored:
            guard symptoms.weaknessScoredNone > 0, !symptoms.has(SymptomID.weakness) else { return nil }
            return Reading(
                why: words(["entries": Count.entries(symptoms.weaknessScoredNone)]),
                findings: [FindingID.symptom(SymptomID.weakness)])
        case .progressiveWeakness:
            guard symptoms.progressiveWeakness, let first = symptoms.firstWeakness, let latest = symptoms.latestWeakness else { return nil }
            return Reading(why: words(["first": "\(first.score)", "latest": "\(latest.score)"]), findings: [FindingID.progressiveWeakness])
        case .atrophyPresent:
            guard symptoms.has(SymptomID.atrophy) else { return nil }
            return Reading(why: words(), findings: [FindingID.symptom(SymptomID.atrophy)])
        case .stableCourse:
            guard course.trend == .stable || course.trend == .improving, !symptoms.progressiveWeakness,
                let before = course.firstWindowMean, let after = course.lastWindowMean
            else { return nil }
            let window = days(Int(knowledge.threshold(Threshold.Key.trendWindowDays)))
            return Reading(
                why: words(["before": Format.one(before), "window": window, "after": Format.one(after)]),
                findings: [FindingID.worsening, FindingID.progressiveWeakness])
        case .countsRisingWithWeakness:
            guard course.trend == .worsening, symptoms.has(SymptomID.weakness),
                let before = course.firstWindowMean, let after = course.lastWindowMean
            else { return nil }
            return Reading(
                why: words(["before": Format.one(before), "after": Format.one(after)]),
                findings: [FindingID.worsening, FindingID.symptom(SymptomID.weakness)])
        case .functionLoss:
            return recorded(present(.contrastFunction))
        case .bulbarOrBreathing:
            return recorded(present(.contrastBulbar))
        case .mildSymptomsOnly:
            let found = present(.contrastMild)
            guard !found.isEmpty, present(.benignRedFlags).isEmpty else { return nil }
            return Reading(why: words(["symptoms": found.joined(separator: ", ")]), findings: found.map(FindingID.symptom))
        case .triggerLinked:
            let factors = linked.filter { $0.factor != .highStress }
            return factors.isEmpty
                ? nil : Reading(why: words(["correlations": describe(factors)]), findings: factors.map { FindingID.correlation($0.factor) })
        case .stressLinked:
            let factors = linked.filter { $0.factor == .highStress }
            return factors.isEmpty
                ? nil : Reading(why: words(["correlations": describe(factors)]), findings: factors.map { FindingID.correlation($0.factor) })
        case .atRestNoTrigger:
            guard linked.isEmpty, findings.isPresent(FindingID.atRest) else { return nil }
            return Reading(why: words(), findings: [FindingID.atRest])
        case .improvedAfterCut:
            let linkedFactors = Set(linked.map(\.factor))
            guard let change = findings.lifestyle.changes.first(where: { $0.twitchingImproved && linkedFactors.contains($0.factor) }) else {
                return nil
            }
            return Reading(
                why: words(["factor": change.factor.name(knowledge)]), findings: [FindingID.lifestyleChange, FindingID.improving])
        case .noImprovementAfterCut:
            let linkedFactors = Set(linked.map(\.factor))
            guard let change = findings.lifestyle.changes.first(where: { linkedFactors.contains($0.factor) }),
                !findings.lifestyle.changes.contains(where: \.twitchingImproved)
            else { return nil }
            return Reading(
                why: words(["factor": change.factor.name(knowledge)]), findings: [FindingID.lifestyleChange, FindingID.improving])
        case .ageBelowALSBand:
            guard let age = findings.age else { return nil }
            let low = Int(knowledge.threshold(Threshold.Key.alsOnsetAgeMin))
            let high = Int(knowledge.threshold(Threshold.Key.alsOnsetAgeMax))
            _ = high
            return age < low ? Reading(why: words(["age": "\(age)"]), findings: [FindingID.alsOnsetAge]) : nil
        case .eyelidPersistent, .eyelidBrief:
            guard let first = eyelid, let last = course.regionLastSeen[RegionID.eyelid] else { return nil }
            let span = first.days(to: last) + 1
            let holds = signal == .eyelidPersistent ? span > persistentDays : span <= persistentDays
            return holds ? Reading(why: words(["span": days(span)]), findings: [FindingID.twitchSpan]) : nil
        case .eyelidFacialSpread:
            guard eyelid != nil, findings.isPresent(FindingID.eyelidFacialSpread) else { return nil }
            return Reading(why: words(), findings: [FindingID.eyelidFacialSpread])
        case .eyelidOnly:
            guard eyelid != nil, !findings.isPresent(FindingID.eyelidFacialSpread) else { return nil }
            return Reading(why: words(), findings: [FindingID.eyelidFacialSpread])
        case .centralSymptoms:
            guard eyelid != nil else { return nil }
            let found = present(.contrastCentral)
            guard !found.isEmpty else { return nil }
            let all = found + present(.contrastCentralCompanions)
            return Reading(why: words(["symptoms": all.joined(separator: ", ")]), findings: all.map(FindingID.symptom))
        case .heatLinked:
            let factors = linked.filter { $0.factor == .heat }
            return factors.isEmpty
                ? nil : Reading(why: words(["correlations": describe(factors)]), findings: factors.map { FindingID.correlation($0.factor) })
        case .sleepOrStressLinked:
            guard eyelid != nil else { return nil }
            let factors = linked.filter { $0.factor == .shortSleep || $0.factor == .highStress }
            return factors.isEmpty
                ? nil : Reading(why: words(["correlations": describe(factors)]), findings: factors.map { FindingID.correlation($0.factor) })
        }
    }

    /// The linked triggers, each in the words of `rules.json` `correlation`.
    private func describe(_ correlations: [LifestyleAnalysis.Correlation]) -> String {
        correlations.map {
            knowledge.rules.sentence(
                .correlation,
                [
                    "factor": $0.factor.name(knowledge), "exposed": Format.one($0.exposedMean),
                    "unexposed": Format.one($0.unexposedMean),
                ])
        }.joined(separator: ", ")
    }
}
