import Testing
import TriageKnowledge
import TriageModel

@testable import TriageEngine

/// The urgent-examination tier (SPEC §6.1): one stable or possible motor symptom is examined
/// within a week; EMG only as its conditional next step.
@Suite struct UrgentExaminationRuleTests {
    let knowledge = Knowledge.forTests
    let emgWhen = "if the examination finds weakness, wasting or reflex change"

    @Test func aStableWeaknessScoreOfOneIsExaminedWithinAWeek() {
        let referral = RedFlagScenario(days: 16, weakness: 1).referral(knowledge)
        #expect(referral.urgency == .urgent)
        #expect(!referral.queryMND)
        let exam = referral.recommendations.first { $0.test == .neurologyExam }
        #expect(exam?.who == .gp)
        #expect(exam?.when == nil)
        #expect(exam?.timeframe == "within a week by the GP, or neurology within 2 weeks, by the local pathway")
        #expect(
            exam?.detail.hasPrefix(
                "Examination within a week: strength, wasting, reflexes, tone, the tongue and the pattern of twitching, for weakness.")
                == true)
        let emg = referral.recommendations.first { $0.test == .emg }
        #expect(emg?.when == emgWhen)
        #expect(emg?.who == .neurophysiology)
        #expect(referral.headline.hasPrefix("Urgent: weakness: examination within a week"))
    }

    @Test(arguments: ["fine-motor difficulty", "foot drop", "falls"])
    func eachMotorSymptomOnItsOwnIsExamined(symptom: String) {
        let referral = RedFlagScenario(days: 15, symptoms: [SymptomID(rawValue: symptom)]).referral(knowledge)
        #expect(referral.urgency == .urgent, "\(symptom)")
        #expect(referral.recommendations.contains { $0.rule == UrgentExaminationRule().id && $0.test == .neurologyExam })
    }

    @Test func aPossibleSpeechChangeIsExamined_noInvestigationIsOrderedNow() {
        let referral = RedFlagScenario(possible: ["speech difficulty"]).referral(knowledge)
        #expect(referral.urgency == .urgent)
        #expect(!referral.queryMND)
        #expect(!referral.recommendations.contains { [.emg, .ncs, .mri].contains($0.test) && $0.when == nil })
    }

    @Test func caffeineTwitchingWithAWeaknessReadFromANoteIsNeverSelfCare() {
        let referral = RedFlagScenario(days: 8, symptoms: ["weakness"]).referral(knowledge)
        #expect(referral.urgency == .urgent)
        #expect(!referral.recommendations.contains { $0.test == .lifestyle })
    }
}
