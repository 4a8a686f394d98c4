import Testing
@testable import TwitchTriage

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

    /// Breathing difficulty with twitching: a same-day assessment of breathing (oxygen
    /// saturation, vital capacity lying and sitting, a cardiac or lung cause considered).
    @Test func breathingDifficultyAddsASameDayAssessment() throws {
        var patient = PatientBuilder()
        patient.days(10, regions: [("chest", "trunk")], symptoms: [SymptomID.breathing])
        let referral = patient.referral(knowledge)
        #expect(referral.sameDay)
        #expect(referral.urgency == .urgent)
        #expect(referral.headline.hasPrefix("Urgent, same day: breathing difficulty with twitching: assess breathing today"))
        let assessment = try #require(referral.recommendations.first { $0.test == .sameDayAssessment })
        #expect(assessment.timeframe == "today, within hours")
        for words in ["oxygen saturation", "vital capacity lying and sitting", "cardiac or lung cause"] {
            #expect(assessment.detail.contains(words), "\(words)")
        }
        #expect(referral.recommendations.first?.test == .sameDayAssessment)
        #expect(assessment.sources.contains("NICE NG127"))
    }

    @Test func aCriticalValueIsSameDayAndALowOneIsNot() throws {
        var critical = PatientBuilder()
        critical.days(5, regions: [("calf", "lower limb")])
        critical.lab("potassium", 2.3, status: .criticalLow, daysBeforeAsOf: 1, knowledge: knowledge)
        let referral = critical.referral(knowledge)
        #expect(referral.sameDay)
        let assessment = try #require(referral.recommendations.first { $0.test == .sameDayAssessment })
        #expect(assessment.detail == "potassium 2.3 mmol/L (critical-low) on 2026-11-19: Critical result, act today: repeat and treat per local protocol.")
        #expect(assessment.who == .emergencyDepartment)
        var low = PatientBuilder()
        low.days(5, regions: [("calf", "lower limb")])
        low.lab("potassium", 3.2, status: .low, daysBeforeAsOf: 1, knowledge: knowledge)
        #expect(low.referral(knowledge).sameDay == false)
        #expect(!low.referral(knowledge).recommendations.contains { $0.test == .sameDayAssessment })
    }
}
