import Testing
@testable import TwitchTriage

@Suite struct MotorNeuronRedFlagsRuleTests {
    let knowledge = Knowledge.forTests
    let rule = MotorNeuronRedFlagsRule()

    @Test func progressiveWeaknessFires_stableWeaknessDoesNot() {
        var rising = PatientBuilder()
        rising.days(10, weakness: 0)
        rising.days(10, from: 10, weakness: 1)
        let outcome = rule.evaluate(rising.context(knowledge))
        #expect(outcome.fired)
        #expect(Set(outcome.recommendations.map(\.test)) == [.neurologyExam, .emg, .mri, .bloodWork])
        #expect(outcome.recommendations.allSatisfy { $0.urgency == .urgent })
        #expect(outcome.recommendations.first { $0.test == .mri }?.region == "cervical spine")
        #expect(outcome.conditions == ["als"])

        var stable = PatientBuilder()
        stable.days(20, weakness: 1)
        #expect(!rule.evaluate(stable.context(knowledge)).fired)
    }

    @Test(arguments: ["atrophy", "speech difficulty", "swallowing difficulty", "breathing difficulty"])
    func eachBulbarOrWastingSignFires(symptom: String) {
        var patient = PatientBuilder()
        patient.days(5, symptoms: [SymptomID(rawValue: symptom)])
        #expect(rule.evaluate(patient.context(knowledge)).fired)
    }

    @Test func weaknessNeedsFineMotorDifficultyToFireAlone() {
        var weakOnly = PatientBuilder()
        weakOnly.days(5, symptoms: ["weakness"])
        #expect(!rule.evaluate(weakOnly.context(knowledge)).fired)
        var both = PatientBuilder()
        both.days(5, symptoms: ["weakness", "fine-motor difficulty"])
        #expect(rule.evaluate(both.context(knowledge)).fired)
    }

    @Test func breathingDifficultyAsksForSameDayAssessment() {
        var patient = PatientBuilder()
        patient.days(3, symptoms: ["breathing difficulty"])
        let outcome = rule.evaluate(patient.context(knowledge))
        let assessment = outcome.recommendations.first { $0.test == .sameDayAssessment }
        #expect(assessment?.detail.hasPrefix("Assess breathing today: oxygen saturation, vital capacity lying and sitting") == true)
        #expect(outcome.recommendations.first?.test == .sameDayAssessment)
        var atrophy = PatientBuilder()
        atrophy.days(3, symptoms: ["atrophy"])
        #expect(!rule.evaluate(atrophy.context(knowledge)).recommendations.contains { $0.test == .sameDayAssessment })
    }

    @Test func noTwitchingNoRedFlagRule() {
        var patient = PatientBuilder()
        patient.days(3, count: { _ in 0 }, regions: [], symptoms: ["atrophy"])
        #expect(!rule.evaluate(patient.context(knowledge)).fired)
    }
}
