import Foundation
import Testing
import TriageKnowledge

/// `analyte-name-words.json`: the words a lab's test name is read by when it is matched to an
/// analyte by name, loaded and validated like the other tables (issue 24: no clinical word list
/// in Swift).
@Suite struct AnalyteNameWordsTests {
    @Test func theShippedTableHasItsGroupsWithSources() throws {
        let words = try Knowledge.bundled.analyteNameWords
        #expect(
            words.differentMeasurement.map(\.id) == [
                "urine", "timed", "challenge", "ionised", "free", "other-specimen",
                "vitamin-d-metabolite", "b12-fraction", "antibody",
            ])
        #expect(words.sameMeasurement.map(\.id) == ["serum-or-plasma", "blood", "wording"])
        for group in words.differentMeasurement + words.sameMeasurement {
            #expect(!group.sources.isEmpty && group.sources.allSatisfy { !($0.quote ?? "").isEmpty }, "\(group.id)")
        }
    }

    @Test func aWordThatIsNotOneWordIsRefused() throws {
        let broken = try BrokenKnowledge()
        try broken.replace("analyte-name-words.json", #""24h""#, with: #""24 h""#)
        #expect(
            broken.loadError()
                == "analyte-name-words.json: differentMeasurement row 2 (timed): has words 24 h; it must be one lower-case word with no punctuation"
        )
    }

    @Test func aWordInBothListsIsRefused() throws {
        let broken = try BrokenKnowledge()
        try broken.replace("analyte-name-words.json", #""whole""#, with: #""urine""#)
        #expect(
            broken.loadError()
                == "analyte-name-words.json: sameMeasurement row 2 (blood): has words urine; it must be a word in one list only (it is in differentMeasurement)"
        )
    }

    @Test func aSourceOutsideTheCatalogueIsRefused() throws {
        let broken = try BrokenKnowledge()
        try broken.replace("analyte-name-words.json", #""name": "twitch-triage""#, with: #""name": "a lab's leaflet""#)
        #expect(
            broken.loadError()
                == #"analyte-name-words.json: differentMeasurement row 3 (challenge): cites "a lab's leaflet", which is not in knowledge.json's sources"#
        )
    }

    @Test func theTableMustBeListed() throws {
        let broken = try BrokenKnowledge()
        try broken.replace("knowledge.json", #"    "analyte-name-words.json",\#n"#, with: "")
        #expect(broken.loadError() == #"knowledge.json: files does not list "analyte-name-words.json""#)
    }
}
