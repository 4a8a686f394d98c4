import Testing
import TriageKnowledge
import TriageModel

@testable import TriageEngine

/// The cauda equina rule (SPEC §6.1) treats a new sexual function change exactly as a bladder or
/// bowel change (NICE NG127: "new-onset disturbance of bladder, bowel or sexual function"): with
/// back or leg symptoms the emergency department today; without them, or possible, a clinician
/// phones the patient today.
@Suite struct CaudaEquinaRuleTests {
    let knowledge = Knowledge.forTests
    let rule = CaudaEquinaRule().id

    @Test func sexualFunctionChangeWithLegOrBackSymptomsIsTheEmergencyDepartmentToday() {
        let scenarios = [
            RedFlagScenario(regions: [("calf", "lower limb")], symptoms: [.sexualFunction]),
            RedFlagScenario(regions: [("back", "trunk")], symptoms: [.sexualFunction]),
            RedFlagScenario(regions: [("forearm", "upper limb")], symptoms: [.sexualFunction, .numbness]),
        ]
        for scenario in scenarios {
            let referral = scenario.referral(knowledge)
            let first = referral.recommendations[0]
            #expect(referral.sameDay)
            #expect(first.rule == rule)
            #expect(first.test == .sameDayAssessment)
            #expect(first.who == .emergencyDepartment)
            #expect(first.timeframe == "today, within hours")
            #expect(
                first.detail
                    == "Emergency department today: sexual function change with back or leg symptoms may be cauda equina syndrome (an MRI of the lumbar spine there, the same day)."
            )
            #expect(referral.headline == "Urgent, same day: sexual function change: emergency department today (cauda equina).")
        }
    }

    @Test func bladderAndSexualFunctionChangeTogetherAreOneStepNamingBoth() {
        let referral = RedFlagScenario(regions: [("thigh", "lower limb")], symptoms: [.bladderBowel, .sexualFunction]).referral(knowledge)
        let steps = referral.recommendations.filter { $0.rule == rule }
        #expect(steps.count == 1)
        #expect(steps.first?.test == .sameDayAssessment)
        #expect(steps.first?.detail.contains("bladder or bowel change") == true)
        #expect(steps.first?.detail.contains("sexual function change") == true)
    }

    @Test func sexualFunctionChangeWithoutBackOrLegSymptomsIsAPhoneCallToday() {
        let referral = RedFlagScenario(regions: [("eyelid", "cranial/bulbar")], symptoms: [.sexualFunction]).referral(knowledge)
        #expect(!referral.sameDay)
        #expect(!referral.recommendations.contains { $0.test == .sameDayAssessment })
        let call = referral.recommendations.first { $0.rule == rule }
        #expect(call?.test == .clinicianReview)
        #expect(call?.who == .gp)
        #expect(call?.timeframe == "today: a clinician phones the patient")
        #expect(
            call?.detail
                == "A clinician phones the patient today about the possible sexual function change (written with doubt): if the bladder, bowel, sexual function or saddle sensation has changed, the emergency department today."
        )
        #expect(referral.urgency != .selfCare)
    }

    @Test func aPossibleSexualFunctionChangeIsAPhoneCallToday_evenWithLegSymptoms() {
        let referral = RedFlagScenario(regions: [("calf", "lower limb")], possible: ["sexual function change"]).referral(knowledge)
        #expect(!referral.sameDay)
        #expect(!referral.recommendations.contains { $0.test == .sameDayAssessment })
        let call = referral.recommendations.first { $0.rule == rule }
        #expect(call?.test == .clinicianReview)
        #expect(call?.timeframe == "today: a clinician phones the patient")
        #expect(referral.urgency != .selfCare)
    }

    @Test func theRedFlagAndTheDangerOrderNameTheSymptom() throws {
        let flag = try #require(knowledge.redFlags.first { $0.id == RedFlagID.caudaEquina })
        #expect(flag.symptoms.contains(SymptomID.sexualFunction))
        let page = try #require(knowledge.page)
        #expect(page.dangerOrder.contains { $0.symptoms?.contains(SymptomID.sexualFunction) == true })
        #expect(page.sameDaySymptoms.symptoms.contains(SymptomID.sexualFunction))
        #expect(knowledge.rules.symptoms(.benignRedFlags).symptoms.contains(SymptomID.sexualFunction))
    }
}
