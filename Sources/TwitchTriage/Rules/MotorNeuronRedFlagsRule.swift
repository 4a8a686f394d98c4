/// Motor neuron red flags: twitching with progressive weakness, atrophy, speech or swallowing
/// difficulty, breathing difficulty, or weakness with fine-motor difficulty → urgent neurology
/// examination, EMG, MRI of the cervical spine (to rule out cord compression; of the brain
/// too with speech or swallowing difficulty) and blood work; ALS / motor neuron disease
/// considered. Breathing difficulty adds a same-day assessment of breathing (SPEC §6).
///
/// Knowledge: symptom sets `motor-red-flags`, `weakness-with-fine-motor`, `bulbar`,
/// `same-day-breathing` (`rules.json`); condition `als`; tests `neurologyExam`, `EMG`, `MRI`
/// (cervical spine, brain), `bloodWork` (core panel). Articles: arm-twitching-guide (red flags;
/// ALS: EMG, MRI, clinical neurology exam), random-twitches (warning signs: speech, swallowing,
/// breathing), neurologist-guide (ALS work-up: MRI to rule out cord compression; "persistent
/// twitching accompanied by progressive muscle weakness requires prompt neurological evaluation").
public struct MotorNeuronRedFlagsRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `motor-neuron-red-flags`.
    public let id = "motor-neuron-red-flags"

    /// The motor red flags present, as finding ids (empty: the rule does not fire).
    static func flags(_ findings: PatientFindings, _ knowledge: Knowledge) -> [FindingID] {
        guard findings.course.twitchDays > 0 else { return [] }
        let symptoms = findings.symptoms
        var flags: [FindingID] = []
        if symptoms.progressiveWeakness { flags.append(FindingID.progressiveWeakness) }
        flags += knowledge.symptomSet(.motorRedFlags).present(symptoms.has).map(FindingID.symptom)
        let pair = knowledge.symptomSet(.weaknessWithFineMotor)
        if pair.shown(by: symptoms.has) { flags += pair.symptoms.map(FindingID.symptom) }
        return flags
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        let flags = Self.flags(findings, context.knowledge)
        guard !flags.isEmpty else { return .notFired }
        let symptoms = findings.symptoms
        let breathing = context.knowledge.symptomSet(.sameDayBreathing).present(symptoms.has)
        let bulbar = context.knowledge.symptomSet(.bulbar).present(symptoms.has)
        let sources = context.sources(conditions: [ConditionID.als], sets: [.motorRedFlags, .weaknessWithFineMotor])
        var recommendations: [Recommendation] = []
        if !breathing.isEmpty {
            recommendations.append(Recommendation(
                test: .sameDayAssessment,
                detail: "Assess breathing today: oxygen saturation, vital capacity lying and sitting; \(breathing.joined(separator: ", ")) with twitching may be respiratory muscle weakness, and a cardiac or lung cause (orthopnoea has those too) is considered.",
                urgency: .urgent, rule: id, reasons: breathing.map(FindingID.symptom),
                sources: context.sources(sets: [.sameDayBreathing]).merged(with: sources).merged(with: context.knowledge.sameDaySources)))
        }
        recommendations += [
            Recommendation(test: .neurologyExam, detail: "Urgent neurology examination: strength, muscle wasting, reflexes and the pattern of twitching.",
                           urgency: .urgent, rule: id, reasons: flags, sources: context.sources(tests: [.neurologyExam]).merged(with: sources)),
            Recommendation(test: .emg, detail: "EMG to look for denervation in several body regions (motor neuron disease).",
                           urgency: .urgent, rule: id, reasons: flags, sources: context.sources(tests: [.emg]).merged(with: sources)),
            Recommendation(test: .mri, detail: "MRI of the cervical spine to rule out spinal cord compression.",
                           urgency: .urgent, rule: id, reasons: flags, sources: context.sources(tests: [.mri]).merged(with: sources),
                           region: VariantID.cervicalSpine),
        ]
        if !bulbar.isEmpty {
            recommendations.append(Recommendation(
                test: .mri, detail: "MRI of the brain (brainstem): \(bulbar.joined(separator: " and ")) can come from the brainstem as well as the cervical cord.",
                urgency: .urgent, rule: id, reasons: bulbar.map(FindingID.symptom),
                sources: context.sources(tests: [.mri]).merged(with: context.sources(sets: [.bulbar])).merged(with: sources), region: VariantID.brain))
        }
        let panel = context.knowledge.panel(VariantID.persistentWorkup)
        if let blood = context.bloodWork(panel, purpose: "Blood tests to rule out conditions with similar symptoms", urgency: .urgent, rule: id,
                                         reasons: flags, sources: sources) {
            recommendations.append(blood)
        } else if let cited = context.citingRecent(panel), let exam = recommendations.firstIndex(where: { $0.test == .neurologyExam }) {
            recommendations[exam].detail += cited
        }
        let named = flags.prefix(3).map { String($0.rawValue.map { $0 == "-" ? " " : $0 }) }.joined(separator: ", ")
        let headline = breathing.isEmpty
            ? "rule out ALS / motor neuron disease: \(named) with twitching"
            : "\(breathing.joined(separator: ", ")) with twitching: assess breathing today; rule out ALS / motor neuron disease"
        return RuleOutcome(recommendations: recommendations, conditions: [ConditionID.als], headline: headline,
                           support: [ConditionID.als: flags])
    }
}

extension Array where Element == String {
    /// The union of two source lists, sorted.
    func merged(with other: [String]) -> [String] { Array(Set(self).union(other)).sorted() }
}
