import Testing
@testable import TwitchTriage

@Suite struct CentralPatternRuleTests {
    let knowledge = Knowledge.forTests
    let rule = CentralPatternRule()

    @Test func eyelidSpreadingOverTheFaceFires() {
        var patient = PatientBuilder()
        patient.days(10, regions: [("eyelid", "cranial/bulbar")])
        patient.days(10, from: 10, regions: [("eyelid", "cranial/bulbar"), ("cheek", "cranial/bulbar")])
        let outcome = rule.evaluate(patient.context(knowledge))
        #expect(outcome.recommendations.first?.region == "brain")
        #expect(outcome.recommendations.first?.urgency == .soon)
        #expect(outcome.recommendations.first?.detail.contains("lumbar puncture") == true)
        #expect(outcome.conditions == ["multiple-sclerosis"])
    }

    @Test func eyelidAloneDoesNotFire() {
        var patient = PatientBuilder()
        patient.days(10, regions: [("eyelid", "cranial/bulbar")])
        #expect(!rule.evaluate(patient.context(knowledge)).fired)
    }

    @Test func visionProblemsFire_balanceNeedsNumbnessToo() {
        var vision = PatientBuilder()
        vision.days(4, symptoms: ["vision problems"])
        #expect(rule.evaluate(vision.context(knowledge)).fired)
        var balance = PatientBuilder()
        balance.days(4, symptoms: ["balance problems"])
        #expect(!rule.evaluate(balance.context(knowledge)).fired)
        var both = PatientBuilder()
        both.days(4, symptoms: ["balance problems", "numbness"])
        #expect(rule.evaluate(both.context(knowledge)).fired)
    }
}
