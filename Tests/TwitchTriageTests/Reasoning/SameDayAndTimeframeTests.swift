import Testing
import TriageKnowledge
import TriageModel

/// SPEC §6 "Timeframes" and "Same day".
@Suite struct SameDayAndTimeframeTests {
    let knowledge = Knowledge.forTests

    @Test func everyRecommendationCarriesTheKnowledgeTimeframeOfItsUrgency() {
        var patient = PatientBuilder()
        patient.days(30, regions: [("calf", "lower limb")], symptoms: [SymptomID.neckArm])
        let referral = patient.referral(knowledge)
        #expect(!referral.recommendations.isEmpty)
        for recommendation in referral.recommendations {
            #expect(recommendation.timeframe == knowledge.timeframe(recommendation.urgency))
        }
        #expect(knowledge.timeframe(.urgent) == "to be seen within 2 weeks")
        #expect(knowledge.timeframe(.soon) == "to be seen within 4 weeks")
        #expect(referral.sameDay == false)
    }

    /// Breathless at rest or lying flat with twitching: a same-day assessment of breathing (vital
    /// capacity lying and sitting, carbon dioxide, a cardiac or lung cause considered); breathless
    /// on exertion is suspected MND with breathing tests, urgent, not same day (SPEC §6.1).
    @Test func breathingDifficultyAddsASameDayAssessment() throws {
        var patient = PatientBuilder()
        patient.days(10, regions: [("chest", "trunk")], symptoms: ["breathless at rest or lying flat"])
        let referral = patient.referral(knowledge)
        #expect(referral.sameDay)
        #expect(referral.urgency == .urgent)
        #expect(referral.headline.hasPrefix("Urgent, same day: breathless at rest or lying flat: assess breathing today"))
        let assessment = try #require(referral.recommendations.first { $0.test == .sameDayAssessment })
        #expect(assessment.timeframe == "today, within hours")
        for words in ["carbon dioxide", "vital capacity lying and sitting", "cardiac or lung cause"] {
            #expect(assessment.detail.contains(words), "\(words)")
        }
        #expect(referral.recommendations.first?.test == .sameDayAssessment)
        var exertion = PatientBuilder()
        exertion.days(10, regions: [("chest", "trunk")], symptoms: [SymptomID.breathing])
        let urgent = exertion.referral(knowledge)
        #expect(!urgent.sameDay)
        #expect(urgent.queryMND)
        #expect(urgent.recommendations.contains { $0.test == .breathingTests })
        #expect(assessment.sources.contains("NICE NG127"))
    }

    @Test func aCriticalValueIsSameDayAndALowOneIsNot() throws {
        var critical = PatientBuilder()
        critical.days(5, regions: [("calf", "lower limb")])
        critical.lab("potassium", 2.3, status: .criticalLow, daysBeforeAsOf: 1, knowledge: knowledge)
        let referral = critical.referral(knowledge)
        #expect(referral.sameDay)
        let assessment = try #require(referral.recommendations.first { $0.test == .sameDayAssessment })
        #expect(
            assessment.detail
                == "potassium 2.3 mmol/L (critical-low) on 2026-11-19: Critical result, act today: repeat and treat per local protocol.")
        #expect(assessment.who == .emergencyDepartment)
        var low = PatientBuilder()
        low.days(5, regions: [("calf", "lower limb")])
        low.lab("potassium", 3.2, status: .low, daysBeforeAsOf: 1, knowledge: knowledge)
        #expect(low.referral(knowledge).sameDay == false)
        #expect(!low.referral(knowledge).recommendations.contains { $0.test == .sameDayAssessment })
    }
}
