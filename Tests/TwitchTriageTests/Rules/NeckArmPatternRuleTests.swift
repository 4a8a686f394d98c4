import Testing
@testable import TwitchTriage

@Suite struct NeckArmPatternRuleTests {
    let knowledge = Knowledge.forTests
    let rule = NeckArmPatternRule()

    @Test(arguments: ["neck pain radiating to arm", "reduced reflexes"])
    func firesWithMRICervicalSpine(symptom: String) {
        var patient = PatientBuilder()
        patient.days(5, symptoms: [SymptomID(rawValue: symptom)])
        let outcome = rule.evaluate(patient.context(knowledge))
        #expect(outcome.recommendations.first?.test == .mri)
        #expect(outcome.recommendations.first?.region == "cervical spine")
        #expect(outcome.conditions == ["cervical-radiculopathy"])
    }

    @Test func plainArmTwitchingDoesNotFire() {
        var patient = PatientBuilder()
        patient.days(5)
        #expect(!rule.evaluate(patient.context(knowledge)).fired)
    }
}
