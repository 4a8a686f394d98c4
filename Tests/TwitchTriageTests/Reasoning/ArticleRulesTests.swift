import Testing
import TriageEngine
import TriageKnowledge
import TriageModel

/// SPEC §6 "More of what the articles say".
@Suite struct ArticleRulesTests {
    let knowledge = Knowledge.forTests

    func tests(_ referral: Referral) -> Set<String> {
        Set(referral.recommendations.map { $0.test.rawValue + ($0.region.map { " " + $0.rawValue } ?? "") })
    }

    /// Thumb, then forearm, then shoulder (P001): spreading within a limb is a finding, not the
    /// seeds' red flag (SPEC §6.1); 21 days of it is persistent twitching, examined first.
    @Test func aNewRegionOfTheSameGroupAfterTheFirstWeekIsSpreading() {
        var patient = PatientBuilder()
        patient.days(7, regions: [("thumb", "upper limb")])
        patient.days(7, from: 7, regions: [("thumb", "upper limb"), ("forearm", "upper limb")])
        patient.days(7, from: 14, regions: [("shoulder", "upper limb")])
        let findings = patient.findings(knowledge)
        #expect(findings.course.newRegionsWithinGroupAfterFirstWeek.map(\.regions) == [["forearm"], ["shoulder"]])
        let referral = patient.referral(knowledge)
        #expect(referral.urgency == .routine)
        #expect(tests(referral).isSuperset(of: ["neurologyExam", "EMG"]))
        #expect(referral.recommendations.first { $0.test == .emg }?.when != nil)
        #expect(
            findings.list.first { $0.id == FindingID.spreading }?.summary.contains("forearm (within upper limb) from 2026-09-08") == true)
        // Within the first week it is the starting area, not spread.
        var early = PatientBuilder()
        early.days(6, regions: [("thumb", "upper limb")])
        early.days(10, from: 6, regions: [("forearm", "upper limb")])
        #expect(!early.findings(knowledge).course.spreads)
    }

    /// Speech or swallowing difficulty: MRI of the brain (the brainstem), not the cervical spine;
    /// arm weakness: the cervical spine (SPEC §6.2, MRI by the presentation).
    @Test func bulbarSignsAddMRIOfTheBrain() {
        var swallowing = PatientBuilder()
        swallowing.days(10, regions: [("hand", "upper limb")], symptoms: [SymptomID.swallowing])
        let bulbar = tests(swallowing.referral(knowledge))
        #expect(bulbar.isSuperset(of: ["MRI brain", "swallowAssessment", "EMG", "NCS"]))
        #expect(!bulbar.contains("MRI cervical spine"))
        var arm = PatientBuilder()
        arm.days(10, regions: [("hand", "upper limb")], symptoms: [SymptomID.atrophy, SymptomID.weakness])
        let onlySpine = tests(arm.referral(knowledge))
        #expect(onlySpine.contains("MRI cervical spine"))
        #expect(!onlySpine.contains("MRI brain"))
    }

    /// Each medication class has its own note.
    @Test func eachMedicationClassHasItsOwnNote() throws {
        let notes: [(String, MedicationClassID, String)] = [
            ("prednisone", "corticosteroids", "steroid myopathy"),
            ("hydrochlorothiazide", "diuretics", "magnesium and potassium"),
            ("salbutamol", "beta-agonists", "tremor"),
            ("sertraline", "psychotropic drugs", "psychotropic"),
        ]
        var details: Set<String> = []
        for (drug, medicationClass, words) in notes {
            var patient = PatientBuilder()
            patient.days(5, regions: [("calf", "lower limb")], medications: [(drug, medicationClass)])
            let referral = patient.referral(knowledge)
            let review = try #require(referral.recommendations.first { $0.test == .prescriberReview })
            #expect(review.detail.contains(words), "\(medicationClass)")
            #expect(review.detail.contains(drug))
            details.insert(review.detail)
        }
        #expect(details.count == 4)
    }

    /// Heat, dehydration (with water intake) and eye strain are triggers with correlations.
    @Test func heatDehydrationAndEyeStrainAreTriggers() {
        var patient = PatientBuilder()
        for day in 0..<12 {
            patient.days(1, from: day, count: { _ in day % 2 == 0 ? 10 : 3 })
            if day % 2 == 0 {
                patient.journal[day].triggers = [TriggerID.heat, TriggerID.eyeStrain]
                patient.journal[day].lifestyle.waterLitres = 1.9
            } else {
                patient.journal[day].lifestyle.waterLitres = 2.0
            }
        }
        let correlations = patient.findings(knowledge).lifestyle.correlations
        for factor in [LifestyleAnalysis.Factor.heat, .eyeStrain, .dehydration] {
            let correlation = correlations.first { $0.factor == factor }
            #expect(correlation?.linked == true, "\(factor)")
            #expect(correlation?.exposedDays == 6, "\(factor)")
        }
        #expect(patient.findings(knowledge).list.contains { $0.id == FindingID.correlation(.dehydration) && $0.present })
    }
}
