import Testing
import TriageKnowledge
import TriageModel

/// Scenarios written from the four articles: the referral a neurologist would agree with.
@Suite struct ArticleScenarioTests {
    let knowledge = Knowledge.forTests

    private func tests(_ referral: Referral) -> Set<String> {
        Set(referral.recommendations.map { $0.test.rawValue + ($0.region.map { " " + $0.rawValue } ?? "") })
    }

    private func considered(_ referral: Referral) -> [String] { referral.considerations.map(\.conditionID.rawValue) }

    /// random-twitches and arm-twitching-guide case study: Mark, 52, teacher.
    @Test func teacherWithSpreadingTwitchingWeaknessAndSlurredSpeechIsUrgentALS() {
        var mark = PatientBuilder()
        mark.demographics = PatientDemographics(
            source: SourceLocation(file: "patients.csv", line: 2), patientID: "T001",
            birthDate: LocalDate(year: 1974, month: 5, day: 2), sex: .male)
        mark.days(30, count: { _ in 3 }, regions: [("thumb", "upper limb")], weakness: 0)
        mark.days(
            30, from: 30, count: { _ in 6 }, regions: [("thumb", "upper limb"), ("forearm", "upper limb"), ("shoulder", "upper limb")],
            symptoms: ["fine-motor difficulty"], weakness: 1)
        mark.days(
            20, from: 60, count: { _ in 9 }, regions: [("forearm", "upper limb"), ("shoulder", "upper limb")],
            symptoms: ["fine-motor difficulty", "speech difficulty"], weakness: 2)
        mark.normalCorePanel(knowledge: knowledge)
        let referral = mark.referral(knowledge)
        #expect(referral.urgency == .urgent)
        #expect(referral.headline.hasPrefix("Urgent: query MND: weakness, fine-motor difficulty, speech difficulty"))
        #expect(referral.queryMND)
        #expect(referral.headline.count <= 140)
        #expect(tests(referral).isSuperset(of: ["EMG", "MRI cervical spine", "neurologyExam", "bloodWork"]))
        #expect(considered(referral).first == "als")
        #expect(referral.patient.age == 52)
    }

    /// random-twitches: eyelid twitching from stress, fatigue or caffeine resolves within days.
    @Test func fiveDayCaffeineEyelidTwitchIsSelfCare() {
        var patient = PatientBuilder()
        patient.days(5, count: { _ in 5 }, regions: [("eyelid", "cranial/bulbar")], caffeine: 450, sleep: 6)
        patient.normalCorePanel(knowledge: knowledge)
        let referral = patient.referral(knowledge)
        #expect(referral.urgency == .selfCare)
        #expect(tests(referral).isDisjoint(with: ["EMG", "NCS", "MRI brain", "MRI cervical spine"]))
        #expect(referral.recommendations.first?.test == .lifestyle)
        #expect(referral.headline.hasPrefix("Self-care:"))
    }

    /// neurologist-guide: anxiety/BFS widespread twitching, stable, normal strength, worse on
    /// stress days.
    static func anxietyPattern(worried: Bool) -> PatientBuilder {
        var patient = PatientBuilder()
        patient.demographics = PatientDemographics(source: SourceLocation(file: "p.csv", line: 2), patientID: "T001", age: 29)
        for day in 0..<60 {
            patient.days(
                1, from: day, count: { _ in day % 3 == 0 ? 12 : 4 },
                regions: [("calf", "lower limb"), ("upper arm", "upper limb"), ("eyelid", "cranial/bulbar")],
                weakness: 0, stress: day % 3 == 0 ? 8 : 2)
        }
        if worried {
            // What the normaliser's concept reader makes of the note (JournalNormaliserTests).
            patient.journal[20].notes = ["read about ALS online and scared myself"]
            patient.journal[20].context = [
                .init(
                    concept: "ALS", reason: .diseaseName, field: "note",
                    quote: "read about ALS online and scared myself")
            ]
        }
        patient.normalCorePanel(knowledge: Knowledge.forTests)
        return patient
    }

    @Test func anxietyBFSPatternForTwoMonthsIsRoutineEMGWithBFSConsidered() {
        let referral = Self.anxietyPattern(worried: false).referral(knowledge)
        #expect(referral.urgency == .routine)
        #expect(tests(referral).contains("EMG"))
        let ranked = considered(referral)
        #expect(Array(ranked.prefix(2)) == ["bfs", "anxiety-twitching"])
        // Weakness is the key: a 29-year-old without weakness who does not fear ALS is not given it.
        #expect(!ranked.contains("als"))
    }

