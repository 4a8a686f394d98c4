import Testing
import TriageKnowledge
import TriageModel

@testable import TriageEngine

/// The other rows of SPEC §6.1 and examination first (§6.2).
@Suite struct OtherRedFlagRowTests {
    let knowledge = Knowledge.forTests
    let emgWhen = "if the examination finds weakness, wasting or reflex change"

    @Test func visionOverDaysIsAnEyeExaminationWithinADay_neverEMG() {
        let referral = RedFlagScenario(
            days: 31, regions: [("eyelid", "cranial/bulbar"), ("cheek", "cranial/bulbar")],
            symptoms: ["vision problems"]
        ).referral(knowledge)
        let eye = referral.recommendations.first { $0.test == .eyeExamination }
        #expect(eye?.who == .eyeExamination)
        #expect(eye?.urgency == .urgent)
        #expect(eye?.timeframe == "within about 24 hours: eye casualty by the local pathway")
        #expect(
            eye?.detail
                == "Eye examination within about 24 hours (eye casualty by the local pathway): acuity, colour vision, pupils and fundi, for vision problems; optic neuritis to exclude."
        )
        let mri = referral.recommendations.first { $0.test == .mri }
        #expect(mri?.region == "brain")
        #expect(mri?.who == .radiology)
        #expect(!referral.recommendations.contains { $0.test == .emg })
        #expect(referral.examination.map(\.item).contains("pupils: a relative afferent pupillary defect"))
        #expect(referral.considerations.first?.conditionID == "optic-neuritis")
    }

    @Test func aDroopingEyelidIsUrgentNeurologyForMyasthenia() {
        let referral = RedFlagScenario(symptoms: ["drooping eyelid"]).referral(knowledge)
        let neurology = referral.recommendations.first { $0.rule == SymptomRedFlagRule(RedFlagID.fatigableOcular).id }
        #expect(neurology?.test == .neurologyExam)
        #expect(neurology?.who == .neurology)
        #expect(neurology?.urgency == .urgent)
        #expect(neurology?.detail.contains("acetylcholine-receptor antibodies") == true)
        #expect(referral.considerations.contains { $0.conditionID == "myasthenia-gravis" })
    }

    @Test func weightLossIsSoon_besideAMotorFindingUrgent() {
        let alone = RedFlagScenario(symptoms: ["unexplained weight loss"]).referral(knowledge)
        #expect(alone.urgency == .soon)
        #expect(alone.recommendations.first { $0.test == .neurologyExam }?.who == .gp)
        let motor = RedFlagScenario(symptoms: ["unexplained weight loss", "weakness"]).referral(knowledge)
        #expect(motor.urgency == .urgent)
        #expect(motor.queryMND)
    }

    @Test func spreadingToANewGroupWithoutAMotorFindingIsARoutineExamination_neverALS() {
        var scenario = RedFlagScenario(days: 7, regions: [("calf", "lower limb")])
        scenario.patient.days(7, from: 7, regions: [("forearm", "upper limb")])
        scenario.patient.demographics = PatientDemographics(source: SourceLocation(file: "p.csv", line: 2), patientID: "T001", age: 55)
        let outcome = SpreadingRule().evaluate(scenario.context(knowledge))
        #expect(outcome.recommendations.map(\.test) == [.neurologyExam, .emg])
        #expect(outcome.recommendations[0].who == .gp)
        #expect(outcome.recommendations[0].urgency == .routine)
        #expect(outcome.recommendations[1].when == emgWhen)
        #expect(outcome.conditions.isEmpty)
        let referral = scenario.referral(knowledge)
        #expect(!referral.considerations.contains { $0.conditionID == "als" })
    }

    @Test func spreadingWithinOneLimbIsAFinding_notTheRedFlag() {
        var scenario = RedFlagScenario(days: 7, regions: [("thumb", "upper limb")])
        scenario.patient.days(7, from: 7, regions: [("forearm", "upper limb")])
        #expect(scenario.findings(knowledge).course.spreads)
        #expect(!SpreadingRule().evaluate(scenario.context(knowledge)).fired)
    }

    @Test func sensorySymptomsAreExaminedWithTheNeuropathyScreen_NCSConditional() {
        let referral = RedFlagScenario(days: 10, symptoms: ["numbness", "tingling"]).referral(knowledge)
        #expect(referral.urgency == .routine)
        let exam = referral.recommendations.first { $0.test == .neurologyExam }
        #expect(
            exam?.detail.hasPrefix(
                "Routine examination for numbness and tingling: glove-and-stocking sensation, ankle reflexes, vibration and strength.")
                == true)
        let ncs = referral.recommendations.first { $0.test == .ncs }
        #expect(ncs?.when == "if the symptoms are asymmetric, motor, start in the hands or progress, or the examination is abnormal")
        #expect(ncs?.who == .neurophysiology)
    }

    @Test func perioralTinglingIsCalciumAndMagnesium_notNCS() {
        let referral = RedFlagScenario(symptoms: ["perioral tingling"]).referral(knowledge)
        let blood = referral.recommendations.first { $0.rule == SymptomRedFlagRule(RedFlagID.perioralTingling).id }
        #expect(blood?.test == .bloodWork)
        #expect(Set(blood?.analytes ?? []) == ["calcium", "magnesium"])
        #expect(blood?.who == .gp)
        #expect(!referral.recommendations.contains { $0.test == .ncs })
    }

    @Test func eyelidTwitchingAloneIsSelfCareBeforeThreeMonths_examinedAfter_neverEMG() {
        let month = RedFlagScenario(days: 30, regions: [("eyelid", "cranial/bulbar")]).referral(knowledge)
        #expect(month.urgency == .selfCare)
        #expect(month.recommendations.map(\.test) == [.lifestyle])
        #expect(month.recommendations[0].detail.hasPrefix("Self-care for eyelid twitching of 30 days"))
        let long = RedFlagScenario(days: 100, regions: [("eyelid", "cranial/bulbar")]).referral(knowledge)
        #expect(long.urgency == .routine)
        #expect(long.recommendations.contains { $0.test == .neurologyExam })
        #expect(!long.recommendations.contains { $0.test == .emg })
        let drooping = RedFlagScenario(days: 30, regions: [("eyelid", "cranial/bulbar")], symptoms: ["drooping eyelid"]).referral(knowledge)
        #expect(drooping.urgency == .urgent)
    }

    @Test func persistentTwitchingIsExaminedFirst_EMGIsItsConditionalNextStep() {
        var scenario = RedFlagScenario(days: 30)
        scenario.patient.normalCorePanel(knowledge: knowledge)
        scenario.patient.lab("tsh", 2, status: .normal, knowledge: knowledge)
        scenario.patient.demographics = PatientDemographics(source: SourceLocation(file: "p.csv", line: 2), patientID: "T001", age: 55)
        let referral = scenario.referral(knowledge)
        #expect(referral.urgency == .routine)
        let exam = referral.recommendations.first { $0.test == .neurologyExam }
        #expect(exam?.who == .gp)
        #expect(exam?.when == nil)
        #expect(
            exam?.detail.hasPrefix(
                "Routine clinical and neurological examination (GP or neurology) for twitching over 30 days without improvement: strength, wasting, reflexes, the tongue and the pattern of twitching."
            ) == true)
        let emg = referral.recommendations.first { $0.test == .emg }
        #expect(emg?.when == emgWhen)
        #expect(emg?.sources.contains("GPnotebook: NICE NG127, tics and involuntary movements in adults") == true)
        #expect(emg?.sources.contains("arm-twitching-guide") == true)
        #expect(referral.considerations.map(\.conditionID) == ["bfs"])
    }

    @Test func unreadSymptomTextIsReadToday() {
        var scenario = RedFlagScenario(days: 5)
        for index in scenario.patient.journal.indices {
            scenario.patient.journal[index].unreadSymptomText = [Term("funny buzzy thing", at: scenario.patient.journal[index].source)]
        }
        let referral = scenario.referral(knowledge)
        let review = referral.recommendations.first { $0.test == .clinicianReview }
        #expect(review?.timeframe == "today: read the patient's words")
        #expect(review?.who == .gp)
        #expect(
            review?.detail
                == "Read the symptom text the tool could not understand, and ask the patient what it means: \"funny buzzy thing\" (5 entries). Until then no symptom is taken as absent over those entries."
        )
        #expect(referral.urgency != .selfCare)
    }
}
