import Testing
import TriageKnowledge
import TriageModel
import TriageNormalise

/// SPEC §6.2: a specimen problem makes the analytes it affects unreliable, never acted on as a
/// value. Haemolysis releases potassium (and magnesium) from the red cells and raises the
/// measured value (`specimen-comments.json` `raises`), so a LOW potassium on a haemolysed sample
/// is, if anything, lower in truth: it is repeated the next working day, not at routine pace,
/// and still never treated; a high one is on the artefact's own side and is repeated routinely
/// below 6.0 mmol/L. An analyte the problem does not touch is read as it stands.
@Suite struct UnreliableResultSideTests {
    let knowledge = Knowledge.forTests

    /// The HL7 v2 panel of P022's lab, with `potassium` as given, read and normalised as the
    /// batch does, then given to a patient with ten days of calf twitching.
    func referral(potassium: String, flag: String, calcium: String = "9.4", calciumFlag: String = "N") throws -> Referral {
        let message = [
            #"MSH|^~\&|LAB|HOSP|EHR|CLINIC|20261114113000||ORU^R01|1|P|2.5.1"#,
            "PID|1||T001^^^HOSP^MR",
            "OBR|1|||CHEM|||20261114083500",
            "OBX|1|NM|2823-3^Potassium^LN||\(potassium)|mmol/L|3.5-5.1|\(flag)|||F",
            "OBX|2|NM|2951-2^Sodium^LN||139|mmol/L|136-145|N|||F",
            "OBX|3|NM|19123-9^Magnesium^LN||2.0|mg/dL|1.7-2.2|N|||F",
            "OBX|4|NM|17861-6^Calcium^LN||\(calcium)|mg/dL|8.6-10.3|\(calciumFlag)|||F",
            "OBX|5|NM|2132-9^Vitamin B12^LN||455|pg/mL|200-900|N|||F",
            "OBX|6|NM|62292-8^25-Hydroxyvitamin D^LN||36|ng/mL|30-100|N|||F",
            #"NTE|1||Specimen slightly haemolysed\.br\repeat if clinically indicated"#,
        ].joined(separator: "\r")
        let read = try #require(ExchangeTest.result(ExchangeTest.read(message, file: "m.hl7")))
        let normaliser = Normaliser(knowledge: knowledge, asOf: LocalDate(iso: "2026-11-20")!)
        var diagnostics: [Diagnostic] = []
        var patient = PatientBuilder()
        patient.start = LocalDate(iso: "2026-11-07")!
        patient.days(10, regions: [("calf", "lower limb")])
        patient.labs = read.labs.compactMap { normaliser.labResult(from: $0, diagnostics: &diagnostics) }
        return patient.referral(knowledge)
    }

    func bloodWork(_ referral: Referral) throws -> Recommendation {
        try #require(referral.recommendations.first { $0.test == .bloodWork && $0.rule == "abnormal-labs" })
    }

