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

    /// The red flag's name is `rules.json`'s sentences `spread` and `spread-to-group` (issue 24):
    /// change them in a copy of the tables and the headline says the new words.
    @Test func theSpreadsNameIsTheKnowledgesSentences() throws {
        var patient = PatientBuilder()
        patient.days(14)
        patient.days(7, from: 14, regions: [("calf", "lower limb")])
        let shipped = try #require(rule.evaluate(patient.context(knowledge)).headline)
        #expect(shipped.contains("spread to lower limb from 2026-09-15"), "\(shipped)")
        var edited = knowledge
        for (id, text) in [(SentenceID.spread, "moving {groups}"), (.spreadToGroup, "into the {group} on {date}")] {
            let index = try #require(edited.rules.sentences.firstIndex { $0.id == id })
            edited.rules.sentences[index].text = text
        }
        let headline = try #require(rule.evaluate(patient.context(edited)).headline)
        #expect(headline.contains("moving into the lower limb on 2026-09-15"), "\(headline)")
        #expect(!headline.contains("spread to"))
    }
}
