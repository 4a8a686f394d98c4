import Foundation
import Testing
import TriageKnowledge
import TriageRender

@testable import TriageEngine

/// Considerations discipline (SPEC §6.3).
@Suite struct ConsiderationDisciplineTests {
    let knowledge = Knowledge.forTests

    @Test func aFearfulPatientWithoutAMotorFindingHasALSOnlyAsUnlikely() throws {
        var scenario = RedFlagScenario(days: 10)
        scenario.patient.journal[2].notes = ["scared this is ALS"]
        scenario.patient.journal[2].context = [.init(concept: "ALS", reason: .diseaseName, field: "note", quote: "scared this is ALS")]
        let referral = scenario.referral(knowledge)
        let als = referral.considerations.filter { $0.conditionID == "als" }
        #expect(als.count == 1)
        #expect(als.first?.assessment == "unlikely")
        #expect(als.first?.supporting.isEmpty == true)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ReferralJSON.render(referral).utf8)) as? [String: Any])
        let considerations = json["considerations"] as? [[String: Any]] ?? []
        #expect(considerations.first { $0["conditionId"] as? String == "als" }?["unlikely"] as? Bool == true)
    }

    @Test func aCutExposureThatWasNeverLinkedSaysNothingForOrAgainst() {
        var scenario = RedFlagScenario(days: 0)
        scenario.patient.days(7, count: { _ in 10 }, caffeine: 400)
        scenario.patient.days(14, from: 7, count: { _ in 10 }, caffeine: 100)
        let findings = scenario.findings(knowledge)
        let evaluator = ContrastEvaluator(findings: findings, knowledge: knowledge)
        #expect(!findings.lifestyle.changes.isEmpty)
        #expect(!findings.lifestyle.correlations.contains { $0.factor == .caffeine && $0.linked })
        #expect(evaluator.read(.noImprovementAfterCut) == nil)
    }

    @Test func theJSONCarriesWhoWhenQueryMNDAndTheExamination() throws {
        let referral = RedFlagScenario(symptoms: ["atrophy"]).referral(knowledge)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ReferralJSON.render(referral).utf8)) as? [String: Any])
        #expect(json["queryMND"] as? Bool == true)
        let recommendations = json["recommendations"] as? [[String: Any]] ?? []
        let emg = recommendations.first { $0["test"] as? String == "EMG" }
        #expect(emg?["who"] as? String == "neurophysiology")
        #expect(emg?["when"] as? String == "neurology's proposed work-up: never delays the referral")
        let examination = json["examination"] as? [[String: Any]] ?? []
        #expect(examination.first?["item"] as? String == "tongue: wasting and fasciculation")
    }
}

/// The patient's own description of twitches that move around puts BFS first, only without a
/// motor finding (SPEC §6.3).
@Suite struct PatientDescriptionTests {
    let knowledge = Knowledge.forTests

    @Test func itKeepsMovingAroundPutsBFSFirst_notBesideWeakness() {
        var scenario = RedFlagScenario(days: 7, regions: [("calf", "lower limb")])
        scenario.patient.days(14, from: 7, regions: [("forearm", "upper limb")])
        scenario.patient.journal[10].notes = ["no weakness, but it keeps moving around"]
        let referral = scenario.referral(knowledge)
        #expect(referral.considerations.first?.conditionID == "bfs")
        #expect(
            referral.considerations.first?.supporting.first
                == "The patient describes twitches that move around: \"no weakness, but it keeps moving around\"")

        var weak = RedFlagScenario(days: 7, regions: [("calf", "lower limb")], weakness: 1)
        weak.patient.days(14, from: 7, regions: [("forearm", "upper limb")], weakness: 1)
        weak.patient.journal[10].notes = ["it keeps moving around"]
        let motor = weak.referral(knowledge)
        #expect(motor.considerations.first?.conditionID != "bfs")
    }
}
