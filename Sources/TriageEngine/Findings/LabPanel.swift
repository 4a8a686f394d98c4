import TriageKnowledge
import TriageModel

/// Each analyte's latest result and what it means for the work-up: low, normal, high,
/// critical, stale or missing (SPEC §6).
package struct LabPanel: Sendable, Hashable {
    /// One analyte's standing.
    package struct Standing: Sendable, Hashable {
        /// The analyte id.
        package var analyte: AnalyteID
        /// The latest result, if any.
        package var latest: LabResult?
        /// Whether it is a core analyte.
        package var core: Bool
        /// Whether the latest result is recent: within the recent-lab days of the as-of date.
        package var recent: Bool = false

        /// Whether blood work should draw it: missing, stale, older than the recent days, or
        /// unreliable (the lab's comment on the specimen: repeat the sample) (SPEC §6, §6.2).
        package var needsDrawing: Bool { latest == nil || !recent || unreliable }

        /// Whether the latest result is unreliable (a specimen problem the knowledge links to
        /// this analyte: SPEC §3.10, §6.2); its value is never acted on.
        package var unreliable: Bool { latest?.unreliableBecause != nil && latest?.status == .unreliable }

        /// Whether there is no result at all.
        package var missing: Bool { latest == nil }
        /// Whether the latest result is stale.
        package var stale: Bool { latest?.stale ?? false }
        /// Whether the latest result is outside its range.
        package var abnormal: Bool { latest?.status.isAbnormal ?? false }
        /// Whether it is critical.
        package var critical: Bool { latest?.status.isCritical ?? false }
    }

    /// One standing per core analyte, and per other analyte with a result, in knowledge order.
    package var standings: [Standing]

    /// The core analytes with no usable current result: none, only a stale one, or an
    /// unreliable one (repeat the sample).
    package var coreGaps: [Standing] { standings.filter { $0.core && ($0.missing || $0.stale || $0.unreliable) } }
    /// Analytes whose latest result is unreliable (SPEC §6.2: repeat the sample).
    package var unreliable: [Standing] { standings.filter(\.unreliable) }
    /// Analytes whose latest result is outside its range.
    package var abnormal: [Standing] { standings.filter(\.abnormal) }

    init(labs: [LabResult], knowledge: Knowledge, asOf: LocalDate) {
        var latest: [AnalyteID: LabResult] = [:]
        for lab in labs { latest[lab.analyte] = lab }  // labs are in collection order
        let recentDays = Int(knowledge.threshold(Threshold.Key.recentLabDays))
        standings = knowledge.analytes.compactMap { analyte in
            guard analyte.core || latest[analyte.id] != nil else { return nil }
            var standing = Standing(analyte: analyte.id, latest: latest[analyte.id], core: analyte.core)
            if let lab = latest[analyte.id] { standing.recent = !lab.stale && lab.collected.date.days(to: asOf) <= recentDays }
            return standing
        }
    }

    /// The latest results that are unreliable and lie on the side their specimen problem would
    /// hide (``SpecimenComments/hidesSide(of:)``): never acted on as values, but never
    /// reassuring either, so no "harmless" and no self-care beside them.
    package func hiddenSide(_ specimenComments: SpecimenComments) -> [LabResult] {
        standings.compactMap(\.latest).filter { $0.status == .unreliable && specimenComments.hidesSide(of: $0) }
    }

    /// The standing of an analyte (a standing with no result when it is not in the panel).
    package func standing(_ analyte: AnalyteID) -> Standing {
        standings.first { $0.analyte == analyte } ?? Standing(analyte: analyte, latest: nil, core: false)
    }

    /// Of `analytes`, those blood work should draw: missing, stale or older than the recent
    /// days. HbA1c and glucose stand in for each other: either recent covers both.
    package func toDraw(_ analytes: [AnalyteID]) -> [AnalyteID] {
        let glycaemic = [AnalyteID.hba1c, AnalyteID.glucose]
        let glycaemiaCovered = glycaemic.contains { !standing($0).needsDrawing }
        return analytes.filter { id in
            if glycaemic.contains(id) { return !glycaemiaCovered }
            return standing(id).needsDrawing
        }
    }

    /// Of `analytes`, those with a recent normal result (cited, not re-ordered; an abnormal
    /// one gets the action it calls for from the abnormal-labs rule).
    package func recentResults(_ analytes: [AnalyteID]) -> [LabResult] {
        analytes.compactMap { id in
            let standing = standing(id)
            return standing.recent && !standing.abnormal ? standing.latest : nil
        }
    }

    /// The results with the default reference range applied only where the knowledge allows
    /// it: a glucose result whose LOINC code is not a fasting one, with no range and no flag of
    /// its own, is unclassified (a random glucose has no fasting range).
    static func applyingDefaultRangeLimits(_ labs: [LabResult], knowledge: Knowledge) -> [LabResult] {
        labs.map { lab in
            guard let codes = knowledge.analyte(id: lab.analyte)?.defaultRangeLoinc,
                lab.reference?.origin == .knowledgeDefault, lab.reportedFlag == nil, !lab.status.isCritical,
                !(lab.loinc.map(codes.contains) ?? false)
            else { return lab }
            var result = lab
            result.reference = nil
            result.status = .unclassified
            return result
        }
    }
}
