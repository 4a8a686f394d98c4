import Testing
import TriageKnowledge

@testable import TriageEngine

@Suite struct AbnormalLabsRuleTests {
    let knowledge = Knowledge.forTests
    let rule = AbnormalLabsRule()

    /// Hypomagnesaemia (NHS trust guidelines): replace after kidney function, and check potassium and calcium
    /// (drawn here, none on file), each with its reason.
    @Test func lowMagnesiumIsReplacedWithItsChecks() {
        var patient = PatientBuilder()
        patient.days(5)
        patient.lab("magnesium", 0.55, status: .low, knowledge: knowledge)
        let outcome = rule.evaluate(patient.context(knowledge))
        #expect(outcome.recommendations.map(\.test) == [.treatment, .bloodWork])
        let treatment = outcome.recommendations.first
        #expect(treatment?.urgency == .soon && treatment?.who == .gp)
        let blood = outcome.recommendations.last
        #expect(blood?.analytes == ["potassium", "calcium", "kidney function"])
        #expect(
            blood?.detail
                == "Also draw: potassium: never measured; calcium: never measured; kidney function: with the magnesium 0.55 mmol/L.")
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
