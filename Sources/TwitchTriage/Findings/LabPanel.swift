/// Each analyte's latest result and what it means for the work-up: low, normal, high,
/// critical, stale or missing (SPEC §6).
public struct LabPanel: Sendable, Hashable {
    /// One analyte's standing.
    public struct Standing: Sendable, Hashable {
        /// The analyte id.
        public var analyte: String
        /// The latest result, if any.
        public var latest: LabResult?
        /// Whether it is a core analyte.
        public var core: Bool

        /// Whether there is no result at all.
        public var missing: Bool { latest == nil }
        /// Whether the latest result is stale.
        public var stale: Bool { latest?.stale ?? false }
        /// Whether the latest result is outside its range.
        public var abnormal: Bool { latest?.status.isAbnormal ?? false }
        /// Whether it is critical.
        public var critical: Bool { latest?.status.isCritical ?? false }
    }

    /// One standing per core analyte, and per other analyte with a result, in knowledge order.
    public var standings: [Standing]

    /// The core analytes with no result or only a stale one.
    public var coreGaps: [Standing] { standings.filter { $0.core && ($0.missing || $0.stale) } }
    /// Analytes whose latest result is outside its range.
    public var abnormal: [Standing] { standings.filter(\.abnormal) }

    init(labs: [LabResult], knowledge: Knowledge) {
        var latest: [String: LabResult] = [:]
        for lab in labs { latest[lab.analyte] = lab } // labs are in collection order
        standings = knowledge.analytes.compactMap { analyte in
            guard analyte.core || latest[analyte.id] != nil else { return nil }
            return Standing(analyte: analyte.id, latest: latest[analyte.id], core: analyte.core)
        }
    }
}
