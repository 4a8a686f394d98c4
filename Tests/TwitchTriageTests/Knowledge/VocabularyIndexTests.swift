import Testing
import TriageKnowledge
import TriageModel

/// The single-term lookups of the vocabulary: regions with their side, symptoms, triggers and
/// drugs through the ``ConceptMatcher`` (as every reader uses it), sides and exercise levels
/// through the ``VocabularyIndex``.
@Suite struct VocabularyIndexTests {
    private let index = VocabularyIndex()
    private let matcher = ConceptMatcher(try! Knowledge.bundled.vocabulary, sideWords: VocabularyIndex.sideWords)

    private func region(_ text: String) -> ConceptMention? {
        matcher.read(text, kinds: [.region, .side]).first { $0.kind == .region }
    }

    private func symptom(_ text: String) -> SymptomID? {
        matcher.listItemSymptom(text) ?? matcher.read(text, kinds: [.symptom]).first.map { SymptomID(rawValue: $0.id) }
    }

    private func trigger(_ text: String) -> String? { matcher.read(text, kinds: [.trigger]).first?.id }

    private func medicationClass(_ text: String) -> String? { matcher.read(text, kinds: [.medication]).first?.id }

    @Test(arguments: [
        ("eyelid", "eyelid", "cranial/bulbar"), ("Eye Lid", "eyelid", "cranial/bulbar"), ("eye", "eyelid", "cranial/bulbar"),
        ("biceps", "upper arm", "upper limb"), ("lower arm", "forearm", "upper limb"), ("Forearms", "forearm", "upper limb"),
        ("fingers", "finger", "upper limb"), ("calves", "calf", "lower limb"), ("toes", "toe", "lower limb"),
        ("arm", "arm", "upper limb"), ("legs", "leg", "lower limb"), ("stomach", "abdomen", "trunk"), ("neck", "neck", "trunk"),
        ("corner of the mouth", "mouth", "cranial/bulbar"), ("the back", "back", "trunk"), ("thighs", "thigh", "lower limb"),
    ])
    func regionsAndGroups(text: String, region: RegionID, group: RegionGroupID) {
        let match = self.region(text)
        #expect(match?.region == region)
        #expect(match?.regionGroup == group)
        #expect(match?.side == nil)
    }

    @Test(arguments: [
        ("left forearm", "forearm", JournalEntry.Side.left), ("RIGHT calf", "calf", .right), ("forearm (R)", "forearm", .right),
        ("l hand", "hand", .left), ("rt thumb", "thumb", .right), ("both calves", "calf", .both),
        ("bilateral thighs", "thigh", .both), ("left and right eyelid", "eyelid", .both), ("left side of neck", "neck", .left),
        ("right-sided upper arm", "upper arm", .right),
    ])
    func sideWordsAreStrippedAndReturned(text: String, region: RegionID, side: JournalEntry.Side) {
        let match = self.region(text)
        #expect(match?.region == region)
        #expect(match?.side == side)
    }

    @Test(arguments: ["left", "spleen", "whole body", "", "all over"])
    func unknownRegions(text: String) {
        #expect(region(text) == nil)
    }

    @Test func sides() {
        #expect(index.side("Left") == .left)
        #expect(index.side("R") == .right)
        #expect(index.side("both") == .both)
        #expect(index.side("bilateral") == .both)
        #expect(index.side("left and right") == .both)
        #expect(index.side("middle") == nil)
    }

    @Test(arguments: [
        ("weakness", "weakness"), ("Muscle wasting", "atrophy"), ("thinner muscle", "atrophy"),
        ("trouble buttoning", "fine-motor difficulty"),
        ("writing", "fine-motor difficulty"), ("gripping", "fine-motor difficulty"), ("opening jars", "fine-motor difficulty"),
        ("dropping things", "fine-motor difficulty"), ("slurred speech", "speech difficulty"),
        ("difficulty swallowing", "swallowing difficulty"),
        ("shortness of breath", "breathing difficulty"), ("numb", "numbness"), ("pins and needles", "tingling"),
        ("Pins-and-Needles", "tingling"),
        ("pins & needles", "tingling"), ("burning sensation", "burning"), ("cramping", "cramps"),
        ("neck pain radiating to the arm", "neck pain radiating to arm"), ("hyporeflexia", "reduced reflexes"),
        ("poor balance", "balance problems"), ("blurred vision", "vision problems"), ("tiredness", "fatigue"),
        ("weight loss", "unexplained weight loss"), ("fell", "falls"),
    ])
    func symptoms(text: String, id: SymptomID) {
        #expect(symptom(text) == id)
    }

    @Test(arguments: [
        ("coffee", "caffeine"), ("Energy drinks", "caffeine"), ("anxiety", "stress"), ("lack of sleep", "poor sleep"),
        ("workout", "exercise"), ("yard work", "exercise"), ("beer", "alcohol"), ("dehydrated", "dehydration"), ("none", "none"),
        ("no trigger", "none"),
    ])
    func triggers(text: String, id: String) {
        #expect(trigger(text) == id)
    }

    @Test(arguments: [
        ("prednisone", "corticosteroids"), ("Prednisone 20 mg daily", "corticosteroids"), ("fluticasone inhaler", "corticosteroids"),
        ("Lasix", "diuretics"), ("HCTZ 25mg", "diuretics"), ("Ventolin", "beta-agonists"), ("albuterol inhaler", "beta-agonists"),
        ("asthma inhaler", "beta-agonists"), ("sertraline", "psychotropic drugs"), ("Lithium", "psychotropic drugs"),
    ])
    func medicationClasses(text: String, id: String) {
        #expect(medicationClass(text) == id)
    }

    @Test func drugsOutsideTheClassesHaveNoClass() {
        #expect(medicationClass("ibuprofen") == nil)
        #expect(medicationClass("metformin 500 mg") == nil)
    }

    @Test func exerciseLevels() {
        #expect(index.exercise("None") == JournalEntry.Exercise.none)
        #expect(index.exercise("light") == .light)
        #expect(index.exercise("Intense") == .intense)
        #expect(index.exercise("vigorous") == .intense)
        #expect(index.exercise("sometimes") == nil)
    }
}
