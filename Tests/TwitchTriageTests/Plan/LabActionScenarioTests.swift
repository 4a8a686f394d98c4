import Testing
import TriageKnowledge
import TriageModel

@testable import TriageEngine

/// SPEC §6.2 "Labs: what the result calls for": one scenario per row kind, asserting the exact
/// recommendation, who acts, how soon and the wording from `lab-actions.json`.
@Suite struct LabActionScenarioTests {
    let knowledge = Knowledge.forTests

    func referral(
        days: Int = 10, symptoms: [SymptomID] = [], medications: [(String, MedicationClassID?)] = [], notes: [String] = [],
        labs: [(String, Double, LabResult.Status)]
    ) -> Referral {
        var patient = PatientBuilder()
        patient.days(days, regions: [("calf", "lower limb")], symptoms: symptoms, medications: medications)
        if !notes.isEmpty { patient.journal[0].notes = notes }
        patient.normalCorePanel(knowledge: knowledge)
        for (analyte, value, status) in labs {
            patient.labs.removeAll { $0.analyte.rawValue == analyte }
            patient.lab(analyte, value, status: status, daysBeforeAsOf: 5, knowledge: knowledge)
        }
        return patient.referral(knowledge)
    }

    func first(_ test: Recommendation.Test, _ referral: Referral) throws -> Recommendation {
        try #require(referral.recommendations.first { $0.test == test })
    }