    @Test func aLowPotassiumOnAHaemolysedSampleIsRepeatedTheNextWorkingDayAndNeverTreated() throws {
        let result = try referral(potassium: "3.1", flag: "L")
        let blood = try bloodWork(result)
        #expect(blood.urgency == .urgent)
        #expect(blood.who == .gp)
        #expect(blood.timeframe == "the next working day: repeat the sample")
        #expect(
            blood.detail.contains(
                "potassium 3.1 mmol/L (unreliable) on 2026-11-14: Potassium below its range on a sample the lab calls haemolysed: the specimen problem releases potassium from the cells and raises the measured value, so the true potassium is, if anything, lower. Not acted on as a value (no replacement on it); repeat the sample the next working day, not at routine pace, with magnesium; a low repeat calls for the low-potassium actions (replacement, an ECG below 3.0 mmol/L, the cause)."
            ))
        #expect(Set(blood.analytes ?? []).isSuperset(of: ["potassium", "magnesium"]))
        #expect(
            result.headline
                == "Urgent: potassium below its range on a haemolysed sample, so if anything lower in truth: repeat the sample the next working day."
        )
        #expect(!result.recommendations.contains { $0.test == .treatment || $0.test == .sameDayAssessment })
        #expect(!result.sameDay)
        #expect(result.urgency == .urgent)
        // Never acted on, but never reassuring either: no self-care, no "harmless".
        #expect(!result.recommendations.contains { $0.test == .lifestyle })
        #expect(result.tellPatient == "Your symptoms and results need a doctor's assessment; the plan says by when.")
    }

    @Test func aHighPotassiumOnAHaemolysedSampleIsRepeatedAtRoutinePaceNeverTreated() throws {
        let result = try referral(potassium: "5.6", flag: "H")
        let blood = try bloodWork(result)
        #expect(blood.urgency == .routine)
        #expect(blood.timeframe == "a routine referral")
        #expect(
            blood.detail.contains(
                "potassium 5.6 mmol/L (unreliable) on 2026-11-14: potassium on a sample the lab calls haemolysed: unreliable, not acted on as a value; repeat the sample."
            ))
        #expect(!blood.detail.contains("next working day"))
        #expect(!result.recommendations.contains { $0.test == .treatment || $0.test == .sameDayAssessment })
        #expect(result.urgency == .routine)
        #expect(result.tellPatient == "Most twitching like this is harmless; an examination will check.")
        // At 6.0 or more the repeat is the next working day, still never a treatment (SPEC §6.2).
        let high = try referral(potassium: "6.1", flag: "H")
        #expect(try bloodWork(high).timeframe == "the next working day: repeat the sample")
        #expect(!high.recommendations.contains { $0.test == .treatment || $0.test == .sameDayAssessment })
    }

    @Test func anAnalyteTheSpecimenProblemDoesNotTouchIsReadAsItStands() throws {
        // Calcium 8.0 mg/dL (2.00 mmol/L), low, on the same haemolysed sample: haemolysis is not
        // linked to calcium, so the low-calcium row applies as it would on any sample.
        let result = try referral(potassium: "4.2", flag: "N", calcium: "8.0", calciumFlag: "L")
        let blood = try bloodWork(result)
        #expect(
            blood.detail.contains(
                "calcium 8.0 mg/dL (low) on 2026-11-14: Low calcium: adjusted calcium (albumin), vitamin D, magnesium, PTH, kidney function and phosphate"
            ))
        #expect(!blood.detail.contains("calcium on a sample the lab calls haemolysed"))
        // The normal potassium and magnesium of that sample are repeated at routine pace.
        #expect(
            blood.detail.contains("potassium on a sample the lab calls haemolysed: unreliable, not acted on as a value; repeat the sample.")
        )
        #expect(blood.urgency == .soon && blood.timeframe == "to be seen within 4 weeks")
    }

    @Test func theSideIsReadFromTheKnowledgeNotTheAnalyteName() throws {
        let table = knowledge.specimenComments
        func lab(_ analyte: String, _ value: Double, low: Double, high: Double, because: String) -> LabResult {
            let quantity = LabResult.Quantity(value: LabValue(value), unit: "mmol/L")
            var result = LabResult(
                source: SourceLocation(file: "labs.csv", line: 2), patientID: "T001", analyte: AnalyteID(analyte), loinc: nil,
                collected: Timestamp(date: LocalDate(iso: "2026-11-14")!), reported: quantity, canonical: quantity,
                reference: .init(low: low, high: high, unit: "mmol/L", origin: .reported), status: .unreliable, stale: false)
            result.unreliableBecause = because
            return result
        }
        #expect(table.hidesSide(of: lab("potassium", 3.1, low: 3.5, high: 5.1, because: "haemolysed")))
        #expect(!table.hidesSide(of: lab("potassium", 5.6, low: 3.5, high: 5.1, because: "haemolysed")))
        #expect(!table.hidesSide(of: lab("potassium", 4.2, low: 3.5, high: 5.1, because: "haemolysed")))
        #expect(table.hidesSide(of: lab("magnesium", 0.6, low: 0.7, high: 1.0, because: "haemolysed")))
        // K-EDTA contamination lowers calcium: a high calcium on it is, if anything, higher.
        #expect(table.hidesSide(of: lab("calcium", 2.8, low: 2.2, high: 2.6, because: "contaminated")))
        #expect(!table.hidesSide(of: lab("calcium", 2.0, low: 2.2, high: 2.6, because: "contaminated")))
        // A clotted sample has no known direction for potassium.
        #expect(!table.hidesSide(of: lab("potassium", 3.1, low: 3.5, high: 5.1, because: "clotted")))
    }

    @Test func aLowMagnesiumOnAHaemolysedSampleTakesTheGenericHiddenSideRow() throws {
        var patient = PatientBuilder()
        patient.days(10)
        patient.normalCorePanel(knowledge: knowledge)
        patient.labs.removeAll { $0.analyte == "magnesium" }
        patient.lab("magnesium", 0.6, status: .unreliable, daysBeforeAsOf: 2, knowledge: knowledge)
        patient.labs[patient.labs.count - 1].unreliableBecause = "haemolysed"
        let blood = try bloodWork(patient.referral(knowledge))
        #expect(
            blood.detail.contains(
                "magnesium outside its range on a sample the lab calls haemolysed, on the side the specimen problem would hide: the true value is, if anything, further out. Not acted on as a value; repeat the sample the next working day, not at routine pace."
            ))
        #expect(blood.urgency == .urgent && blood.timeframe == "the next working day: repeat the sample")
    }
}
