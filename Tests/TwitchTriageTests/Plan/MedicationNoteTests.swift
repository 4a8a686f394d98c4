import Testing
import TriageKnowledge
import TriageModel

@testable import TriageEngine

/// SPEC §6.2 "Medications": each class its own note, who is the GP, never "stop".
@Suite struct MedicationNoteTests {
    let knowledge = Knowledge.forTests

    func review(_ medications: [(String, MedicationClassID?)], days: Int = 10, labs: [(String, Double, LabResult.Status)] = []) throws
        -> Recommendation
    {
        var patient = PatientBuilder()
        patient.days(days, medications: medications)
        for (analyte, value, status) in labs { patient.lab(analyte, value, status: status, knowledge: knowledge) }
        return try #require(MedicationsRule().evaluate(patient.context(knowledge)).recommendations.first)
    }

    @Test func aThiazideGetsTheDiureticNoteOnlyLinkedToItsLowResult() throws {
        let note = try review([("hydrochlorothiazide", "diuretics")], labs: [("magnesium", 0.55, .low)])
        #expect(note.who == .gp)
        #expect(note.detail.contains("diuretics lose magnesium and potassium"))
        #expect(note.detail.contains("a low result on file fits diuretic loss: magnesium 0.55 mmol/L (low)"))
        #expect(!note.detail.contains("psychotropic"))
    }

    @Test func corticosteroidsNameSteroidMyopathy() throws {
        #expect(try review([("prednisone", "corticosteroids")]).detail.contains("steroid myopathy (proximal weakness, hip and shoulder)"))
    }

    @Test func aRelieverUsedDailyIsPoorlyControlledAsthmaAndItsTremorIsNotAnxiety() throws {
        let daily = try review([("salbutamol", "beta-agonists")], days: 10)
        #expect(daily.detail.contains("shaky hands after the inhaler are the drug's tremor, not an anxiety symptom"))
        #expect(
            daily.detail.contains(
                "the reliever is recorded on 10 of 10 journal days: a reliever used more than twice a week means poorly controlled asthma"))
        let occasional = try review([("salbutamol", "beta-agonists")], days: 5)
        #expect(!occasional.detail.contains("poorly controlled"))
        // AWMSG: "use of reliever ... >2 times per week" is poor control, so 3 days in 7 (43%)
        // counts and 2 in 7 (29%) does not; the share is the knowledge's, not a daily reliever.
        func share(_ withReliever: Int, of days: Int) throws -> Recommendation {
            var patient = PatientBuilder()
            patient.days(days, medications: [("salbutamol", "beta-agonists")])
            for index in patient.journal.indices where index % 7 >= withReliever { patient.journal[index].medications = [] }
            return try #require(MedicationsRule().evaluate(patient.context(knowledge)).recommendations.first)
        }
        #expect(
            try share(3, of: 21).detail.contains("the reliever is recorded on 9 of 21 journal days: a reliever used more than twice a week")
        )
        #expect(try !share(2, of: 28).detail.contains("poorly controlled"))
    }

    @Test func psychotropicDrugsAreReviewedNeverStopped() throws {
        let note = try review([("sertraline", "psychotropic drugs")])
        #expect(note.detail.contains("review the recent dose change with the prescriber"))
        for row in knowledge.medicationNotes {
            #expect(!row.note.lowercased().contains("stop"), "\(row.medicationClass)")
        }
        #expect(
            knowledge.medicationNotes.first { $0.medicationClass == "psychotropic drugs" }?.departure?.contains("must be stopped") == true)
    }
}
