import Testing
import TriageKnowledge
import TriageModel
import TriageNormalise

/// Issue 18: the frames, the scope of a negation and the certainty of SPEC §4.1, one table per
/// rule. Each row names the symptom the patient's words must give, its status, and the region
/// and side where the words name them. Written from the SPEC's examples and the MND
/// Association red-flag tool's patient quotes, turned into the words patients use.
@Suite struct ReadingRulesTests {
    private static let matcher = ConceptMatcher(try! Knowledge.bundled.vocabulary, sideWords: VocabularyIndex.sideWords)

    struct Row: CustomTestStringConvertible, Sendable {
        var text: String
        var symptom: String
        var status: ConceptMention.Status
        var region: RegionID? = nil
        var side: JournalEntry.Side? = nil
        var testDescription: String { text }
    }

    private static func mention(_ row: Row) -> ConceptMention? {
        matcher.read(row.text, kinds: Normaliser.symptomKinds).first { $0.kind == .symptom && $0.id == row.symptom }
    }

    private static func check(_ row: Row) {
        let found = mention(row)
        #expect(
            found?.status == row.status,
            "\(row.text): \(matcher.read(row.text, kinds: Normaliser.symptomKinds).filter { $0.kind == .symptom }.map { "\($0.id) \($0.status)" })"
        )
        if let region = row.region { #expect(found?.region == region, "\(row.text): region") }
        if let side = row.side { #expect(found?.side == side, "\(row.text): side") }
    }

    static let frames: [Row] = [
        Row(text: "my right foot slaps the floor when I walk", symptom: "foot drop", status: .present, region: "foot", side: .right),
        Row(text: "my left toes keep catching on the kerb", symptom: "foot drop", status: .present, region: "toe", side: .left),
        Row(text: "my foot doesn't lift properly any more", symptom: "foot drop", status: .present, region: "foot"),
        Row(text: "my knees give way on the stairs", symptom: "weakness", status: .present, region: "knee"),
        Row(text: "my words come out thick in the evening", symptom: "speech difficulty", status: .present),
        Row(text: "my voice is quieter than it was", symptom: "speech difficulty", status: .present),
        Row(text: "soup goes the wrong way", symptom: "swallowing difficulty", status: .present),
        Row(text: "tea keeps going down the wrong way", symptom: "swallowing difficulty", status: .present),
        Row(text: "my tablets get stuck halfway down", symptom: "food sticking", status: .present),
        Row(text: "belt on a tighter notch, down half a stone", symptom: "unexplained weight loss", status: .present),
        Row(text: "lost 6 kg since the summer", symptom: "unexplained weight loss", status: .present),
        Row(text: "my jeans are hanging off me", symptom: "unexplained weight loss", status: .present),
        Row(text: "my head falls forward when I read", symptom: "head drop", status: .present),
        Row(text: "my cough is weak", symptom: "weak cough", status: .present),
        Row(text: "I get breathless as soon as I lie flat", symptom: "breathless at rest or lying flat", status: .present),
        Row(text: "one side of my face has dropped", symptom: "facial droop", status: .present, region: "face"),
        Row(text: "my left eyelid droops", symptom: "drooping eyelid", status: .present, region: "eyelid", side: .left),
        Row(text: "my eyelid droops by the evening", symptom: "fatigable weakness", status: .present, region: "eyelid"),
        Row(text: "my thumb muscle has gone flat and hollow", symptom: "atrophy", status: .present, region: "thumb"),
        // Round 4 (issue 18): more lay predicates and subjects in the frames.
        Row(text: "my right foot has started to flap when I walk", symptom: "foot drop", status: .present, region: "foot", side: .right),
        Row(text: "I keep dropping cutlery", symptom: "fine-motor difficulty", status: .present),
        Row(text: "my wedding ring keeps falling off", symptom: "unexplained weight loss", status: .present),
        Row(text: "chicken gets stuck when I swallow", symptom: "food sticking", status: .present),
        Row(text: "swallowing feels harder than it should", symptom: "swallowing difficulty", status: .present),
        Row(text: "my legs are getting weaker by the hour", symptom: "weakness worsening over days", status: .present),
        Row(text: "I've lost feeling around my bottom", symptom: "saddle numbness", status: .present),
        Row(text: "falling asleep at work", symptom: "daytime sleepiness", status: .present),
    ]

    static let inability: [Row] = [
        Row(text: "I struggle to turn the key in the door", symptom: "fine-motor difficulty", status: .present),
        Row(text: "can't undo my buttons in the morning", symptom: "fine-motor difficulty", status: .present),
        Row(
            text: "it is hard to hold a pen with my right hand", symptom: "fine-motor difficulty", status: .present, region: "hand",
            side: .right),
        Row(text: "I can no longer hold a pen", symptom: "fine-motor difficulty", status: .present),
        Row(text: "I used to be able to open jars", symptom: "fine-motor difficulty", status: .present),
        Row(text: "I can't lift the kettle with my left arm", symptom: "weakness", status: .present, region: "arm", side: .left),
        Row(text: "getting up from a chair is a struggle", symptom: "weakness", status: .present),
        Row(text: "finding it hard to climb the stairs", symptom: "weakness", status: .present),
    ]

    static let scope: [Row] = [
        Row(text: "no fever, my right leg gives way", symptom: "weakness", status: .present, region: "leg", side: .right),
        Row(text: "no cramps, tingling, choking or falls", symptom: "cramps", status: .negated),
        Row(text: "no cramps, tingling, choking or falls", symptom: "tingling", status: .negated),
        Row(text: "no cramps, tingling, choking or falls", symptom: "swallowing difficulty", status: .negated),
        Row(text: "no cramps, tingling, choking or falls", symptom: "falls", status: .negated),
        Row(text: "I can't recall any numbness", symptom: "numbness", status: .negated),
        Row(text: "I can't remember any weakness", symptom: "weakness", status: .negated),
        Row(text: "the weakness has gone into my other arm", symptom: "weakness", status: .present, region: "arm"),
        Row(text: "I can't feel my left foot", symptom: "numbness", status: .present, region: "foot", side: .left),
        Row(text: "I can't feel any tingling", symptom: "tingling", status: .negated),
        Row(text: "I can't walk far without tripping", symptom: "falls", status: .present),
        Row(text: "the tingling I had in the summer went away", symptom: "tingling", status: .historical),
        Row(text: "I used to have cramps at night", symptom: "cramps", status: .historical),
        Row(text: "the numbness has gone", symptom: "numbness", status: .negated),
        // `went` alone is a verb of becoming as often as of leaving: it never makes a symptom historical.
        Row(text: "all of a sudden my speech went slurred", symptom: "sudden deficit", status: .present),
    ]

    static let certainty: [Row] = [
        Row(text: "perhaps my hand is weaker", symptom: "weakness", status: .possible, region: "hand"),
        Row(text: "is my leg getting weaker?", symptom: "weakness", status: .possible, region: "leg"),
        Row(text: "worried my speech is slurred", symptom: "speech difficulty", status: .possible),
        Row(text: "I think my right hand is thinner", symptom: "atrophy", status: .possible, region: "hand", side: .right),
        Row(text: "could be that my foot drags a bit", symptom: "foot drop", status: .possible, region: "foot"),
        Row(text: "slightly weaker right hand", symptom: "weakness", status: .present, region: "hand", side: .right),
        Row(text: "my wife says my speech is slurred", symptom: "speech difficulty", status: .present),
        Row(text: "my husband keeps asking me to repeat myself", symptom: "speech difficulty", status: .present),
        Row(
            text: "my words come out thick by the evening, my husband keeps asking me to repeat myself", symptom: "speech difficulty",
            status: .present),
        Row(text: "my son noticed my hand is thinner", symptom: "atrophy", status: .present, region: "hand"),
        Row(text: "my sister's legs gave way", symptom: "weakness", status: .otherPerson, region: "leg"),
        Row(text: "scared my legs will get weak", symptom: "weakness", status: .hypothetical),
        Row(text: "if it spreads I might lose strength", symptom: "weakness", status: .hypothetical),
        Row(text: "in case I start choking, what should I do", symptom: "swallowing difficulty", status: .hypothetical),
    ]

    @Test(arguments: frames) func frame(_ row: Row) { Self.check(row) }
    @Test(arguments: inability) func inabilityFrame(_ row: Row) { Self.check(row) }
    @Test(arguments: scope) func scopeRule(_ row: Row) { Self.check(row) }
    @Test(arguments: certainty) func certaintyRule(_ row: Row) { Self.check(row) }

    @Test func aFirstDegreeRelativesMNDIsFamilyHistoryAndAFriendsIsNot() {
        let dad = Self.matcher.read("my dad had MND", kinds: Normaliser.symptomKinds).first { $0.kind == .disease }
        #expect(dad.map(Self.matcher.isFirstDegreeFamilyHistory) == true)
        let friend = Self.matcher.read("my friend's mum had MND", kinds: Normaliser.symptomKinds).first { $0.kind == .disease }
        #expect(friend?.status == .otherPerson)
        #expect(friend.map(Self.matcher.isFirstDegreeFamilyHistory) == false)
    }

    @Test func aFrameWithoutItsPredicateIsNothing() {
        #expect(Self.matcher.read("my right foot is fine", kinds: Normaliser.symptomKinds).filter { $0.kind == .symptom }.isEmpty)
        #expect(Self.matcher.read("my belt", kinds: Normaliser.symptomKinds).filter { $0.kind == .symptom }.isEmpty)
    }
}
