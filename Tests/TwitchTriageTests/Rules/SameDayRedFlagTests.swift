import Testing
import TriageKnowledge
import TriageModel

@testable import TriageEngine

/// The same-day red flags of SPEC §6.1, each on its own: stated → the first step today (the
/// emergency department, 999, eye casualty), possible → a clinician phones the patient today.
@Suite struct SameDayRedFlagTests {
    let knowledge = Knowledge.forTests

    @Test func suddenDeficitIs999Now_possibleIsAPhoneCallToday() {
        let referral = RedFlagScenario(symptoms: ["sudden deficit"]).referral(knowledge)
        let first = referral.recommendations[0]
        #expect(first.test == .sameDayAssessment)
        #expect(first.who == .emergencyDepartment)
        #expect(first.urgency == .urgent)
        #expect(first.timeframe == "today, within hours")
        #expect(first.when == nil)
        #expect(
            first.detail
                == "Call 999 or follow the stroke-TIA pathway now: a sudden sudden deficit is a stroke or TIA until shown otherwise.")
        #expect(referral.sameDay)

        let possible = RedFlagScenario(possible: ["facial droop"]).referral(knowledge)
        let call = possible.recommendations.first { $0.rule == SymptomRedFlagRule(RedFlagID.suddenDeficit).id }
        #expect(call?.test == .clinicianReview)
        #expect(call?.who == .gp)
        #expect(call?.timeframe == "today: a clinician phones the patient")
        #expect(
            call?.detail
                == "A clinician phones the patient today about the possible facial droop (written with doubt): if it came on suddenly, 999 and the stroke pathway."
        )
        #expect(!possible.sameDay)
        #expect(!possible.recommendations.contains { $0.test == .sameDayAssessment })
    }

    @Test func weaknessWorseningOverDaysOrAscendingTinglingIsTheEmergencyDepartmentToday() {
        for symptom in ["weakness worsening over days", "ascending tingling"] {
            let referral = RedFlagScenario(symptoms: [SymptomID(rawValue: symptom)]).referral(knowledge)
            let first = referral.recommendations[0]
            #expect(first.test == .sameDayAssessment, "\(symptom)")
            #expect(first.who == .emergencyDepartment)
            #expect(
                first.detail
                    == "Emergency department today: \(symptom) may be Guillain-Barré syndrome; bulbar function and breathing (vital capacity) are assessed there."
            )
            #expect(referral.sameDay)
            #expect(referral.headline == "Urgent, same day: \(symptom): emergency department today (Guillain-Barré syndrome).")
        }
    }

    @Test func saddleNumbnessAlone_orBladderChangeWithLegSymptoms_isCaudaEquinaToday() {
        let saddle = RedFlagScenario(symptoms: ["saddle numbness"]).referral(knowledge)
        #expect(saddle.sameDay)
        #expect(
            saddle.recommendations[0].detail
                == "Emergency department today: saddle numbness with back or leg symptoms may be cauda equina syndrome (an MRI of the lumbar spine there, the same day)."
        )

        let legs = RedFlagScenario(regions: [("calf", "lower limb")], symptoms: ["bladder or bowel change"]).referral(knowledge)
        #expect(legs.sameDay)
        #expect(legs.recommendations[0].rule == CaudaEquinaRule().id)

        // A bladder change with neither back nor leg symptoms: a clinician phones today.
        let alone = RedFlagScenario(regions: [("eyelid", "cranial/bulbar")], symptoms: ["bladder or bowel change"]).referral(knowledge)
        #expect(!alone.sameDay)
        #expect(
            alone.recommendations.contains {
                $0.rule == CaudaEquinaRule().id && $0.test == .clinicianReview && $0.timeframe == "today: a clinician phones the patient"
            })
    }

    @Test func breathlessAtRestIsABreathingAssessmentToday() {
        let referral = RedFlagScenario(symptoms: ["breathless at rest or lying flat"]).referral(knowledge)
        let first = referral.recommendations[0]
        #expect(first.test == .sameDayAssessment)
        #expect(
            first.detail.hasPrefix(
                "Assess breathing today: vital capacity lying and sitting, and carbon dioxide (a normal oxygen saturation does not exclude neuromuscular respiratory failure)"
            ))
        let tests = referral.recommendations.first { $0.test == .breathingTests }
        #expect(tests?.who == .neurology)
        #expect(
            tests?.detail
                == "Breathing tests: vital capacity lying and sitting, sniff nasal pressure and carbon dioxide, for breathless at rest or lying flat."
        )
        #expect(referral.sameDay)
    }

    @Test func unableToSwallow_chokingWithBreathlessness_ptosisWithBulbarChange_areTheEmergencyDepartmentToday() {
        let cases: [[SymptomID]] = [
            ["unable to swallow"], ["swallowing difficulty", "breathing difficulty"], ["drooping eyelid", "speech difficulty"],
        ]
        for symptoms in cases {
            let referral = RedFlagScenario(symptoms: symptoms).referral(knowledge)
            #expect(referral.sameDay, "\(symptoms)")
            #expect(
                referral.recommendations.contains {
                    $0.rule == BulbarCrisisRule().id && $0.test == .sameDayAssessment && $0.who == .emergencyDepartment
                })
        }
        let swallow = RedFlagScenario(symptoms: ["unable to swallow"]).referral(knowledge)
        let assessment = swallow.recommendations.first { $0.test == .swallowAssessment }
        #expect(assessment?.who == .speechAndLanguageTherapy)
        #expect(
            assessment?.detail
                == "Swallow assessment by speech and language therapy for unable to swallow: safe consistencies, the risk of aspiration.")
        // A drooping eyelid alone is not the same day.
        #expect(!RedFlagScenario(symptoms: ["drooping eyelid"]).referral(knowledge).sameDay)
    }

    @Test func suddenVisionLossIsEyeCasualtyToday() {
        let referral = RedFlagScenario(symptoms: ["sudden vision loss"]).referral(knowledge)
        let first = referral.recommendations[0]
        #expect(first.test == .sameDayAssessment)
        #expect(first.who == .eyeExamination)
        #expect(
            first.detail
                == "Eye casualty or the stroke pathway today: sudden vision loss (at 50 or over, giant cell arteritis: ESR and CRP the same day)."
        )
        #expect(referral.sameDay)
    }

    @Test func aLabResultNeverLowersASameDayRedFlag() {
        var scenario = RedFlagScenario(symptoms: ["weakness worsening over days"])
        scenario.patient.lab("potassium", 3.1, status: .low, knowledge: knowledge)
        let referral = scenario.referral(knowledge)
        #expect(referral.sameDay)
        #expect(referral.recommendations[0].rule == SymptomRedFlagRule(RedFlagID.rapidWeakness).id)
    }
}
