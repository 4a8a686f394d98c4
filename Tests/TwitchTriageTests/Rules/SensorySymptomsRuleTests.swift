import Testing
import TriageKnowledge
import TriageModel

@testable import TriageEngine

@Suite struct SensorySymptomsRuleTests {
    let knowledge = Knowledge.forTests
    let rule = SensorySymptomsRule()

    @Test(arguments: ["numbness", "tingling", "burning", "balance problems"])
    func eachSensorySymptomFiresRoutine(symptom: String) {
        var patient = PatientBuilder()
        patient.days(5, symptoms: [SymptomID(rawValue: symptom)])
        let outcome = rule.evaluate(patient.context(knowledge))
        // Examination and the neuropathy screen first, NCS conditional (issue 20).
        #expect(outcome.recommendations.map(\.test) == [.neurologyExam, .bloodWork, .ncs])
        #expect(outcome.recommendations.last?.when != nil)
        #expect(outcome.recommendations.allSatisfy { $0.urgency == .routine })
        #expect(outcome.conditions.contains("peripheral-neuropathy"))
        let analytes = outcome.recommendations.first { $0.test == .bloodWork }?.analytes ?? []
        // The neuropathy screen (SPEC §6.2): B12, HbA1c, TSH and the tests the tool does not read; never sodium.
        #expect(analytes.contains("vitaminB12") && analytes.contains("hba1c") && analytes.contains("tsh") && analytes.contains("folate"))
        #expect(!analytes.contains("sodium") && !analytes.contains("potassium"))
    }

    /// With weakness the urgent-examination tier acts too (SPEC §6.1 "with weakness, the weakness row").
    @Test func weaknessMakesItAnUrgentExamination() {
        var patient = PatientBuilder()
        patient.days(5, symptoms: ["tingling", "weakness"])
        let referral = patient.referral(knowledge)
        #expect(referral.urgency == .urgent)
        #expect(referral.considerations.first?.conditionID == "peripheral-neuropathy")
    }

    @Test func noSensorySymptomDoesNotFire() {
        var patient = PatientBuilder()
        patient.days(5, symptoms: ["cramps"])
        #expect(!rule.evaluate(patient.context(knowledge)).fired)
    }
}
