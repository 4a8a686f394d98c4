/// Motor neuron red flags: twitching with progressive weakness, atrophy, speech or swallowing
/// difficulty, breathing difficulty, or weakness with fine-motor difficulty → urgent neurology
/// examination, EMG, MRI of the cervical spine (to rule out cord compression) and blood work;
/// ALS / motor neuron disease considered; breathing difficulty asks for same-day assessment.
///
/// Knowledge: red flags listing `weakness`, `atrophy`, `fine-motor difficulty`,
/// `speech difficulty`, `swallowing difficulty`, `breathing difficulty`; condition `als`; tests
/// `neurologyExam`, `EMG`, `MRI` (cervical spine), `bloodWork`. Articles: arm-twitching-guide
/// (red flags; ALS: EMG, MRI, clinical neurology exam), random-twitches (warning signs: speech,
/// swallowing, breathing), neurologist-guide (ALS work-up: MRI to rule out cord compression;
/// "persistent twitching accompanied by progressive muscle weakness requires prompt
/// neurological evaluation").
public struct MotorNeuronRedFlagsRule: Rule {
    /// Creates the rule.
    public init() {}

    /// `motor-neuron-red-flags`.
    public let id = "motor-neuron-red-flags"

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        guard findings.course.twitchDays > 0 else { return .notFired }
        let symptoms = findings.symptoms
        var flags: [String] = []
        if symptoms.progressiveWeakness { flags.append(FindingID.progressiveWeakness) }
        for symptom in [SymptomID.atrophy, SymptomID.speech, SymptomID.swallowing, SymptomID.breathing] where symptoms.has(symptom) {
            flags.append(FindingID.symptom(symptom))
        }
        if symptoms.has(SymptomID.weakness), symptoms.has(SymptomID.fineMotor) {
            flags += [FindingID.symptom(SymptomID.weakness), FindingID.symptom(SymptomID.fineMotor)]
        }
        guard !flags.isEmpty else { return .notFired }
        let breathing = symptoms.has(SymptomID.breathing)
        let sources = context.sources(symptoms: [SymptomID.weakness, SymptomID.atrophy, SymptomID.fineMotor, SymptomID.speech,
                                                 SymptomID.swallowing, SymptomID.breathing],
                                      conditions: ["als"])
        let core = context.knowledge.analytes.filter(\.core).map(\.id)
        let exam = breathing
            ? "Same-day assessment: breathing difficulty with twitching; neurology examination of strength, wasting and reflexes."
            : "Urgent neurology examination: strength, muscle wasting, reflexes and the pattern of twitching."
        let recommendations = [
            Recommendation(test: .neurologyExam, detail: exam, urgency: .urgent, rule: id, reasons: flags,
                           sources: context.sources(tests: ["neurologyExam"]).merged(with: sources)),
            Recommendation(test: .emg, detail: "EMG to look for denervation in several body regions (motor neuron disease).",
                           urgency: .urgent, rule: id, reasons: flags, sources: context.sources(tests: ["EMG"]).merged(with: sources)),
            Recommendation(test: .mri, detail: "MRI of the cervical spine to rule out spinal cord compression.",
                           urgency: .urgent, rule: id, reasons: flags,
                           sources: context.sources(tests: ["MRI"]).merged(with: sources), region: "cervical spine"),
            Recommendation(test: .bloodWork, detail: "Blood tests to rule out conditions with similar symptoms (electrolytes, vitamins).",
                           urgency: .urgent, rule: id, reasons: flags,
                           sources: context.sources(tests: ["bloodWork"]).merged(with: sources), analytes: core),
        ]
        let named = flags.prefix(3).map { String($0.map { $0 == "-" ? " " : $0 }) }.joined(separator: ", ")
        let headline = breathing
            ? "rule out ALS / motor neuron disease: breathing difficulty with twitching, assess the same day"
            : "rule out ALS / motor neuron disease: \(named) with twitching"
        return RuleOutcome(recommendations: recommendations, conditions: ["als"], headline: headline)
    }
}

extension Array where Element == String {
    /// The union of two source lists, sorted.
    func merged(with other: [String]) -> [String] { Array(Set(self).union(other)).sorted() }
}
