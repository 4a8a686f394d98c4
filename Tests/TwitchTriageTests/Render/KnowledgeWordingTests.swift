import Testing
import TriageEngine
import TriageKnowledge
import TriageModel
import TriageRender

/// The words a report writes for a test, and the sentences the rules write, are the knowledge's
/// (`tests.json` `label`, `rules.json` `sentences`): another table's words are what the report says.
@Suite struct KnowledgeWordingTests {
    let knowledge = Knowledge.forTests

    @Test func everyTestIsNamedByItsLabelInTheTable() throws {
        let labels = ReportLabels(knowledge: knowledge)
        for test in Recommendation.Test.allCases {
            let row = try #require(knowledge.tests.first { $0.id == test.id })
            #expect(labels.test(test) == row.label)
        }
        #expect(labels.test(.ncs) == "Nerve conduction studies")
        #expect(labels.test(.prescriberReview) == "Medication review with the prescriber")
    }

    @Test func anotherLabelIsWhatTheReportSays() throws {
        var edited = knowledge
        let index = try #require(edited.tests.firstIndex { $0.id == Recommendation.Test.ncs.id })
        edited.tests[index].label = "Nerve conduction studies of both arms"
        #expect(ReportLabels(knowledge: edited).test(.ncs) == "Nerve conduction studies of both arms")
    }

    @Test func theHeadlineIsTheKnowledgesSentence() throws {
        #expect(
            ReferralBuilder.headline(urgency: .selfCare, fragment: "nothing found", knowledge: knowledge) == "Self-care: nothing found.")
        #expect(ReferralBuilder.headline(urgency: .urgent, sameDay: true, fragment: "x.", knowledge: knowledge) == "Urgent, same day: x.")
        var edited = knowledge
        let index = try #require(edited.rules.sentences.firstIndex { $0.id == .headline })
        edited.rules.sentences[index].text = "{urgency} - {fragment}"
        #expect(ReferralBuilder.headline(urgency: .routine, fragment: "see the GP", knowledge: edited) == "Routine - see the GP")
    }

    @Test func aSignalsWordsAreTheKnowledges() throws {
        #expect(knowledge.contrastMap.words(.atRestNoTrigger) == "mostly at rest, with no exposure linked to the counts")
        #expect(knowledge.rules.sentence(.gapStale, ["date": "2026-04-14"]) == "results of 2026-04-14 stale")
    }
}
