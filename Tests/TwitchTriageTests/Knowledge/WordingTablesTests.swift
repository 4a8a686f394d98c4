import Foundation
import Testing
import TriageKnowledge
import TriageRender

/// The words a clinician reads that are data (issue 24): the findings' summaries (`rules.json`
/// `findingSentences`), keyed by an enum of the code; a table missing a key, or naming one the code
/// does not write, is refused at load with the file, list and row; `twitch-triage knowledge` shows them.
@Suite struct WordingTablesTests {
    /// Replaces the first `old` in `file` of a copy of the shipped tables and returns the load error.
    private func error(_ file: String, _ old: String, _ new: String) throws -> String? {
        let copy = try BrokenKnowledge()
        try copy.replace(file, old, with: new)
        return copy.loadError()
    }

    @Test func aFindingSentenceMissingIsRefused() throws {
        let copy = try BrokenKnowledge()
        try copy.edit("rules.json") { json in
            var object = json as! [String: Any]
            object["findingSentences"] = Array((object["findingSentences"] as! [Any]).dropLast())
            json = object
        }
        #expect(copy.loadError() == #"rules.json: findingSentences has no row "amount-dehydration""#)
    }

    @Test func aFindingSentenceTheCodeDoesNotWriteIsRefused() throws {
        #expect(
            try error("rules.json", "\"id\": \"age-unknown\"", "\"id\": \"age-unrecorded\"")
                == #"rules.json: findingSentences row 69 (age-unrecorded): has id "age-unrecorded"; it must be a sentence the findings write (FindingSentenceID)"#
        )
    }

    @Test func anEmptyFindingSentenceIsRefused() throws {
        #expect(
            try error("rules.json", "\"text\": \"Age not recorded.\"", "\"text\": \" \"")
                == #"rules.json: findingSentences row 69 (age-unknown): has an empty text"#)
    }

    @Test func theKnowledgeCommandShowsTheFindingSentences() throws {
        let markdown = KnowledgeMarkdown.render(try Knowledge.bundled)
        #expect(markdown.contains("\n### Sentences the findings write\n"))
        #expect(
            markdown.contains("| age-within | Age {age}, within the usual ALS onset range {low}-{high}. | twitch-triage: “SPEC §6: age” |"))
    }

    @Test func aFilledValueIsNotSearchedAgain() {
        #expect(
            "No {symptom}: first on {date}.".filledOnce(["symptom": "pain {date}", "date": "2026-01-02"])
                == "No pain {date}: first on 2026-01-02.")
        #expect("{a} and {b".filledOnce(["a": "x"]) == "x and {b")
        #expect("{unknown}".filledOnce(["a": "x"]) == "{unknown}")
    }

    @Test func aPagePhraseMissingIsRefused() throws {
        let copy = try BrokenKnowledge()
        try copy.edit("page.json") { json in
            var object = json as! [String: Any]
            object["phrases"] = Array((object["phrases"] as! [Any]).dropLast())
            json = object
        }
        #expect(copy.loadError() == #"page.json: phrases has no row "phone-water""#)
    }

    @Test func aPagePhraseTheCodeDoesNotWriteIsRefused() throws {
        #expect(
            try error("page.json", "\"id\": \"timeline\"", "\"id\": \"time-line\"")
                == #"page.json: phrases row 10 (time-line): has id "time-line"; it must be a phrase the pages or cards write (PagePhraseID)"#
        )
    }

    @Test func aPagePhraseWithMarkupIsRefused() throws {
        #expect(
            try error("page.json", "\"text\": \"Lab's flag\"", "\"text\": \"Lab's <b>flag</b>\"")
                == #"page.json: phrases row 19 (lab-flag): has text "Lab's <b>flag</b>"; it must be words without "<", which a page would read as markup"#
        )
    }

    @Test func theKnowledgeCommandShowsThePagePhrases() throws {
        let markdown = KnowledgeMarkdown.render(try Knowledge.bundled)
        #expect(markdown.contains("\n### The pages' and cards' headings, labels and sentences\n"))
        #expect(
            markdown.contains(
                "| card-query-mnd | Referral letter: query MND. | twitch-triage: “SPEC §6.1: \"query MND\" in the referral” |"))
    }
}
