import Testing
import TriageKnowledge

@Suite struct AnalyteIndexTests {
    private let index = Knowledge.forTests.analyteIndex

    @Test(arguments: [
        ("19123-9", "magnesium"), ("2601-3", "magnesium"), ("2823-3", "potassium"), ("6298-4", "potassium"),
        ("17861-6", "calcium"), ("2000-8", "calcium"), ("2132-9", "vitaminB12"), ("14685-2", "vitaminB12"),
        ("62292-8", "vitaminD"), ("3016-3", "tsh"), ("2951-2", "sodium"), ("4548-4", "hba1c"),
        ("59261-8", "hba1c"), ("2345-7", "glucose"), (" 14749-6 ", "glucose"),
        ("2157-6", "creatineKinase"), ("2284-8", "folate"), ("14732-2", "folate"), ("718-7", "haemoglobin"),
        ("787-2", "mcv"), ("3024-7", "freeT4"), ("14920-3", "freeT4"), ("1751-7", "albumin"),
    ])
    func byLOINC(code: String, id: String) {
        #expect(index.analyte(loinc: code)?.id.rawValue == id)
    }

    @Test(arguments: [
        ("Magnesium", "magnesium"), ("Mg", "magnesium"), ("Magnesium, Serum", "magnesium"), ("S-Magnesium", "magnesium"),
        ("magnesium level", "magnesium"), ("K", "potassium"), ("Ca", "calcium"), ("Calcium, total", "calcium"),
        ("B12", "vitaminB12"), ("Cobalamin", "vitaminB12"), ("Vitamin B12 (cobalamin)", "vitaminB12"),
        ("25-OH Vitamin D", "vitaminD"), ("25(OH)D", "vitaminD"), ("Vitamin D", "vitaminD"),
        ("TSH", "tsh"), ("Sodium", "sodium"), ("HbA1c", "hba1c"), ("Fasting glucose", "glucose"),
        ("Creatine Kinase", "creatineKinase"), ("CK", "creatineKinase"), ("CPK", "creatineKinase"), ("Folate, serum", "folate"),
        ("Hemoglobin", "haemoglobin"), ("Hb", "haemoglobin"), ("MCV", "mcv"), ("Free T4", "freeT4"), ("FT4", "freeT4"),
        ("Free thyroxine", "freeT4"), ("Albumin", "albumin"), ("S-Albumin", "albumin"),
    ])
    func byName(name: String, id: String) {
        #expect(index.analyte(named: name)?.id.rawValue == id)
    }

    @Test(arguments: [
        "Magnesium, urine", "Calcium, ionized", "1,25-dihydroxyvitamin D", "Vitamin D, 1,25-dihydroxy",
        "Glucose, 2 hour post meal", "Glucose random", "Ferritin", "", "Free T3", "Red cell folate",
        "Albumin, urine", "Free calcium",
    ])
    func otherMeasurementsAreNotMatched(name: String) {
        #expect(index.analyte(named: name) == nil)
    }

    /// The shared index is the index of the tables asked for: another list (a clinic's edited
    /// table) gets its own, never the previous one's, and the shipped list's comes back after.
    @Test func theSharedIndexIsTheOneOfTheListAskedFor() throws {
        let shipped = try Knowledge.bundled.analytes
        let words = try Knowledge.bundled.analyteNameWords
        #expect(AnalyteIndex.shared(shipped, words: words).analyte(named: "Magnesium")?.id == "magnesium")
        var edited = shipped
        let magnesium = try #require(edited.firstIndex { $0.id == "magnesium" })
        edited[magnesium].names = ["Clinic magnesium"]
        edited[magnesium].loinc = ["99999-9"]
        let editedIndex = AnalyteIndex.shared(edited, words: words)
        #expect(editedIndex.analyte(named: "Clinic magnesium")?.id == "magnesium")
        #expect(editedIndex.analyte(loinc: "99999-9")?.id == "magnesium")
        #expect(editedIndex.analyte(loinc: "19123-9") == nil)
        #expect(!editedIndex.loincCodes.contains("19123-9") && editedIndex.loincCodes.contains("99999-9"))
        let again = AnalyteIndex.shared(shipped, words: words)
        #expect(again.analyte(loinc: "19123-9")?.id == "magnesium")
        #expect(again.analyte(named: "Clinic magnesium") == nil)
        #expect(again == Knowledge.forTests.analyteIndex && again != editedIndex)
    }

    /// The name words are the table's (`analyte-name-words.json`), not the code's: a table
    /// without a word reads names without it, and the index of other words is another index.
    @Test func theNameWordsAreTheTables() throws {
        let knowledge = Knowledge.forTests
        var words = knowledge.analyteNameWords
        #expect(words.differentMeasurement.contains { $0.words.contains("urine") })
        #expect(words.sameMeasurement.contains { $0.words.contains("level") })
        words.differentMeasurement.removeAll { $0.words.contains("urine") }
        words.sameMeasurement.removeAll { $0.words.contains("level") }
        let edited = AnalyteIndex.shared(knowledge.analytes, words: words)
        #expect(edited.analyte(named: "Magnesium urine") == nil)  // no longer refused, but not a name either
        #expect(edited.analyte(named: "Magnesium, urine")?.id == "magnesium")  // cut at the comma
        #expect(edited.analyte(named: "magnesium level") == nil)
        #expect(edited.analyte(named: "Calcium, ionized") == nil)
        #expect(index.analyte(named: "Magnesium, urine") == nil)
        #expect(index.analyte(named: "magnesium level")?.id == "magnesium")
        #expect(edited != index)
        let none = AnalyteIndex(knowledge.analytes, words: .empty)
        #expect(none.analyte(named: "S-Magnesium")?.id == "magnesium")  // a listed name
        #expect(none.analyte(named: "Serum magnesium level") == nil)
        #expect(none.analyte(named: "Magnesium, ionized")?.id == "magnesium")
    }
}
