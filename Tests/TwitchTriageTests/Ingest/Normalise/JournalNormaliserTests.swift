import Testing
import TriageKnowledge
import TriageModel
import TriageNormalise

@Suite struct JournalNormaliserTests {
    private let normaliser = Normaliser(knowledge: try! Knowledge.bundled, asOf: LocalDate(year: 2026, month: 11, day: 20)!)
    private static let row = SourceLocation(file: "journal.csv", line: 12)

    private func term(_ text: String, column: Int) -> Term { Term(text, at: Self.row.at(column: column)) }

    private func record(_ build: (inout JournalRecord) -> Void) -> JournalRecord {
        var record = JournalRecord(
            source: Self.row, patientID: "P042", timestamp: Timestamp(date: LocalDate(year: 2026, month: 10, day: 1)!))
        build(&record)
        return record
    }

    private func normalise(_ record: JournalRecord) -> (JournalEntry, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let entry = normaliser.journalEntry(from: record, diagnostics: &diagnostics)
        return (entry, diagnostics)
    }

    @Test func locationsBecomeRegionsWithGroupsAndSides() {
        let (entry, diagnostics) = normalise(
            record {
                $0.locations = [term("right forearm", column: 3), term("Biceps", column: 3), term("both calves", column: 3)]
            })
        #expect(diagnostics.isEmpty)
        #expect(
            entry.regions == [
                .init(region: "forearm", group: "upper limb", side: .right),
                .init(region: "upper arm", group: "upper limb", side: nil),
                .init(region: "calf", group: "lower limb", side: .both),
            ])
        #expect(entry.hasTwitching)
    }

    @Test func theSideColumnAppliesToLocationsWithoutTheirOwnSide() {
        let (entry, diagnostics) = normalise(
            record {
                $0.side = term("L", column: 4)
                $0.locations = [term("thumb", column: 3), term("right eyelid", column: 3)]
            })
        #expect(entry.regions.map(\.side) == [.left, .right])
        #expect(
            diagnostics == [
                .warning(
                    at: Self.row.at(column: 3), "side in the location disagrees with the side column; the location's side kept",
                    patientID: "P042")
            ])
    }

    @Test func symptomsTriggersAndMedicationsAreMatched() {
        let (entry, diagnostics) = normalise(
            record {
                $0.symptoms = [
                    SymptomMention(name: term("pins and needles", column: 8)), SymptomMention(name: term("Muscle wasting", column: 8)),
                    SymptomMention(name: term("trouble buttoning", column: 8)),
                ]
                $0.triggers = [
                    term("coffee", column: 7), term("anxiety", column: 7), term("lack of sleep", column: 7), term("none", column: 7),
                ]
                $0.medications = [term("Prednisone 20 mg", column: 15), term("Ventolin", column: 15), term("metformin", column: 15)]
                $0.exercise = term("intense", column: 14)
            })
        #expect(diagnostics.isEmpty)
        #expect(entry.symptoms.map(\.symptom) == ["tingling", "atrophy", "fine-motor difficulty"])
        #expect(entry.triggers == ["caffeine", "stress", "poor sleep"])
        #expect(
            entry.medications == [
                .init(name: "Prednisone 20 mg", medicationClass: "corticosteroids"),
                .init(name: "Ventolin", medicationClass: "beta-agonists"),
                .init(name: "metformin", medicationClass: nil),
            ])
        #expect(entry.lifestyle.exercise == .intense)
        #expect(entry.unrecognised.isEmpty)
    }

    @Test func unrecognisedTermsAreKeptWithAWarningAtTheirColumn() {
        let location = term("left spleen", column: 3)
        let trigger = term("full moon", column: 7)
        let symptom = term("glowing skin", column: 8)
        let side = term("middle", column: 4)
        let exercise = term("sometimes", column: 14)
        let (entry, diagnostics) = normalise(
            record {
                $0.locations = [location, term("neck", column: 3)]
                $0.triggers = [trigger]
                $0.symptoms = [SymptomMention(name: symptom)]
                $0.side = side
                $0.exercise = exercise
            })
        #expect(entry.regions.map(\.region) == ["neck"])
        #expect(Set(entry.unrecognised.map(\.text)) == ["left spleen", "full moon", "middle", "sometimes"])
        #expect(entry.unreadSymptomText.map(\.text) == ["glowing skin"])
        #expect(
            Set(diagnostics) == [
                .warning(at: Self.row.at(column: 3), "unrecognised location; kept as unrecognised", patientID: "P042"),
                .warning(at: Self.row.at(column: 7), "unrecognised trigger; kept as unrecognised", patientID: "P042"),
                .warning(at: Self.row.at(column: 8), "symptom text not understood; kept for a clinician to read", patientID: "P042"),
                .warning(at: Self.row.at(column: 4), "unrecognised side; kept as unrecognised", patientID: "P042"),
                .warning(at: Self.row.at(column: 14), "unrecognised exercise level; kept as unrecognised", patientID: "P042"),
            ])
        for diagnostic in diagnostics {
            for text in ["spleen", "moon", "glowing", "middle", "sometimes", "P042"] {
                #expect(!diagnostic.message.contains(text), "the message must not carry what the patient wrote or their id")
            }
        }
    }

    @Test func anUnrecognisedSymptomLocationIsKept() {
        let (entry, diagnostics) = normalise(
            record {
                $0.symptoms = [
                    SymptomMention(name: term("weakness", column: 8), severity: 1, bodyLocation: term("behind the spleen", column: 9)),
                    SymptomMention(name: term("numbness", column: 8), bodyLocation: term("right hand", column: 9)),
                    SymptomMention(name: term("tingling", column: 8), bodyLocation: term("palm of the hand", column: 9)),
                ]
            })
        #expect(entry.symptoms.map(\.symptom) == ["weakness", "numbness", "tingling"])
        #expect(entry.symptoms.map(\.region?.region) == [nil, "hand", "hand"])
        #expect(entry.symptoms[1].region?.side == .right)
        #expect(entry.unrecognised.map(\.text) == ["behind the spleen"])
        #expect(diagnostics.map(\.message) == ["unrecognised symptom location; kept as unrecognised"])
    }

    @Test func aRedFlagInANoteCountsWithItsQuote() {
        let (entry, diagnostics) = normalise(
            record { $0.notes = ["Long day. Pills get stuck when I swallow, and my left hand looks thinner"] })
        #expect(entry.symptoms.map(\.symptom) == ["food sticking", "atrophy"])
        #expect(entry.symptoms.allSatisfy { $0.field == "note" })
        #expect(entry.symptoms[0].quote == "Pills get stuck when I swallow, and my left hand looks thinner")
        #expect(entry.symptoms[1].region == .init(region: "hand", group: "upper limb", side: .left))
        #expect(diagnostics.isEmpty)
    }

    @Test func negatedAndOtherPeoplesSymptomsAreNotFindings() {
        let (entry, _) = normalise(
            record {
                $0.symptoms = [SymptomMention(name: term("no weakness", column: 8))]
                $0.notes = ["my dad's hand was thin; scared of ALS"]
            })
        #expect(entry.symptoms.isEmpty)
        #expect(entry.deniedSymptoms.map(\.symptom) == ["weakness"])
        #expect(entry.context.map(\.reason) == [.otherPerson, .diseaseName])
        #expect(entry.context.map(\.concept) == ["atrophy", "ALS"])
        #expect(entry.unreadSymptomText.isEmpty)
    }

    @Test func aDeniedDiseaseIsNotContextButAFearedOrARelativesIs() {
        #expect(normalise(record { $0.notes = ["the neurologist said it is not ALS"] }).0.context.isEmpty)
        let feared = normalise(record { $0.notes = ["my dad had motor neurone disease; terrified of ALS"] }).0
        // The father's MND is also family history (issue 18): a first-degree relative.
        #expect(feared.context.map(\.concept) == ["motor neuron disease", "motor neuron disease", "ALS"])
        #expect(feared.context.map(\.reason) == [.diseaseName, .familyHistory, .diseaseName])
        #expect(feared.context[1].relative == "dad")
    }

    @Test func noneTextsAndListWordsAreUnderstood() {
        let (entry, diagnostics) = normalise(
            record {
                $0.symptoms = [SymptomMention(name: term("none", column: 8)), SymptomMention(name: term("writing", column: 8))]
                $0.notes = ["writing my diary"]
            })
        #expect(entry.symptoms.map(\.symptom) == ["fine-motor difficulty"])
        #expect(entry.symptoms[0].field == "symptoms")
        #expect(diagnostics.isEmpty)
    }

    @Test func notesThatSayNothingChangeNothing() {
        let (entry, diagnostics) = normalise(record { $0.notes = ["funny buzzy thing after the gym"] })
        #expect(entry.symptoms.isEmpty && entry.unreadSymptomText.isEmpty && diagnostics.isEmpty)
    }

    @Test func weaknessScoreAndSymptomAgree() {
        let fromScore = normalise(record { $0.weakness = 2 }).0
        #expect(fromScore.symptoms == [.init(symptom: "weakness", severity: 2)])
        #expect(fromScore.weakness == 2)

        let fromSymptom = normalise(record { $0.symptoms = [SymptomMention(name: term("weak", column: 8), severity: 1)] }).0
        #expect(fromSymptom.weakness == 1)

        let none = normalise(record { $0.weakness = 0 }).0
        #expect(none.symptoms.isEmpty)
        #expect(none.weakness == 0)

        let (conflict, diagnostics) = normalise(
            record {
                $0.weakness = 0
                $0.symptoms = [SymptomMention(name: term("weakness", column: 8))]
            })
        #expect(conflict.weakness == 0)
        #expect(diagnostics.map(\.message) == ["weakness column says none but a weakness symptom is listed; both kept"])
    }

    @Test func numbersAndNotesAreCopied() {
        let (entry, _) = normalise(
            record {
                $0.twitchCount = 5
                $0.durationMinutes = 2
                $0.atRest = true
                $0.lifestyle.caffeineMilligrams = 300
                $0.lifestyle.sleepHours = 5.5
                $0.lifestyle.stress = 7
                $0.lifestyle.alcoholUnits = 1
                $0.lifestyle.waterLitres = 1.5
                $0.notes = ["after yard work"]
            })
        #expect(entry.twitchCount == 5 && entry.durationMinutes == 2 && entry.atRest == true)
        #expect(entry.lifestyle.caffeineMilligrams == 300 && entry.lifestyle.sleepHours == 5.5 && entry.lifestyle.stress == 7)
        #expect(entry.lifestyle.alcoholUnits == 1 && entry.lifestyle.waterLitres == 1.5)
        #expect(entry.notes == ["after yard work"])
        #expect(entry.patientID == "P042" && entry.source == Self.row)
    }

    @Test func repeatedTermsAreKeptOnce() {
        let (entry, _) = normalise(
            record {
                $0.locations = [term("calf", column: 3), term("calves", column: 3)]
                $0.triggers = [term("coffee", column: 7), term("caffeine", column: 7)]
                $0.symptoms = [
                    SymptomMention(name: term("cramp", column: 8), severity: 1),
                    SymptomMention(name: term("cramps", column: 8), severity: 3),
                ]
            })
        #expect(entry.regions.count == 1)
        #expect(entry.triggers == ["caffeine"])
        #expect(entry.symptoms.map(\.symptom) == ["cramps"])
        #expect(entry.symptoms.map(\.severity) == [3])
    }
}
