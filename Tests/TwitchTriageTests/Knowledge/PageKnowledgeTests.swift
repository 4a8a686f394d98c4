import Foundation
import Testing
import TriageKnowledge
import TriageModel
import TriageRender

/// `page.json` (the order of danger, who acts by default, the page's sentences, source titles),
/// each rule of its check broken once on a copy of the shipped tables, with its exact message.
@Suite struct PageKnowledgeTests {
    @Test func theShippedPageKnowledgeLoads() throws {
        let page = try #require(try Knowledge.bundled.page)
        #expect(page.words.notMentioned == "Not mentioned in the journal")
        #expect(Set(page.defaultActors.map(\.test)) == Set(Recommendation.Test.allCases))
    }

    @Test func anUnknownActor() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("page.json", #"{ "test": "EMG", "who": "neurophysiology" }"#, with: #"{ "test": "EMG", "who": "physiotherapy" }"#)
        #expect(
            copy.loadError()
                == #"page.json: defaultActors row 9 (EMG): has who "physiotherapy"; it must be "GP", "neurology", "neurophysiology", "radiology", "eye examination", "speech and language therapy" or "emergency department""#
        )
    }

    @Test func aRedFlagFindingWithoutItsWords() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("page.json", #"{ "finding": "spreading", "words": "spreading to a new region" },"#, with: "")
        #expect(copy.loadError() == #"page.json: words.redFlagFindings has no row "spreading""#)
    }

    @Test func theRedFlagFindingsAreNamedByThePagesWords() throws {
        let labels = ReportLabels(knowledge: Knowledge.forTests)
        #expect(labels.isRedFlag(.spreading))
        #expect(labels.redFlagWords(.progressiveWeakness) == "progressive weakness")
        #expect(labels.redFlagWords(.eyelidFacialSpread) == "eyelid twitching spreading over the face")
    }

    @Test func aTestWithoutWhoActs() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("page.json", #"{ "test": "EMG", "who": "neurophysiology" },"#, with: "")
        #expect(copy.loadError() == #"page.json: has no row "defaultActors: EMG""#)
    }

    @Test func aStepOfTheOrderOfDangerWithoutASourceInTheCatalogue() throws {
        let copy = try BrokenKnowledge()
        try copy.replace(
            "page.json", #"{ "name": "Kost 1990 critical limits", "quote": "critical limits for urgent clinician notification" }"#,
            with: #"{ "name": "a website", "quote": "critical" }"#)
        #expect(
            copy.loadError()
                == #"page.json: dangerOrder row 3 (critical value): cites "a website", which is not a source in knowledge.json"#)
    }
}
