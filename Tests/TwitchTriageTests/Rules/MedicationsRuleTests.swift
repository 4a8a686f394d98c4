import Testing
import TriageKnowledge

@testable import TriageEngine

@Suite struct MedicationsRuleTests {
    let knowledge = Knowledge.forTests
    let rule = MedicationsRule()

    @Test func linkedClassAsksForPrescriberReview() {
        var patient = PatientBuilder()
        patient.days(5, medications: [("furosemide", "diuretics")])
        let outcome = rule.evaluate(patient.context(knowledge))
        #expect(outcome.recommendations.map(\.test) == [.prescriberReview])
        #expect(outcome.recommendations.first?.detail.contains("furosemide") == true)
        #expect(outcome.conditions == ["medication-side-effect"])
    }

    @Test func unlinkedMedicationDoesNotFire() {
        var patient = PatientBuilder()
        patient.days(5, medications: [("paracetamol", nil)])
        #expect(!rule.evaluate(patient.context(knowledge)).fired)
    }
}