    /// neurologist-guide: "If you've had muscle twitching for months without developing
    /// weakness ..., ALS is unlikely": the worried patient's clinician gets that line.
    @Test func theWorriedPatientWithoutWeaknessHasALSListedAsUnlikely() throws {
        let referral = Self.anxietyPattern(worried: true).referral(knowledge)
        let als = try #require(referral.considerations.first { $0.conditionID == "als" })
        #expect(referral.considerations.last?.conditionID == "als")
        #expect(als.assessment == "unlikely")
        #expect(als.condition.hasSuffix("(unlikely)"))
        #expect(als.supporting.isEmpty)
        #expect(als.opposing.first?.contains("weakness is the key") == true)
        #expect(als.opposing.contains { $0.hasPrefix("Muscle weakness: weakness scored 0 on 60 entries") })
        #expect(referral.findings.contains { $0.id == FindingID.concern(.als) && $0.present })
    }

    @Test func eyelidTwitchingSpreadingOverTheFaceWithVisionProblemsAsksForMRIBrain() {
        var patient = PatientBuilder()
        patient.days(10, regions: [("eyelid", "cranial/bulbar")])
        patient.days(
            20, from: 10, regions: [("eyelid", "cranial/bulbar"), ("cheek", "cranial/bulbar"), ("mouth", "cranial/bulbar")],
            symptoms: ["vision problems"])
        patient.normalCorePanel(knowledge: knowledge)
        let referral = patient.referral(knowledge)
        #expect(tests(referral).contains("MRI brain"))
        #expect(considered(referral).contains("multiple-sclerosis"))
        #expect(referral.urgency >= .soon)
    }

    /// arm-twitching-guide: cervical radiculopathy — neck pain radiating to arm → MRI, physical exam.
    @Test func neckPainRadiatingToTheArmAsksForMRICervicalSpine() {
        var patient = PatientBuilder()
        patient.days(10, symptoms: ["neck pain radiating to arm"])
        patient.normalCorePanel(knowledge: knowledge)
        let referral = patient.referral(knowledge)
        #expect(tests(referral).contains("MRI cervical spine"))
        #expect(considered(referral).contains("cervical-radiculopathy"))
    }

    /// arm-twitching-guide: peripheral neuropathy — tingling, B12 deficiency → blood tests, NCS.
    @Test func tinglingWithLowB12AsksForNCSAndBloodWork() {
        var patient = PatientBuilder()
        patient.days(10, symptoms: ["tingling"])
        patient.normalCorePanel(knowledge: knowledge)
        patient.labs.removeAll { $0.analyte == "vitaminB12" }
        patient.lab("vitaminB12", 105, status: .low, knowledge: knowledge)
        let referral = patient.referral(knowledge)
        #expect(tests(referral).isSuperset(of: ["NCS", "bloodWork"]))
        #expect(considered(referral).contains("peripheral-neuropathy"))
        #expect(considered(referral).contains("vitamin-deficiency"))
    }

    /// random-twitches: diuretics; low magnesium.
    @Test func lowMagnesiumOnADiureticAsksForBloodWorkAndPrescriberReview() {
        var patient = PatientBuilder()
        patient.days(10, medications: [("furosemide", "diuretics")])
        patient.normalCorePanel(knowledge: knowledge)
        patient.labs.removeAll { $0.analyte == "magnesium" }
        patient.lab("magnesium", 0.52, status: .low, knowledge: knowledge)
        let referral = patient.referral(knowledge)
        #expect(tests(referral).isSuperset(of: ["bloodWork", "prescriberReview"]))
        #expect(considered(referral).contains("electrolyte-imbalance"))
        #expect(considered(referral).contains("medication-side-effect"))
    }

    @Test func criticalPotassiumIsUrgent() {
        var patient = PatientBuilder()
        patient.days(4)
        patient.normalCorePanel(knowledge: knowledge)
        patient.labs.removeAll { $0.analyte == "potassium" }
        patient.lab("potassium", 2.3, status: .criticalLow, knowledge: knowledge)
        let referral = patient.referral(knowledge)
        #expect(referral.urgency == .urgent)
        #expect(referral.headline.contains("potassium"))
    }

    @Test func absentFindingsAreStated() {
        var patient = PatientBuilder()
        patient.days(42)
        let referral = patient.referral(knowledge)
        let weakness = referral.findings.first { $0.id == FindingID.symptom(.weakness) }
        #expect(weakness?.present == false)
        #expect(weakness?.summary == "No weakness recorded in 42 journal entries.")
    }
}
