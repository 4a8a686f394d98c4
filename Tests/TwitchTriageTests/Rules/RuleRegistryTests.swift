import Foundation
import Testing
import TriageEngine
import TriageKnowledge
import TriageModel

@Suite struct RuleRegistryTests {
    /// Every `*Rule.swift` file under Sources/TriageEngine/Rules declares a rule the registry lists.
    @Test func everyRuleFileIsRegistered() throws {
        let rulesFolder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/TriageEngine/Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: rulesFolder.path)
            .filter { $0.hasSuffix("Rule.swift") && $0 != "Rule.swift" }
            .map { String($0.dropLast(".swift".count)) }
        let registered = RuleRegistry.all.map { String(describing: type(of: $0)) }
        #expect(Set(files) == Set(registered))
        // Each type once, but the one rule type configured per red flag (``SymptomRedFlagRule``).
        let repeated = Dictionary(registered.map { ($0, 1) }, uniquingKeysWith: +).filter { $0.value > 1 }.keys
        #expect(Set(repeated).isSubset(of: ["SymptomRedFlagRule"]))
    }

    /// The order rules run in picks the headline among equally urgent rules and lists tied
    /// recommendations: it changes only on purpose.
    @Test func theOrderRulesRunIn() {
        #expect(
            RuleRegistry.all.map(\.id.rawValue) == [
                "sudden-deficit", "rapid-weakness", "cauda-equina", "breathless-at-rest", "bulbar-crisis", "sudden-vision-loss",
                "suspected-mnd", "urgent-examination", "fatigable-ocular", "vision-over-days", "central-pattern", "weight-loss",
                "spreading", "sensory-symptoms", "perioral-tingling", "neck-arm-pattern", "abnormal-labs", "persistent-twitching",
                "severe-cramping",
                "medications", "unread-symptom-text", "under-age", "possible-red-flag", "eyelid-only", "benign-pattern",
            ])
    }

    /// Every red flag the knowledge acts on through stated symptoms (a row with a tier and
    /// symptoms) fires for a patient who states them: a rule of the registry reports the row among
    /// its red flags. A row added to the tables without a rule fails here (SPEC §6.1: a missed red
    /// flag is the worst defect).
    @Test func everyRedFlagTheKnowledgeActsOnFiresForAPatientWhoStatesIt() {
        let knowledge = Knowledge.forTests
        let rows = knowledge.redFlags.filter { $0.tier != nil && !$0.symptoms.isEmpty }
        #expect(rows.count >= 15)
        for row in rows {
            let context = RedFlagScenario(symptoms: row.symptoms).context(knowledge)
            let fired = RuleRegistry.all.map { $0.evaluate(context) }.filter(\.fired)
            #expect(fired.contains { $0.redFlags.contains(row.id) }, "no rule fires for red flag \(row.id.rawValue)")
        }
    }

    /// The red-flag signs the articles list without a tier of their own (`progressive-weakness`,
    /// `coordination-balance`, …), each stated: never self-care, never "nothing found".
    @Test func everyOtherRedFlagSignStatedIsNeverSelfCare() {
        let knowledge = Knowledge.forTests
        let rows = knowledge.redFlags.filter { $0.tier == nil && !$0.symptoms.isEmpty }
        #expect(rows.count >= 8)
        for row in rows {
            let referral = RedFlagScenario(symptoms: row.symptoms).referral(knowledge)
            #expect(referral.urgency > .selfCare, "red flag sign \(row.id.rawValue): \(referral.headline)")
        }
    }

    @Test func ruleIdsAreUnique() {
        let ids = RuleRegistry.all.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func everyThresholdTheCodeReadsIsInTheKnowledge() {
        let knowledge = Knowledge.forTests
        for key in Threshold.Key.allCases {
            #expect(knowledge.thresholds.contains { $0.id == key.id }, "missing threshold \(key.rawValue)")
        }
    }

    @Test func everyVocabularyIdTheCodeNamesExists() {
        let knowledge = Knowledge.forTests
        let symptoms = Set(knowledge.vocabulary.symptoms.map(\.id))
        for set in knowledge.rules.symptomSets {
            for id in set.symptoms { #expect(symptoms.contains(id), "missing symptom \(id)") }
        }
        for id in [
            SymptomID.weakness, .atrophy, .fineMotor, .speech, .swallowing, .breathing, .numbness, .tingling, .burning,
            .cramps, .neckArm, .reducedReflexes, .balance, .vision, .fatigue, .weightLoss, .falls,
        ] {
            #expect(symptoms.contains(id), "missing symptom \(id)")
        }
        let regions = Set(knowledge.vocabulary.regions.map(\.id))
        for id in knowledge.rules.regions(RegionSetID.face).union([RegionID.eyelid]) {
            #expect(regions.contains(id), "missing region \(id)")
        }
        #expect(!knowledge.rules.regions(RegionSetID.face).isEmpty)
        // Every trigger a lifestyle factor reads is in the vocabulary (heat and eye strain too).
        let triggers = Set(knowledge.vocabulary.triggers.map(\.id))
        let missing = Set(LifestyleAnalysis.Factor.allCases.map(\.trigger)).subtracting(triggers)
        #expect(missing.isEmpty, "missing triggers \(missing.sorted())")
    }

    @Test func everyConditionTableAndVariantIdTheCodeNamesExists() {
        let knowledge = Knowledge.forTests
        for id in [
            ConditionID.als, ConditionID.bfs, ConditionID.anxiety, ConditionID.lifestyle, ConditionID.peripheralNeuropathy,
            ConditionID.cervicalRadiculopathy, ConditionID.multipleSclerosis, ConditionID.vitaminDeficiency,
            ConditionID.medicationSideEffect, ConditionID.eyelidMyokymia,
        ] {
            #expect(knowledge.condition(id) != nil, "missing condition \(id)")
        }
        for id in [ContrastTableID.normalVsSerious, ContrastTableID.anxietyBFSvsALS, ContrastTableID.eyelidVsMS] {
            #expect(!knowledge.contrasts(table: id).isEmpty, "missing table \(id)")
        }
        #expect(knowledge.variant(VariantID.cervicalSpine, of: "MRI") != nil)
        #expect(knowledge.variant(VariantID.brain, of: "MRI") != nil)
        #expect(!knowledge.panel(VariantID.neuropathyPanel).isEmpty)
        #expect(knowledge.panel(VariantID.persistentWorkup).contains("tsh"))
        #expect(knowledge.test(id: CatalogueTestID.lumbarPuncture) != nil)
        #expect(knowledge.redFlag(id: RedFlagID.spreading) != nil)
    }

    /// Every contrast row is read by a mapping entry or declared unobservable with a reason
    /// (the loader refuses tables otherwise; this checks the shipped ones).
    @Test func everyContrastRowIsEitherMappedOrDeclaredUnobservable() {
        let knowledge = Knowledge.forTests
        let map = knowledge.contrastMap
        for row in knowledge.contrasts {
            let mapped = map.mappings.contains { $0.table == row.table && $0.row == row.id }
            let unobservable = map.unobservable.contains { $0.table == row.table && $0.row == row.id }
            #expect(mapped != unobservable, "contrast row \(row.table)/\(row.id) must be mapped or unobservable, not both or neither")
        }
    }
}
