/// Spreading: a new region group, or a new region of the group the twitching began in
/// (thumb, then forearm, then shoulder: spreading within a limb), after the first week →
/// soon: neurology examination and EMG; ALS considered with weakness or from age 40 (neurologist-guide: "Typically starts
/// in one area and gradually spreads").
///
/// Knowledge: threshold `spreading-after-days`; red flag `spreading` (arm-twitching-guide:
/// "Spreading twitching to other body parts"; random-twitches: "Fasciculations spreading from
/// one body region to another"); condition `als`; tests `neurologyExam`, `EMG`.
public struct SpreadingRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `spreading`.
    public let id = "spreading"

    /// Weakness is the key (neurologist-guide): spreading puts ALS up with weakness recorded,
    /// or at an age within the usual onset band (or unknown); a younger patient's spread without
    /// weakness is examined, not called ALS.
    static func namesALS(_ context: RuleContext) -> Bool {
        let findings = context.findings
        if findings.symptoms.has(SymptomID.weakness) { return true }
        guard let age = findings.age else { return true }
        return age >= Int(context.threshold(.alsOnsetAgeMin))
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let course = context.findings.course
        guard course.spreads else { return .notFired }
        let reasons = [FindingID.spreading]
        let sources = context.sources(thresholds: [Threshold.Key.spreadingAfterDays])
            .merged(with: context.knowledge.redFlag(id: RedFlagID.spreading)?.sources.map(\.name) ?? [])
        var parts = course.newGroupsAfterFirstWeek.map { "to \($0.group)" }
        parts += course.newRegionsWithinGroupAfterFirstWeek.map { "to the \($0.regions.joined(separator: ", ")) within \($0.group)" }
        let spread = parts.joined(separator: ", ")
        return RuleOutcome(
            recommendations: [
                Recommendation(test: .neurologyExam, detail: "Neurology examination: twitching spread \(spread) after the first \(Int(context.threshold(.spreadingAfterDays))) days.",
                               urgency: .soon, rule: id, reasons: reasons, sources: context.sources(tests: [.neurologyExam]).merged(with: sources)),
                Recommendation(test: .emg, detail: "EMG across the affected regions to tell benign from motor neuron disease.",
                               urgency: .soon, rule: id, reasons: reasons, sources: context.sources(tests: [.emg]).merged(with: sources)),
            ],
            conditions: Self.namesALS(context) ? [ConditionID.als] : [],
            headline: "twitching spreading \(spread); neurology exam and EMG")
    }
}
