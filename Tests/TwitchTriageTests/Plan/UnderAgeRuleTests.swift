import Testing
import TriageKnowledge
import TriageModel

@testable import TriageEngine

/// SPEC §6.1: patients under 16 are outside the knowledge, said so, with a clinician review today.
@Suite struct UnderAgeRuleTests {
    let knowledge = Knowledge.forTests

    func patient(age: Int) -> PatientBuilder {
        var patient = PatientBuilder()
        patient.demographics = PatientDemographics(source: SourceLocation(file: "p.csv", line: 2), patientID: "T001", age: age)
        patient.days(10)
        return patient
    }

    @Test func aFifteenYearOldIsReviewedTodayAndToldSo() throws {
        let referral = patient(age: 15).referral(knowledge)
        let review = try #require(referral.recommendations.first { $0.rule == "under-age" })
        #expect(review.test == .clinicianReview && review.who == .gp && review.urgency == .urgent)
        #expect(review.timeframe == "today, within hours")
        #expect(
            review.detail.hasPrefix(
                "Patient under 16: outside this tool's knowledge (NICE NG127 has a separate section for children and young people)"))
        #expect(referral.headline == "Urgent: under 16: outside this tool's knowledge; a clinician reviews the record today.")
        #expect(referral.advice.isEmpty)
        #expect(!referral.safetyNet.isEmpty)
    }

    @Test func sixteenIsAnAdult() {
        #expect(!UnderAgeRule().evaluate(patient(age: 16).context(knowledge)).fired)
    }
}
