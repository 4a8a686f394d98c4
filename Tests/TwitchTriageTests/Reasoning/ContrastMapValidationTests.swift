import Foundation
import Testing
import TriageModel

/// The contrast mapping is validated at load: every entry names a row, a signal the evaluator
/// computes, a column, and conditions for or against but never both; every row is mapped or
/// declared unobservable.
@Suite struct ContrastMapValidationTests {
    @Test func anEntryWithAnUnknownSignal() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("contrast-map.json", "\"signal\": \"no-weakness-scored\"", with: "\"signal\": \"no-weakness-recorded\"")
        #expect(
            copy.loadError()
                == #"contrast-map.json: mappings row 12 (anxiety-bfs-vs-als/muscle-weakness): has signal "no-weakness-recorded"; it must be a signal the evaluator computes (ContrastSignal)"#
        )
    }

    @Test func anEntryForAndAgainstOneCondition() throws {
        let copy = try BrokenKnowledge()
        try copy.edit("contrast-map.json") { json in
            var object = try #require(json as? [String: Any])
            var mappings = try #require(object["mappings"] as? [[String: Any]])
            mappings[0]["for"] = ["bfs"]
            mappings[0]["against"] = ["bfs"]
            object["mappings"] = mappings
            json = object
        }
        #expect(
            copy.loadError()
                == #"contrast-map.json: mappings row 1 (normal-vs-serious/duration): has against "bfs"; it must be a condition not also in "for""#
        )
    }

    @Test func aRowNeitherMappedNorUnobservable() throws {
        let copy = try BrokenKnowledge()
        try copy.edit("contrast-map.json") { json in
            var object = try #require(json as? [String: Any])
            var unobservable = try #require(object["unobservable"] as? [[String: Any]])
            unobservable.removeAll { $0["row"] as? String == "prevalence" }
            object["unobservable"] = unobservable
            json = object
        }
        #expect(copy.loadError() == #"contrast-map.json: mappings has no row "anxiety-bfs-vs-als/prevalence""#)
    }

    @Test func anEntryNamingAConditionTheRowDoesNotList() throws {
        let copy = try BrokenKnowledge()
        try copy.edit("contrast-map.json") { json in
            var object = try #require(json as? [String: Any])
            var mappings = try #require(object["mappings"] as? [[String: Any]])
            let index = try #require(mappings.firstIndex { $0["signal"] as? String == "no-weakness-scored" })
            mappings[index]["for"] = ["bfs", "multiple-sclerosis"]
            object["mappings"] = mappings
            json = object
        }
        #expect(
            copy.loadError()
                == #"contrast-map.json: mappings row 12 (anxiety-bfs-vs-als/muscle-weakness): names condition "multiple-sclerosis", which is not in the row's conditions"#
        )
    }

    @Test func aTimeframeMissing() throws {
        let copy = try BrokenKnowledge()
        try copy.edit("timeframes.json") { json in
            var rows = try #require(json as? [[String: Any]])
            rows.removeAll { $0["urgency"] as? String == "same-day" }
            json = rows
        }
        #expect(copy.loadError() == #"timeframes.json: has no row "same-day""#)
    }
}
