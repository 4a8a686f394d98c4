import Testing
@testable import TwitchTriage

@Suite struct AbnormalLabsRuleTests {
    let knowledge = Knowledge.forTests
    let rule = AbnormalLabsRule()

    @Test func lowMagnesiumAsksForElectrolytes() {
        var patient = PatientBuilder()
        patient.days(5)
        patient.lab("magnesium", 0.55, status: .low, knowledge: knowledge)
        let outcome = rule.evaluate(patient.context(knowledge))
        let blood = outcome.recommendations.first
        #expect(blood?.test == .bloodWork)
        #expect(blood?.urgency == .routine)
        #expect(blood?.analytes?.first == "magnesium")
        #expect(blood?.analytes?.contains("potassium") == true)
        #expect(outcome.conditions == ["electrolyte-imbalance"])
    }

    @Test func criticalPotassiumIsUrgent() {
        var patient = PatientBuilder()
        patient.lab("potassium", 2.4, status: .criticalLow, knowledge: knowledge)
        let outcome = rule.evaluate(patient.context(knowledge))
        #expect(outcome.recommendations.first?.urgency == .urgent)
    }

    @Test func normalOrUnclassifiedLabsDoNotFire() {
        var patient = PatientBuilder()
        patient.normalCorePanel(knowledge: knowledge)
        patient.lab("vitaminB12", 900, status: .unclassified, knowledge: knowledge)
        #expect(!rule.evaluate(patient.context(knowledge)).fired)
    }

    @Test func lowB12PointsToVitaminDeficiency() {
        var patient = PatientBuilder()
        patient.lab("vitaminB12", 110, status: .low, knowledge: knowledge)
        #expect(rule.evaluate(patient.context(knowledge)).conditions == ["vitamin-deficiency"])
    }
}
