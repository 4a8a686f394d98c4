import Testing
import TriageKnowledge
import TriageModel

@testable import TriageEngine

@Suite struct PersistentTwitchingRuleTests {
    let knowledge = Knowledge.forTests
    let rule = PersistentTwitchingRule()

    @Test func fifteenDaysWithoutImprovementFires_fourteenDoesNot() {
        var fifteen = PatientBuilder()
        fifteen.days(15)
        fifteen.normalCorePanel(knowledge: knowledge)
        fifteen.lab("tsh", 2, status: .normal, knowledge: knowledge)
        let outcome = rule.evaluate(fifteen.context(knowledge))
        #expect(outcome.recommendations.map(\.test) == [.neurologyExam, .emg])
        #expect(outcome.recommendations.first?.urgency == .routine)
        #expect(outcome.recommendations.last?.when == "if the examination finds weakness, wasting or reflex change")
        #expect(outcome.conditions == ["bfs"])

        var fourteen = PatientBuilder()
        fourteen.days(14)
        fourteen.normalCorePanel(knowledge: knowledge)
        #expect(!rule.evaluate(fourteen.context(knowledge)).fired)
    }

    @Test func improvingSpanUnderThreeWeeksDoesNotFire_overThreeWeeksDoes() {
        var improving = PatientBuilder()
        improving.days(18, count: { $0 < 7 ? 10 : 2 })
        #expect(improving.findings(knowledge).course.trend == .improving)
        #expect(!rule.evaluate(improving.context(knowledge)).fired)

        var notImproving = PatientBuilder()
        notImproving.days(18, count: { $0 < 7 ? 10 : 6 })
        #expect(notImproving.findings(knowledge).course.trend == .stable)
        #expect(rule.evaluate(notImproving.context(knowledge)).fired)

        var longImproving = PatientBuilder()
        longImproving.days(22, count: { $0 < 7 ? 10 : 1 })
        #expect(rule.evaluate(longImproving.context(knowledge)).fired)
    }

    @Test func missingOrStaleCoreLabsAskForBloodWorkToFillTheGap() {
        var patient = PatientBuilder()
        patient.days(30)
        patient.lab("magnesium", 0.85, status: .normal, daysBeforeAsOf: 200, knowledge: knowledge)
        let outcome = rule.evaluate(patient.context(knowledge))
        let blood = outcome.recommendations.first { $0.test == .bloodWork }
        #expect(blood?.analytes == ["magnesium", "potassium", "calcium", "vitaminB12", "vitaminD", "tsh"])
        #expect(blood?.detail.contains("nothing assumed normal") == true)
        #expect(blood?.reasons == [FindingID.coreLabsGap, FindingID.twitchSpan])
    }
}
