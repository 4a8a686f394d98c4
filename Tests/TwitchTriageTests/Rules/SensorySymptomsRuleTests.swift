import Testing
@testable import TwitchTriage

@Suite struct SensorySymptomsRuleTests {
    let knowledge = Knowledge.forTests
    let rule = SensorySymptomsRule()

    @Test(arguments: ["numbness", "tingling", "burning", "balance problems"])
    func eachSensorySymptomFiresRoutine(symptom: String) {
        var patient = PatientBuilder()
        patient.days(5, symptoms: [SymptomID(rawValue: symptom)])
        let outcome = rule.evaluate(patient.context(knowledge))
        #expect(outcome.recommendations.map(\.test) == [.ncs, .bloodWork])
        #expect(outcome.recommendations.allSatisfy { $0.urgency == .routine })
        #expect(outcome.conditions.contains("peripheral-neuropathy"))
        let analytes = outcome.recommendations.last?.analytes ?? []
        // The neuropathy screen (SPEC §6.2): B12, HbA1c, TSH and the tests the tool does not read; never sodium.
        #expect(analytes.contains("vitaminB12") && analytes.contains("hba1c") && analytes.contains("tsh") && analytes.contains("folate"))
        #expect(!analytes.contains("sodium") && !analytes.contains("potassium"))
    }

    @Test func weaknessMakesItSoon() {
        var patient = PatientBuilder()
        patient.days(5, symptoms: ["tingling", "weakness"])
        #expect(rule.evaluate(patient.context(knowledge)).recommendations.allSatisfy { $0.urgency == .soon })
    }

    @Test func noSensorySymptomDoesNotFire() {
        var patient = PatientBuilder()
        patient.days(5, symptoms: ["cramps"])
        #expect(!rule.evaluate(patient.context(knowledge)).fired)
    }
}
