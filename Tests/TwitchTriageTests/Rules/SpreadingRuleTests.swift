import Testing
import TriageKnowledge

@testable import TriageEngine

@Suite struct SpreadingRuleTests {
    let knowledge = Knowledge.forTests
    let rule = SpreadingRule()

    @Test func newGroupInWeekThreeFires_inWeekOneDoesNot() {
        var late = PatientBuilder()
        late.days(14)
        late.days(7, from: 14, regions: [("forearm", "upper limb"), ("calf", "lower limb")])
        let outcome = rule.evaluate(late.context(knowledge))
        #expect(outcome.recommendations.map(\.test) == [.neurologyExam, .emg])
        // Without a motor finding: a routine examination, EMG its conditional next step (SPEC §6.1).
        #expect(outcome.recommendations.allSatisfy { $0.urgency == .routine })
        #expect(outcome.recommendations.last?.when == "if the examination finds weakness, wasting or reflex change")

        var early = PatientBuilder()
        early.days(3)
        early.days(18, from: 3, regions: [("forearm", "upper limb"), ("calf", "lower limb")])
        #expect(!rule.evaluate(early.context(knowledge)).fired)
    }

    @Test func dayEightIsAfterTheFirstWeek_daySevenIsNot() {
        var day7 = PatientBuilder()
        day7.days(6)
        day7.days(4, from: 6, regions: [("calf", "lower limb")])
        #expect(!rule.evaluate(day7.context(knowledge)).fired)
        var day8 = PatientBuilder()
        day8.days(7)
        day8.days(4, from: 7, regions: [("calf", "lower limb")])
        #expect(rule.evaluate(day8.context(knowledge)).fired)
    }

    /// Beside any shown symptom of the row's `notBeside` set (motor or bulbar) spreading does not
    /// hold: the tiers above act (SPEC §6.1).
    @Test func besideAMotorOrBulbarSymptomItDoesNotFire() throws {
        let row = try #require(knowledge.redFlag(id: .spreading))
        #expect(row.notBeside == .motorOrBulbar)
        let set = knowledge.symptomSet(.motorOrBulbar).symptoms
        #expect(!set.isEmpty)
        for symptom in set {
            var patient = PatientBuilder()
            patient.days(14)
            patient.days(7, from: 14, regions: [("forearm", "upper limb"), ("calf", "lower limb")], symptoms: [symptom])
            #expect(!rule.evaluate(patient.context(knowledge)).fired, "\(symptom)")
        }
    }
}
