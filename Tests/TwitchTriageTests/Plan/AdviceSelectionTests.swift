import Testing
import TriageEngine
import TriageKnowledge
import TriageModel
import TriageRender

/// SPEC §6.2 "Advice to pass on": at most six, most relevant first; the safety net escalated,
/// never dropped; what the findings contraindicate withheld; `tellPatient` never names MND.
@Suite struct AdviceSelectionTests {
    let knowledge = Knowledge.forTests

    func referral(
        days: Int, symptoms: [SymptomID] = [], weakness: Int? = nil, caffeine: Double? = nil, sleep: Double? = nil,
        notes: [String] = [], labs: [(String, Double, LabResult.Status)] = []
    ) -> Referral {
        var patient = PatientBuilder()
        patient.days(
            days, regions: [("calf", "lower limb")], symptoms: symptoms, weakness: weakness, caffeine: caffeine, sleep: sleep, stress: 8)
        if !notes.isEmpty { patient.journal[0].notes = notes }
        for (analyte, value, status) in labs { patient.lab(analyte, value, status: status, daysBeforeAsOf: 5, knowledge: knowledge) }
        return patient.referral(knowledge)
    }

    @Test func swallowingDifficultyGetsItsEscalationAndNoFluidsOrNuts() {
        let result = referral(days: 20, symptoms: [SymptomID.swallowing])
        #expect(
            result.safetyNet.first?.text
                == "If swallowing gets worse or you choke, or you are breathless at rest or lying flat: call 999 or go to the emergency department. Tell the doctor the same day if your speech gets worse."
        )
        #expect(!result.advice.contains { $0.id == "hydration" || $0.id == "magnesium-foods" })
        #expect(!result.advice.contains { $0.text.contains("litres") || $0.text.contains("nuts") })
        #expect(result.tellPatient == "Your symptoms need a prompt specialist assessment.")
    }

    @Test func breathingDifficultyIsEscalatedNotDropped() {
        let result = referral(days: 10, symptoms: [SymptomID(rawValue: "breathing difficulty")])
        let breathing = result.safetyNet.first { $0.id == "return-breathing" }
        #expect(
            breathing?.text
                == "Your breathing is already affected: if you are breathless at rest or lying flat, wake up breathless, or it gets worse, call 999 or go to the emergency department."
        )
    }

    @Test func sleepHygieneIsWithheldBesideNeuromuscularBreathingSymptoms() {
        #expect(referral(days: 10, sleep: 4).advice.contains { $0.id == "sleep" })
        for symptom in ["breathless at rest or lying flat", "morning headaches", "daytime sleepiness"] {
            let result = referral(days: 10, symptoms: [SymptomID(rawValue: symptom)], sleep: 4)
            #expect(!result.advice.contains { $0.id == "sleep" }, "\(symptom)")
        }
        #expect(
            referral(days: 10, symptoms: [SymptomID(rawValue: "breathless at rest or lying flat")], sleep: 4).safetyNet
                .contains { $0.text.contains("call 999") })
    }

    @Test func pastTwoWeeksIsNotToldToComeBackAfterTwoWeeks() {
        #expect(!referral(days: 30).safetyNet.contains { $0.id == "return-past-two-weeks" })
        #expect(referral(days: 10).safetyNet.contains { $0.id == "return-past-two-weeks" })
    }

    @Test func stressManagementIsWithheldBesideAMotorRedFlag() {
        #expect(referral(days: 10).advice.contains { $0.id == "stress" })
        #expect(!referral(days: 10, symptoms: [SymptomID.atrophy]).advice.contains { $0.id == "stress" })
    }

    @Test func fluidVolumesAreWithheldInHeartFailureAndWithALowSodium() throws {
        let hydration = try #require(knowledge.advice(id: "hydration"))
        func withheld(notes: [String] = [], labs: [(String, Double, LabResult.Status)] = []) -> Bool {
            var patient = PatientBuilder()
            patient.days(10)
            if !notes.isEmpty { patient.journal[0].notes = notes }
            for (analyte, value, status) in labs { patient.lab(analyte, value, status: status, knowledge: knowledge) }
            return AdviceSelection.withheld(hydration, findings: patient.findings(knowledge), motor: false)
        }
        #expect(!withheld())
        #expect(withheld(notes: ["I have heart failure"]))
        #expect(withheld(labs: [("sodium", 130, .low)]))
    }

    @Test func noSupplementIsAdvised() {
        for id: AdviceID in [
            "caffeine", "sleep", "hydration", "stress", "alcohol", "exercise-balance", "magnesium-foods", "symptom-journal",
        ] {
            #expect(knowledge.advice(id: id).map { !$0.text.lowercased().contains("supplement") } == true, "\(id)")
        }
    }

    @Test func atMostSixMostRelevantFirst() {
        let result = referral(days: 20, caffeine: 400, sleep: 5)
        #expect(result.advice.count <= AdviceSelection.limit)
        #expect(result.advice.first?.id == "caffeine" || result.advice.first?.id == "sleep")
        #expect(ReferralJSON.render(result).contains("\"safetyNet\""))
    }

    @Test func theBenignPatternIsToldMostTwitchingIsHarmless() {
        let result = referral(days: 30)
        #expect(result.tellPatient == "Most twitching like this is harmless; an examination will check.")
        #expect(result.disclaimer.contains("not monitored in real time"))
    }

    @Test func unreadSymptomTextIsNeverToldItIsHarmless() {
        var patient = PatientBuilder()
        patient.days(10)
        patient.journal[0].unreadSymptomText = [Term("funny buzzy thing", at: SourceLocation(file: "journal.csv", line: 2))]
        #expect(patient.referral(knowledge).tellPatient == "Your symptoms and results need a doctor's assessment; the plan says by when.")
    }

    @Test func tellPatientNeverNamesTheDisease() {
        for row in knowledge.advice where row.kind == Advice.Kind.tellPatient {
            for name in ["MND", "motor neuron", "motor neurone", "ALS"] { #expect(!row.text.contains(name), "\(row.id)") }
        }
    }
}
