import Testing
import TriageKnowledge
import TriageModel

@testable import TriageEngine

@Suite struct NeckArmPatternRuleTests {
    let knowledge = Knowledge.forTests
    let rule = NeckArmPatternRule()

    @Test(arguments: ["neck pain radiating to arm", "reduced reflexes"])
    func firesWithMRICervicalSpine(symptom: String) {
        var patient = PatientBuilder()
        patient.days(5, symptoms: [SymptomID(rawValue: symptom)])
        let outcome = rule.evaluate(patient.context(knowledge))
        // Examination first; the MRI is its conditional next step (issue 20).
        #expect(outcome.recommendations.map(\.test) == [.neurologyExam, .mri])
        #expect(outcome.recommendations.first?.who == .gp)
        #expect(outcome.recommendations.last?.region == "cervical spine")
        #expect(outcome.recommendations.last?.when == "if the examination finds a root or cord sign, or the pain persists")
        #expect(outcome.conditions == ["cervical-radiculopathy"])
    }

    @Test func plainArmTwitchingDoesNotFire() {
        var patient = PatientBuilder()
        patient.days(5)
        #expect(!rule.evaluate(patient.context(knowledge)).fired)
    }
}
