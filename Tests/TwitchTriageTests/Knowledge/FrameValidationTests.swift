import Foundation
import Testing
import TriageModel

/// Issue 18: frames are validated at load like phrases (SPEC §4.1); each bad frame is refused
/// with its row and what is wrong.
@Suite struct FrameValidationTests {
    @Test func aFrameOfAnUnknownSymptom() throws {
        let copy = try BrokenKnowledge()
        try copy.edit("vocabulary.json") { json in
            var vocabulary = try #require(json as? [String: Any])
            var frames = try #require(vocabulary["frames"] as? [[String: Any]])
            frames[0]["concept"] = "foot slap"
            vocabulary["frames"] = frames
            json = vocabulary
        }
        #expect(
            copy.loadError()
                == #"vocabulary.json: frames row 1 (foot slap): names concept "foot slap", which is not in vocabulary.json symptoms"#)
    }

    @Test func aFrameWithoutPredicates() throws {
        let copy = try BrokenKnowledge()
        try copy.edit("vocabulary.json") { json in
            var vocabulary = try #require(json as? [String: Any])
            var frames = try #require(vocabulary["frames"] as? [[String: Any]])
            frames[0]["predicates"] = [String]()
            vocabulary["frames"] = frames
            json = vocabulary
        }
        #expect(copy.loadError() == "vocabulary.json: frames row 1 (foot drop): has an empty predicates")
    }

    @Test func aFramePartThatShrinksToOneWord() throws {
        let copy = try BrokenKnowledge()
        try copy.edit("vocabulary.json") { json in
            var vocabulary = try #require(json as? [String: Any])
            var frames = try #require(vocabulary["frames"] as? [[String: Any]])
            frames[0]["predicates"] = ["in the evening"]
            vocabulary["frames"] = frames
            json = vocabulary
        }
        #expect(
            copy.loadError()
                == "vocabulary.json: frames row 1 (foot drop): has subject or predicate in the evening; it must be words that do not shrink to one word under the fillers"
        )
    }

    @Test func aFrameWithoutSources() throws {
        let copy = try BrokenKnowledge()
        try copy.edit("vocabulary.json") { json in
            var vocabulary = try #require(json as? [String: Any])
            var frames = try #require(vocabulary["frames"] as? [[String: Any]])
            frames[0]["sources"] = [[String: Any]]()
            vocabulary["frames"] = frames
            json = vocabulary
        }
        #expect(copy.loadError() == "vocabulary.json: frames row 1 (foot drop): has no source")
    }
}