    @Test func lowB12WithNeurologicalSymptomsIsTreatedWithoutDelay() throws {
        let result = referral(symptoms: [SymptomID.numbness], notes: ["on metformin for years"], labs: [("vitaminB12", 100, .low)])
        let treatment = try first(.treatment, result)
        #expect(treatment.who == .gp)
        #expect(treatment.urgency == .urgent)
        #expect(
            treatment.detail.hasPrefix(
                "vitamin B12 100 pmol/L (low) on 2026-11-15: Vitamin B12 deficiency with neurological symptoms: the prescriber to start intramuscular hydroxocobalamin without delay"
            ))
        for words in [
            "full blood count, folate and intrinsic-factor antibodies", "urgent specialist advice", "never folic acid alone",
            "nitrous oxide", "subacute combined degeneration", "Takes metformin",
        ] {
            #expect(treatment.detail.contains(words), "\(words)")
        }
        #expect(!treatment.detail.contains("intravenous") && !treatment.detail.contains(" mg"))
        let blood = try first(.bloodWork, result)
        #expect(blood.analytes?.contains("intrinsic-factor antibodies") == true)
        #expect(result.headline == "Urgent: vitamin B12 deficiency with numbness: start B12 injections without delay.")
    }

    @Test func anIndeterminateB12WithSymptomsIsNotNormal() throws {
        // 200 pmol/L: within the lab's range, inside NICE NG239's indeterminate band (133-258 pmol/L).
        let result = referral(symptoms: [SymptomID.tingling], labs: [("vitaminB12", 200, .normal)])
        let treatment = try first(.treatment, result)
        #expect(treatment.detail.contains("Vitamin B12 indeterminate by NICE NG239 (180-350 ng/L), not normal"))
        #expect(treatment.urgency == .urgent && treatment.who == .gp)
        // Without symptoms, an indeterminate result is not treated.
        #expect(!referral(labs: [("vitaminB12", 200, .normal)]).recommendations.contains { $0.test == .treatment })
    }

    @Test func lowB12WithoutNeurologicalSymptomsTestsForAutoimmuneGastritis() throws {
        let treatment = try first(.treatment, referral(labs: [("vitaminB12", 100, .low)]))
        #expect(treatment.urgency == .routine)
        #expect(
            treatment.detail.contains(
                "test for autoimmune gastritis (intrinsic-factor antibodies) and the prescriber to replace B12; no B12 recheck after injections have started"
            ))
    }

    @Test func lowMagnesiumIsReplacedAfterKidneyFunctionAndNamesTheDiuretic() throws {
        let result = referral(medications: [("hydrochlorothiazide", "diuretics")], labs: [("magnesium", 0.55, .low)])
        let treatment = try first(.treatment, result)
        #expect(treatment.who == .gp && treatment.urgency == .soon)
        #expect(
            treatment.detail
                == "magnesium 0.55 mmol/L (low) on 2026-11-15: Low magnesium: the prescriber to consider replacing magnesium after checking kidney function; check potassium and calcium (a low magnesium lowers both); find the cause (a diuretic, a proton-pump inhibitor, alcohol, gut losses). Takes a diuretic: a possible cause, to review with the prescriber."
        )
        #expect(try first(.bloodWork, result).analytes == ["kidney function"])
        #expect(!result.headline.contains("likely cause"))
        #expect(!result.sameDay)
    }

    @Test func lowMagnesiumWithHandSpasmIsSameDay() throws {
        let result = referral(symptoms: [SymptomID(rawValue: "hand spasm")], labs: [("magnesium", 0.55, .low)])
        let sameDay = try first(.sameDayAssessment, result)
        #expect(sameDay.who == .emergencyDepartment)
        #expect(
            sameDay.detail.contains("Low magnesium with tetany (hand spasm) or palpitations (a possible arrhythmia): same day, in hospital")
        )
        #expect(result.sameDay)
    }

    @Test func lowPotassiumIsReplacedIfKeptDownAndBelowThreeGetsAnECG() throws {
        let mild = try first(.treatment, referral(labs: [("potassium", 3.1, .low)]))
        #expect(mild.detail.contains("oral potassium replacement only if the patient can keep it down, with a recheck in 1-3 days"))
        #expect(!mild.detail.contains("Potassium below 3.0 mmol/L: an ECG") && mild.urgency == .soon)
        #expect(mild.detail.hasSuffix("Still vomiting, or ECG changes: same day."))
        let moderate = try first(.treatment, referral(labs: [("potassium", 2.9, .low)]))
        #expect(moderate.detail.contains("Potassium below 3.0 mmol/L: an ECG"))
        #expect(moderate.urgency == .urgent)
        let critical = referral(labs: [("potassium", 2.3, .criticalLow)])
        #expect(critical.sameDay)
        #expect(try first(.sameDayAssessment, critical).who == .emergencyDepartment)
        #expect(!critical.recommendations.contains { $0.test == .treatment && $0.detail.contains("oral potassium") })
    }

    @Test func lowCalciumAsksForAdjustedCalciumAndIsSameDayWithSymptoms() throws {
        let quiet = referral(labs: [("calcium", 2.0, .low)])
        let blood = try first(.bloodWork, quiet)
        #expect(blood.detail.contains("Low calcium: adjusted calcium (albumin), vitamin D, magnesium, PTH, kidney function and phosphate"))
        #expect(Set(blood.analytes ?? []).isSuperset(of: ["calcium", "albumin", "PTH", "kidney function", "phosphate"]))
        #expect(!quiet.sameDay)
        for symptom in ["hand spasm", "perioral tingling"] {
            let spasm = referral(symptoms: [SymptomID(rawValue: symptom)], labs: [("calcium", 2.1, .low)])
            #expect(spasm.sameDay, "\(symptom)")
            #expect(try first(.sameDayAssessment, spasm).detail.contains("Low calcium with \(symptom): same day, whatever the value."))
        }
    }

    @Test func vitaminDFollowsTheNICEThresholdsAndIsNeverTheLikelyCause() throws {
        let deficient = try first(.treatment, referral(labs: [("vitaminD", 20, .low)]))
        #expect(
            deficient.detail.contains(
                "Vitamin D below 25 nmol/L (deficient): the prescriber to consider vitamin D treatment, with adjusted calcium checked before a loading dose"
            ))
        let insufficient = referral(labs: [("vitaminD", 34, .low)])
        #expect(
            try first(.treatment, insufficient).detail.contains(
                "Vitamin D 25-50 nmol/L (insufficient): the prescriber to consider treatment if the patient is at high risk (little sun exposure or intake, darker skin, malabsorption); otherwise dietary and lifestyle advice and an over-the-counter supplement"
            ))
        #expect(!insufficient.headline.contains("likely cause"))
        #expect(insufficient.recommendations.allSatisfy { !$0.detail.contains("the likely cause") })
    }

    @Test func lowTSHWithWeightLossIsNamedAnOveractiveThyroid() throws {
        let result = referral(symptoms: [SymptomID(rawValue: "unexplained weight loss")], labs: [("tsh", 0.1, .low)])
        let blood = try first(.bloodWork, result)
        #expect(
            blood.detail.contains(
                "Low TSH with unexplained weight loss: an overactive thyroid, which can explain the twitching; free T4 and free T3."))
        #expect(result.headline.contains("an overactive thyroid, the likely cause"))
    }

    @Test func sodiumAtTheLimitIsSameDay() throws {
        let result = referral(labs: [("sodium", 120, .criticalLow)])
        #expect(result.sameDay)
        #expect(try first(.sameDayAssessment, result).who == .emergencyDepartment)
    }

    @Test func creatineKinaseUpToAboutAThousandNeverReassures() throws {
        var tables = knowledge
        let potassium = try #require(tables.analyte(id: "potassium"))
        var kinase = potassium
        kinase.id = "creatineKinase"
        tables.analytes.append(kinase)
        func outcome(_ value: Double) -> RuleOutcome {
            var patient = PatientBuilder()
            patient.days(5)
            let quantity = LabResult.Quantity(value: LabValue(value), unit: "U/L")
            patient.labs.append(
                LabResult(
                    source: SourceLocation(file: "labs.csv", line: 2), patientID: "T001", analyte: "creatineKinase",
                    loinc: nil, collected: Timestamp(date: patient.asOf.adding(days: -3)), reported: quantity,
                    canonical: quantity, reference: nil, status: .high, stale: false))
            return AbnormalLabsRule().evaluate(RuleContext(findings: patient.findings(tables), knowledge: tables))
        }
        #expect(
            outcome(600).recommendations.contains {
                $0.detail.contains("fits motor neuron disease as well as benign causes; it never reassures")
            })
        #expect(outcome(4000).recommendations.contains { $0.detail.contains("points to a myopathy") })
    }

    @Test func anUnreliableResultIsRepeatedNeverActedOn() throws {
        var patient = PatientBuilder()
        patient.days(5)
        patient.normalCorePanel(knowledge: knowledge)
        patient.labs.removeAll { $0.analyte == "potassium" }
        patient.lab("potassium", 6.4, status: .unreliable, daysBeforeAsOf: 2, knowledge: knowledge)
        patient.labs[patient.labs.count - 1].unreliableBecause = "haemolysed"
        let result = patient.referral(knowledge)
        let blood = try first(.bloodWork, result)
        #expect(
            blood.detail.contains(
                "Potassium of 6.0 mmol/L or more on a sample the lab calls haemolysed: unreliable, not acted on as a value; repeat the sample the next working day."
            ))
        #expect(blood.analytes == ["potassium"])
        #expect(!result.sameDay)
        #expect(!result.recommendations.contains { $0.test == .treatment || $0.test == .sameDayAssessment })

        patient.labs[patient.labs.count - 1] = {
            var lab = patient.labs.last!
            lab.canonical.value = LabValue(2.1)
            return lab
        }()
        let low = patient.referral(knowledge)
        #expect(!low.sameDay)
        // Below its range on a haemolysed sample: the truth is, if anything, lower, so the repeat
        // is the next working day (UnreliableResultSideTests), still never a treatment.
        #expect(try first(.bloodWork, low).detail.contains("Potassium below its range on a sample the lab calls haemolysed"))
        #expect(try first(.bloodWork, low).timeframe == "the next working day: repeat the sample")
        #expect(!low.recommendations.contains { $0.test == .treatment || $0.test == .sameDayAssessment })
    }

    @Test func aUnitThatDoesNotFitIsSaidSoNotNeverMeasured() throws {
        var patient = PatientBuilder()
        patient.days(30)
        patient.normalCorePanel(knowledge: knowledge)
        patient.labs.removeAll { $0.analyte == "potassium" }
        var diagnostic = Diagnostic.error(
            at: SourceLocation(file: "labs.csv", line: 31, column: 44), "unit does not fit the analyte", patientID: "T001")
        diagnostic.misreportedAnalyte = "potassium"
        let record = {
            var record = patient.record
            record.diagnostics = [diagnostic]
            return record
        }()
        let result = ReferralBuilder(knowledge: knowledge).referral(for: record, asOf: patient.asOf)
        #expect(result.headline.contains("reported in a unit that does not fit potassium"))
        #expect(!result.headline.contains("potassium never measured"))
        let blood = try first(.bloodWork, result)
        #expect(blood.detail.contains("potassium: reported in a unit that does not fit potassium, so not used"))
        #expect(blood.detail.contains("TSH: never measured"))
    }

    @Test func aLabResultNeverLowersARedFlag() {
        let result = referral(symptoms: [SymptomID.swallowing], labs: [("magnesium", 0.55, .low)])
        #expect(result.urgency == .urgent)
        #expect(result.headline.hasPrefix("Urgent: query MND"))
    }
}
