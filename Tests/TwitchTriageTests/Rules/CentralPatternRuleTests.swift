import Testing
import TriageKnowledge
import TriageModel

@testable import TriageEngine

@Suite struct CentralPatternRuleTests {
    let knowledge = Knowledge.forTests
    let rule = CentralPatternRule()

    @Test func eyelidSpreadingOverTheFaceFires() {
        var patient = PatientBuilder()
        patient.days(10, regions: [("eyelid", "cranial/bulbar")])
        patient.days(10, from: 10, regions: [("eyelid", "cranial/bulbar"), ("cheek", "cranial/bulbar")])
        let outcome = rule.evaluate(patient.context(knowledge))
        // The examination first, then the MRI of the brain (issue 20: every MRI with an examination).
        #expect(outcome.recommendations.map(\.test) == [.neurologyExam, .mri])
        #expect(outcome.recommendations.first?.who == .neurology)
        let mri = outcome.recommendations.last
        #expect(mri?.region == "brain")
        #expect(mri?.who == .radiology)
        #expect(mri?.urgency == .soon)
        #expect(mri?.when == "if the neurology examination finds a central sign, or the face twitches on one side")
        #expect(mri?.detail.contains("lumbar puncture") == true)
        #expect(outcome.conditions == ["multiple-sclerosis", "hemifacial-spasm"])
    }

    @Test func eyelidAloneDoesNotFire() {
        var patient = PatientBuilder()
        patient.days(10, regions: [("eyelid", "cranial/bulbar")])
        #expect(!rule.evaluate(patient.context(knowledge)).fired)
    }

    /// Vision is the vision-over-days rule's now (an eye examination first, SPEC §6.1).
    @Test func visionProblemsAreNotThisRule_balanceNeedsNumbnessToo() {
        var vision = PatientBuilder()
        vision.days(4, symptoms: ["vision problems"])
        #expect(!rule.evaluate(vision.context(knowledge)).fired)
        #expect(SymptomRedFlagRule(RedFlagID.visionOverDays).evaluate(vision.context(knowledge)).fired)
        var balance = PatientBuilder()
        balance.days(4, symptoms: ["balance problems"])
        #expect(!rule.evaluate(balance.context(knowledge)).fired)
        var both = PatientBuilder()
        both.days(4, symptoms: ["balance problems", "numbness"])
        #expect(rule.evaluate(both.context(knowledge)).fired)
    }
}
