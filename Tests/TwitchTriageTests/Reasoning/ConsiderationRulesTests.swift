import Foundation
import Testing
import TriageKnowledge
import TriageModel

@testable import TriageEngine

/// SPEC §6 "Considerations", bullet by bullet.
@Suite struct ConsiderationRulesTests {
    let knowledge = Knowledge.forTests

    func aged(_ age: Int) -> PatientDemographics {
        PatientDemographics(source: SourceLocation(file: "p.csv", line: 2), patientID: "T001", age: age)
    }

    func ids(_ referral: Referral) -> [String] { referral.considerations.map(\.conditionID.rawValue) }

    /// Numbness, tingling and burning are against motor neuron disease and for neuropathy.
    @Test func numbnessIsAgainstALSAndForNeuropathy() throws {
        var patient = PatientBuilder()
        patient.demographics = aged(55)
        patient.days(30, regions: [("calf", "lower limb")], symptoms: [SymptomID.numbness, SymptomID.burning], weakness: 1)
        let referral = patient.referral(knowledge)
        let als = try #require(referral.considerations.first { $0.conditionID == "als" })  // the weakness
        #expect(!als.supporting.contains { $0.lowercased().contains("numb") || $0.lowercased().contains("burning") })
        #expect(als.opposing.contains { $0.contains("numbness, burning recorded") })
        let neuropathy = try #require(referral.considerations.first { $0.conditionID == "peripheral-neuropathy" })
        #expect(neuropathy.supporting.contains { $0.contains("numbness, burning recorded") })
    }

    /// Where the Anxiety/BFS vs ALS table and the Normal vs Serious table speak to ALS about
    /// the same aspect, the specific table wins.
    @Test func theSpecificTableBeatsTheGeneralOne() {
        var patient = PatientBuilder()
        patient.demographics = aged(50)
        patient.days(7, regions: [("calf", "lower limb")], weakness: 1)
        patient.days(20, from: 7, regions: [("forearm", "upper limb")], weakness: 1)
        let findings = patient.findings(knowledge)
        let drafts = ConsiderationBuilder(findings: findings, knowledge: knowledge)
            .drafts(fired: RuleRegistry.all.map { $0.evaluate(RuleContext(findings: findings, knowledge: knowledge)) }.filter(\.fired))
        let als = drafts.first { $0.condition == "als" }
        #expect(als != nil)
        // Both tables read the spread; the general table's sentence is not kept for ALS.
        #expect(als?.supporting.contains { $0.table == "normal-vs-serious" && $0.aspect == "spread" } == false)
        #expect(als?.supporting.contains { $0.sentence.hasPrefix("Location:") } == false)
        // The rule on its own: a specific item about an aspect drops the general one on either side.
        typealias Item = ConsiderationBuilder.Item
        let general = Item(
            sentence: "general", findings: [FindingID(rawValue: "a")], table: "normal-vs-serious", aspect: "spread", specificity: 0)
        let specific = Item(
            sentence: "specific", findings: [FindingID(rawValue: "b")], table: "anxiety-bfs-vs-als", aspect: "spread", specificity: 1)
        let otherAspect = Item(
            sentence: "other", findings: [FindingID(rawValue: "c")], table: "normal-vs-serious", aspect: "sensory", specificity: 0)
        var pro = [general, otherAspect]
        var con = [specific]
        ConsiderationBuilder.keepMostSpecific(&pro, &con)
        #expect(pro == [otherAspect])
        #expect(con == [specific])
    }

    /// No finding is used both for and against one condition.
    @Test func noFindingIsBothForAndAgainst() {
        var patient = PatientBuilder()
        patient.demographics = aged(45)
        for day in 0..<30 {
            patient.days(
                1, from: day, count: { _ in day % 2 == 0 ? 12 : 4 }, regions: [("calf", "lower limb"), ("eyelid", "cranial/bulbar")],
                weakness: 0, stress: day % 2 == 0 ? 8 : 2, atRest: true)
        }
        let findings = patient.findings(knowledge)
        let fired = RuleRegistry.all.map { $0.evaluate(RuleContext(findings: findings, knowledge: knowledge)) }.filter(\.fired)
        for draft in ConsiderationBuilder(findings: findings, knowledge: knowledge).drafts(fired: fired) {
            let pro = Set(draft.supporting.flatMap(\.findings))
            let con = Set(draft.opposing.flatMap(\.findings))
            #expect(pro.isDisjoint(with: con), "\(draft.condition): \(pro.intersection(con).sorted())")
        }
        #expect(ConsiderationBuilder.unique([]).isEmpty)
    }

