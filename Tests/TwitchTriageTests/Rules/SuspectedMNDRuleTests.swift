import Testing
import TriageKnowledge
import TriageModel

@testable import TriageEngine

/// Suspected motor neuron disease (SPEC §6.1, §6.2): urgent neurology with "query MND", and
/// neurology's proposed work-up, which never delays the referral.
@Suite struct SuspectedMNDRuleTests {
    let knowledge = Knowledge.forTests
    let proposal = "neurology's proposed work-up: never delays the referral"

    @Test func wastingIsUrgentNeurologyQueryMND_withEMGAndNCSAsProposals() {
        let referral = RedFlagScenario(symptoms: ["atrophy"]).referral(knowledge)
        #expect(referral.queryMND)
        #expect(referral.urgency == .urgent)
        let neurology = referral.recommendations.first { $0.test == .neurologyExam }
        #expect(neurology?.who == .neurology)
        #expect(neurology?.when == nil)
        #expect(
            neurology?.detail.hasPrefix(
                "Urgent neurology referral, query MND (write \"query MND\" in the referral; if the wait is long, phone the neurologist): atrophy."
            ) == true)
        let emg = referral.recommendations.first { $0.test == .emg }
        #expect(emg?.who == .neurophysiology)
        #expect(emg?.when == proposal)
        #expect(emg?.urgency == .urgent)
        #expect(
            emg?.detail == "EMG in several regions, with nerve conduction studies: denervation of motor neuron disease (Awaji criteria).")
        let ncs = referral.recommendations.first { $0.test == .ncs }
        #expect(ncs?.when == proposal)
        #expect(
            ncs?.detail
                == "Nerve conduction studies with the EMG: they separate the mimics (multifocal motor neuropathy by its conduction block, a neuropathy, an entrapment)."
        )
        let ck = referral.recommendations.first { $0.test == .bloodWork && ($0.analytes ?? []).contains("creatineKinase") }
        #expect(ck?.who == .gp)
        #expect(ck?.when == proposal)
        #expect(referral.considerations.first?.conditionID == "als")
        #expect(referral.examination.map(\.item).contains("tongue: wasting and fasciculation"))
    }

    @Test func aSpeechChangeIsMRIOfTheBrain_notTheCervicalSpine() {
        let referral = RedFlagScenario(symptoms: ["speech difficulty"]).referral(knowledge)
        let mris = referral.recommendations.filter { $0.test == .mri }
        #expect(mris.map(\.region) == ["brain"])
        #expect(mris.first?.who == .radiology)
        #expect(mris.first?.detail == "MRI of the brain: a speech or swallowing change comes from the brainstem, not the cervical cord.")
        #expect(!referral.recommendations.contains { $0.test == .swallowAssessment })
    }

    @Test func aSwallowingChangeIsASwallowAssessment_foodStickingRaisesAStructuralCause() {
        let referral = RedFlagScenario(symptoms: ["swallowing difficulty", "food sticking"]).referral(knowledge)
        let swallow = referral.recommendations.first { $0.test == .swallowAssessment }
        #expect(swallow?.who == .speechAndLanguageTherapy)
        #expect(swallow?.when == nil)
        #expect(
            swallow?.detail
                == "Swallow assessment by speech and language therapy for swallowing difficulty and food sticking: safe consistencies, the risk of aspiration."
        )
        let structural = referral.considerations.first { $0.conditionID == "structural-dysphagia" }
        #expect(
            structural?.diagnosticApproach
                == "Upper gastrointestinal endoscopy. Separated by: food or pills sticking at one level, without speech change or choking on liquids; endoscopy."
        )
    }

    @Test func progressiveArmWeaknessIsMRIOfTheCervicalSpine() {
        var scenario = RedFlagScenario()
        scenario.patient.days(10, from: 5, weakness: 0)
        scenario.patient.days(10, from: 15, weakness: 2)
        let referral = scenario.referral(knowledge)
        #expect(referral.queryMND)
        #expect(referral.recommendations.filter { $0.test == .mri }.map(\.region) == ["cervical spine"])
    }

    @Test func anIsolatedFootDropWithCrampsIsMRIOfTheLumbarSpine() {
        let referral = RedFlagScenario(regions: [("foot", "lower limb")], symptoms: ["foot drop", "cramps"]).referral(knowledge)
        #expect(referral.queryMND)
        let mri = referral.recommendations.first { $0.test == .mri }
        #expect(mri?.region == "lumbar spine")
        #expect(
            mri?.detail
                == "MRI of the lumbar spine for an isolated foot drop (an L5 root), with nerve conduction studies for a peroneal nerve palsy."
        )
    }

    @Test func weaknessInTwoRegionGroupsIsSuspectedMND() {
        var scenario = RedFlagScenario()
        scenario.patient.days(3, from: 5, symptoms: ["weakness"])
        for index in scenario.patient.journal.indices.suffix(3) {
            scenario.patient.journal[index].symptoms = [
                .init(symptom: "weakness", region: .init(region: "hand", group: "upper limb", side: .right))
            ]
        }
        scenario.patient.days(3, from: 8, regions: [("calf", "lower limb")], symptoms: ["weakness"])
        for index in scenario.patient.journal.indices.suffix(3) {
            scenario.patient.journal[index].symptoms = [
                .init(symptom: "weakness", region: .init(region: "calf", group: "lower limb", side: .left))
            ]
        }
        #expect(!SuspectedMNDRule.flags(scenario.findings(knowledge), knowledge).isEmpty)
    }

    @Test func daytimeSleepinessOrHeadDropAsksForBreathingTests() {
        for symptom in ["daytime sleepiness", "head drop"] {
            let referral = RedFlagScenario(symptoms: [SymptomID(rawValue: symptom)]).referral(knowledge)
            #expect(referral.queryMND, "\(symptom)")
            let tests = referral.recommendations.first { $0.test == .breathingTests }
            #expect(
                tests?.detail
                    == "Breathing tests for \(symptom): vital capacity lying and sitting, sniff nasal pressure, and carbon dioxide.")
        }
    }

    @Test func aPossibleWastingIsTheUrgentExamination_notQueryMND() {
        let referral = RedFlagScenario(possible: ["atrophy"]).referral(knowledge)
        #expect(!referral.queryMND)
        #expect(referral.urgency == .urgent)
        #expect(!referral.considerations.contains { $0.conditionID == "als" && $0.assessment == nil })
        let exam = referral.recommendations.first { $0.test == .neurologyExam }
        #expect(exam?.rule == UrgentExaminationRule().id)
        #expect(
            exam?.detail
                == "Examination within a week: strength, wasting, reflexes, tone, the tongue and the pattern of twitching, for atrophy (possible)."
        )
    }

    @Test func aLowResultNeverExplainsAwayTheMotorRedFlag() {
        var scenario = RedFlagScenario(symptoms: ["atrophy"])
        scenario.patient.lab("magnesium", 1.4, status: .low, knowledge: knowledge)
        let referral = scenario.referral(knowledge)
        #expect(referral.queryMND)
        #expect(referral.urgency == .urgent)
    }
}
