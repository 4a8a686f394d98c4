import Testing
import TriageKnowledge
import TriageModel
import TriageNormalise

/// A new change in sexual function (NICE NG127, cauda equina: "new-onset disturbance of bladder,
/// bowel or sexual function"), read from the words patients use, with the embarrassment and the
/// hedges they write it with (SPEC §4.1): present, possible, denied, over, someone else's,
/// feared; and the words that are not it (pain that stops sex, a low libido from anxiety).
@Suite struct SexualFunctionReadingTests {
    private static let matcher = ConceptMatcher(try! Knowledge.bundled.vocabulary, sideWords: VocabularyIndex.sideWords)
    private static let symptom = SymptomID.sexualFunction.rawValue

    struct Row: CustomTestStringConvertible, Sendable {
        var text: String
        /// The status the words must give, or nil where they must give no sexual function change.
        var status: ConceptMention.Status?
        var testDescription: String { text }
    }

    static let rows: [Row] = [
        // Present: the clinical words, the lay words, the euphemisms.
        Row(text: "my back's killing me down the left leg and I can't get an erection since Tuesday", status: .present),
        Row(text: "numb down there when we have sex", status: .present),
        Row(text: "bit embarrassing but I can't get it up since the back pain", status: .present),
        Row(text: "things in the bedroom aren't working", status: .present),
        Row(text: "down there just isn't working since my back went", status: .present),
        Row(text: "I can't ejaculate", status: .present),
        Row(text: "I can't orgasm since the back pain started", status: .present),
        Row(text: "I can no longer get an erection", status: .present),
        Row(text: "my erections have gone soft", status: .present),
        Row(text: "it's numb when we make love", status: .present),
        Row(text: "no feeling when we have sex", status: .present),
        Row(text: "loss of sensation in my genitals during sex", status: .present),
        Row(text: "I can't feel anything during intercourse", status: .present),
        Row(text: "can't come when we have sex any more", status: .present),
        Row(text: "new erectile dysfunction", status: .present),
        // Written with doubt: a clinician phones, never the emergency department on its own.
        Row(text: "maybe my erections are weaker", status: .possible),
        Row(text: "I wonder if my orgasm feels different", status: .possible),
        Row(text: "I think I might have lost feeling during sex", status: .possible),
        // Denied, over, someone else's, feared.
        Row(text: "no problems in the bedroom", status: nil),
        Row(text: "no erection problems", status: .negated),
        Row(text: "I don't have any problems getting an erection", status: nil),
        Row(text: "no loss of sensation during sex, no bladder problems", status: .negated),
        Row(text: "I used to have erection problems but they're fine now", status: .historical),
        Row(text: "history of erectile dysfunction", status: .historical),
        Row(text: "my husband can't get an erection", status: .otherPerson),
        Row(text: "scared I will get erectile dysfunction", status: .hypothetical),
        // Not a change in sexual function.
        Row(text: "I can't have sex because my back hurts too much", status: nil),
        Row(text: "worried my libido is low because of anxiety", status: nil),
        Row(text: "sex drive is low with all this stress", status: nil),
        Row(text: "twitching in my thigh after sex", status: nil),
        Row(text: "I can't sleep", status: nil),
        Row(text: "problems at work", status: nil),
        Row(text: "I can't keep it up with the gym", status: nil),
    ]

    @Test(arguments: rows) func reads(_ row: Row) {
        let all = Self.matcher.read(row.text, kinds: Normaliser.symptomKinds).filter { $0.kind == .symptom }
        let found = all.first { $0.id == Self.symptom }
        if let status = row.status {
            #expect(found?.status == status, "\(row.text): \(all.map { "\($0.id) \($0.status)" })")
        } else {
            #expect(found == nil || found?.status == .negated, "\(row.text): \(all.map { "\($0.id) \($0.status)" })")
        }
    }

    /// Numbness of the genitals stays saddle numbness, beside the sexual function change when it is
    /// felt during sex.
    @Test func genitalNumbnessIsSaddleNumbness() {
        let ids = { (text: String) in
            Set(Self.matcher.read(text, kinds: Normaliser.symptomKinds).filter { $0.kind == .symptom && $0.status == .present }.map(\.id))
        }
        #expect(ids("my genitals are numb").contains("saddle numbness"))
        #expect(!ids("my genitals are numb").contains(Self.symptom))
        #expect(ids("I've lost the feeling down there during sex").isSuperset(of: ["saddle numbness", Self.symptom]))
    }
}