    @Test func conflictingContrastItemsAreDroppedAndARuleReasonStays() {
        typealias Item = ConsiderationBuilder.Item
        let rule = Item(sentence: "rule", findings: [FindingID.twitchSpan], table: nil, aspect: nil, specificity: Int.max)
        let contrastFor = Item(sentence: "for", findings: [FindingID.spreading], table: "t", aspect: "a", specificity: 1)
        let contrastAgainst = Item(
            sentence: "against", findings: [FindingID.spreading, FindingID.twitchSpan], table: "t", aspect: "b", specificity: 1)
        var pro = [rule, contrastFor]
        var con = [contrastAgainst]
        ConsiderationBuilder.dropConflicts(&pro, &con)
        #expect(pro == [rule])
        #expect(con.isEmpty)
    }

    /// Order: the headline's condition first, then the other rules' conditions, then the rest.
    @Test func theHeadlineConditionComesFirst() {
        // Neck-arm pattern and persistent twitching, both routine: radiculopathy first (P009).
        var neck = PatientBuilder()
        neck.demographics = aged(49)
        neck.days(
            30, regions: [("forearm", "upper limb"), ("hand", "upper limb")], symptoms: [SymptomID.neckArm, SymptomID.reducedReflexes])
        neck.normalCorePanel(knowledge: knowledge)
        #expect(ids(neck.referral(knowledge)).first == "cervical-radiculopathy")
        // A critical potassium: electrolyte imbalance first, and no BFS above it.
        var potassium = PatientBuilder()
        potassium.demographics = aged(29)
        potassium.days(5, regions: [("calf", "lower limb")], symptoms: [SymptomID.cramps])
        potassium.lab("potassium", 2.3, status: .criticalLow, daysBeforeAsOf: 1, knowledge: knowledge)
        let referral = potassium.referral(knowledge)
        #expect(ids(referral) == ["electrolyte-imbalance"])
    }

    /// A condition with nothing specific for it is not listed: ALS for a 24-year-old without
    /// weakness, MS for twitching that is merely long.
    @Test func aConditionWithNothingSpecificIsNotListed() {
        var young = PatientBuilder()
        young.demographics = aged(24)
        young.days(29, regions: [("hand", "upper limb"), ("forearm", "upper limb")])
        let referral = young.referral(knowledge)
        #expect(!ids(referral).contains("als"))
        #expect(!ids(referral).contains("multiple-sclerosis"))
        #expect(ids(referral) == ["bfs"])
    }

    /// Age and duration are context, never "for" (SPEC §6.3): without a motor finding ALS is not
    /// listed at any age, however long the twitching.
    @Test func alsIsNeverConsideredFromAgeOrDuration() {
        for (age, listed) in [(39, false), (40, false), (70, false), (71, false)] {
            var patient = PatientBuilder()
            patient.demographics = aged(age)
            patient.days(22, regions: [("calf", "lower limb")])
            #expect(ids(patient.referral(knowledge)).contains("als") == listed, "age \(age)")
        }
        var short = PatientBuilder()
        short.demographics = aged(50)
        short.days(10, regions: [("calf", "lower limb")])
        #expect(!ids(short.referral(knowledge)).contains("als"))
    }

    /// The worried patient with weakness is not told "unlikely".
    @Test func theWorriedPatientWithWeaknessIsNotToldUnlikely() throws {
        var patient = PatientBuilder()
        patient.demographics = aged(50)
        patient.days(30, regions: [("hand", "upper limb")], weakness: 1)
        patient.journal[3].notes = ["could this be ALS?"]
        patient.journal[3].context = [.init(concept: "ALS", reason: .diseaseName, field: "note", quote: "could this be ALS?")]
        let als = try #require(patient.referral(knowledge).considerations.first { $0.conditionID == "als" })
        #expect(als.assessment == nil)
    }

    /// "Lifestyle-related twitching" leads for a short benign pattern with a trigger linked.
    @Test func lifestyleTwitchingLeadsAShortBenignPatternWithATrigger() {
        var patient = PatientBuilder()
        patient.days(5, regions: [("eyelid", "cranial/bulbar")], caffeine: 600, sleep: 5)
        for index in patient.journal.indices { patient.journal[index].triggers = [TriggerID.caffeine, TriggerID.poorSleep] }
        let referral = patient.referral(knowledge)
        #expect(referral.urgency == .selfCare)
        #expect(ids(referral).first == "lifestyle-twitching")
        #expect(
            referral.headline == "Self-care: short-lived twitching (5 days) after caffeine and poor sleep, no red flag; lifestyle advice.")
        var none = PatientBuilder()
        none.days(5, regions: [("eyelid", "cranial/bulbar")])
        #expect(!ids(none.referral(knowledge)).contains("lifestyle-twitching"))
    }
}
