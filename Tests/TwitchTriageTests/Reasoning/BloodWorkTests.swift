import Testing
import TriageKnowledge
import TriageModel

/// SPEC §6 "Blood work".
@Suite struct BloodWorkTests {
    let knowledge = Knowledge.forTests

    func persistent(labsDaysAgo: Int?, tsh: Bool = true) -> PatientBuilder {
        var patient = PatientBuilder()
        patient.days(30, regions: [("calf", "lower limb")])
        if let labsDaysAgo {
            for analyte in knowledge.coreAnalytes {
                patient.lab(
                    analyte.id.rawValue, (analyte.reference.low! + analyte.reference.high!) / 2, status: .normal,
                    daysBeforeAsOf: labsDaysAgo, knowledge: knowledge)
            }
            if tsh { patient.lab("tsh", 2, status: .normal, daysBeforeAsOf: labsDaysAgo, knowledge: knowledge) }
        }
        return patient
    }

    func blood(_ patient: PatientBuilder) -> Recommendation? {
        patient.referral(knowledge).recommendations.first { $0.test == .bloodWork }
    }

    /// A recent normal result is cited, not re-ordered; 30 days is recent, 31 is not.
    @Test func onlyWhatIsMissingStaleOrOlderThanThirtyDaysIsOrdered() throws {
        #expect(blood(persistent(labsDaysAgo: 30)) == nil)
        let old = try #require(blood(persistent(labsDaysAgo: 31)))
        #expect(old.analytes == ["magnesium", "potassium", "calcium", "vitaminB12", "vitaminD", "tsh"])
        let none = try #require(blood(persistent(labsDaysAgo: nil)))
        #expect(none.analytes == ["magnesium", "potassium", "calcium", "vitaminB12", "vitaminD", "tsh"])
    }

    /// TSH belongs to the work-up of persistent twitching.
    @Test func tshIsInThePersistentWorkup() throws {
        let recentCore = try #require(blood(persistent(labsDaysAgo: 10, tsh: false)))
        #expect(recentCore.analytes == ["tsh"])
        #expect(recentCore.detail.contains("Recent and normal, not re-ordered: magnesium"))
    }

    /// A recent abnormal result gets the action it calls for, not "repeat the panel": a low B12
    /// with numbness and tingling is treated without delay (NICE NG239), the headline names it,
    /// and the neuropathy screen asks for what is missing, never sodium.
    @Test func lowB12WithNumbnessIsReplacedAndNamedInTheHeadline() throws {
        var patient = PatientBuilder()
        patient.days(12, regions: [("calf", "lower limb")], symptoms: [SymptomID.tingling, SymptomID.numbness])
        patient.normalCorePanel(knowledge: knowledge)
        patient.labs.removeAll { $0.analyte == "vitaminB12" }
        patient.lab("vitaminB12", 100, status: .low, daysBeforeAsOf: 5, knowledge: knowledge)
        patient.lab("hba1c", 5.2, status: .normal, daysBeforeAsOf: 5, knowledge: knowledge)
        patient.lab("sodium", 140, status: .normal, daysBeforeAsOf: 5, knowledge: knowledge)
        let referral = patient.referral(knowledge)
        #expect(referral.headline == "Urgent: vitamin B12 deficiency with numbness and tingling: start B12 injections without delay.")
        let treatment = try #require(referral.recommendations.first { $0.test == .treatment })
        #expect(treatment.who == .gp)
        #expect(treatment.detail.contains("start intramuscular hydroxocobalamin without delay"))
        let blood = try #require(referral.recommendations.first { $0.test == .bloodWork })
        // The treatment's bloods first (full blood count, folate, intrinsic-factor antibodies), then the neuropathy screen's.
        #expect(
            blood.analytes == [
                "full blood count", "folate", "intrinsic-factor antibodies", "tsh", "kidney function", "liver function",
                "serum protein electrophoresis",
            ])
        #expect(!(blood.analytes ?? []).contains("sodium"))
        #expect(!blood.detail.lowercased().contains("repeat"))
        #expect(referral.considerations.first?.conditionID == "vitamin-deficiency")
    }

    @Test func lowMagnesiumOnADiureticLooksForTheCause() throws {
        var patient = PatientBuilder()
        patient.days(12, regions: [("calf", "lower limb")], medications: [("hydrochlorothiazide", "diuretics")])
        patient.normalCorePanel(knowledge: knowledge)
        patient.labs.removeAll { $0.analyte == "magnesium" }
        patient.lab("magnesium", 0.6, status: .low, daysBeforeAsOf: 5, knowledge: knowledge)
        let referral = patient.referral(knowledge)
        #expect(referral.headline == "Soon: low magnesium: replace after checking kidney function; review hydrochlorothiazide.")
        #expect(!referral.headline.contains("likely cause"))
        let review = try #require(referral.recommendations.first { $0.test == .prescriberReview })
        #expect(review.detail.contains("diuretics lose magnesium and potassium"))
        #expect(review.detail.contains("a low result on file fits diuretic loss: magnesium 0.6 mmol/L (low)"))
        #expect(review.reasons.contains(FindingID.lab("magnesium")))
    }

    /// Glucose's default reference range applies only to a fasting LOINC code.
    @Test func glucoseRangeOnlyForAFastingCode() {
        var patient = PatientBuilder()
        patient.days(3)
        patient.lab("glucose", 7.8, status: .high, knowledge: knowledge)
        patient.labs[0].loinc = "2345-7"  // glucose in serum or plasma, not fasting
        var fasting = patient
        fasting.labs[0].loinc = "1558-6"  // fasting glucose
        let random = patient.findings(knowledge)
        #expect(random.labResults[0].status == .unclassified)
        #expect(random.labResults[0].reference == nil)
        #expect(random.labs.abnormal.isEmpty)
        #expect(fasting.findings(knowledge).labResults[0].status == .high)
    }
}
