import Testing
import TriageKnowledge
import TriageModel

@testable import TriageEngine

@Suite struct BenignPatternRuleTests {
    let knowledge = Knowledge.forTests
    let rule = BenignPatternRule()

    @Test func fourteenDaysIsBenign_fifteenIsNot() {
        var fourteen = PatientBuilder()
        fourteen.days(14)
        fourteen.normalCorePanel(knowledge: knowledge)
        let outcome = rule.evaluate(fourteen.context(knowledge))
        #expect(outcome.recommendations.map(\.test) == [.lifestyle])
        #expect(outcome.recommendations.first?.urgency == .selfCare)

        var fifteen = PatientBuilder()
        fifteen.days(15)
        fifteen.normalCorePanel(knowledge: knowledge)
        #expect(!rule.evaluate(fifteen.context(knowledge)).fired)
    }

    @Test func aRedFlagOrAnAbnormalLabIsNotBenign() {
        var flagged = PatientBuilder()
        flagged.days(5, symptoms: ["numbness"])
        #expect(!rule.evaluate(flagged.context(knowledge)).fired)
        var lab = PatientBuilder()
        lab.days(5)
        lab.lab("magnesium", 0.5, status: .low, knowledge: knowledge)
        #expect(!rule.evaluate(lab.context(knowledge)).fired)
    }

    @Test func caffeineAdviceOnlyForCaffeineDays() {
        var patient = PatientBuilder()
        patient.days(5, caffeine: 400)
        patient.normalCorePanel(knowledge: knowledge)
        let detail = rule.evaluate(patient.context(knowledge)).recommendations.first?.detail ?? ""
        let caffeineAdvice = knowledge.advice.filter { $0.trigger == "caffeine" && $0.kind == .lifestyle }
        #expect(!caffeineAdvice.isEmpty)
        #expect(caffeineAdvice.allSatisfy { detail.contains($0.text) })
    }

    @Test func missingLabsAreAGapNotNormal() {
        var patient = PatientBuilder()
        patient.days(5)
        let outcome = rule.evaluate(patient.context(knowledge))
        #expect(outcome.recommendations.map(\.test) == [.lifestyle])
        #expect(outcome.recommendations[0].reasons.contains(FindingID.coreLabsGap))
        #expect(outcome.recommendations[0].detail.contains("not assumed normal"))
    }
}
