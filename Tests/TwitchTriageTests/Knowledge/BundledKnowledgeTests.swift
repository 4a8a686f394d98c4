import Testing
import TriageKnowledge

@Suite struct BundledKnowledgeTests {
    @Test func bundledKnowledgeLoadsAndValidates() throws {
        let knowledge = try Knowledge.bundled
        #expect(knowledge.version == "2026.12.7")
        #expect(
            knowledge.analytes.map(\.id) == [
                "magnesium", "potassium", "calcium", "vitaminB12", "vitaminD", "tsh", "sodium", "hba1c", "glucose",
                "creatineKinase", "folate", "haemoglobin", "mcv", "freeT4", "albumin",
            ])
        #expect(knowledge.specimenComments.problems.map(\.id) == ["haemolysed", "delayed", "contaminated", "clotted", "insufficient"])
        #expect(knowledge.specimenComments.problems.first?.analytes == ["potassium", "magnesium"])
        #expect(knowledge.coreAnalytes.map(\.id) == ["magnesium", "potassium", "calcium", "vitaminB12", "vitaminD"])
        #expect(knowledge.contrasts(table: "normal-vs-serious").count == 5)
        #expect(knowledge.contrasts(table: "anxiety-bfs-vs-als").count == 14)
        #expect(knowledge.contrasts(table: "eyelid-vs-ms").count == 9)
        #expect(knowledge.sourceCatalogue.filter { $0.kind == .article }.count == 4)
    }

    @Test func requiredThresholdsHaveTheirValues() throws {
        let knowledge = try Knowledge.bundled
        let expected: [Threshold.Key: Double] = [
            .persistentWithoutImprovementDays: 14, .persistentAnyDays: 21, .benignMaxSpanDays: 14,
            .spreadingAfterDays: 7, .trendWindowDays: 7, .improvementRatio: 0.5, .correlationMinDays: 3, .correlationMinRatio: 1.5,
            .lifestyleCutRatio: 0.5, .staleLabDays: 180, .caffeineDayMilligrams: 200, .shortSleepHours: 7,
            .highStressScore: 7, .alsOnsetAgeMin: 40, .alsOnsetAgeMax: 70, .progressiveWeaknessMinIncrease: 1,
            .atRestMinShare: 0.5, .risingMinRatio: 1.5, .risingMinDifference: 2, .recentLabDays: 30, .briefEpisodeMaxMinutes: 5,
            .lowWaterLitres: 2, .exerciseLightMinMinutes: 10, .exerciseIntenseMinMinutes: 43,
            .adultAgeYears: 16, .eyelidReferAfterDays: 90,
        ]
        #expect(expected.count == Threshold.Key.allCases.count)
        for (key, value) in expected {
            #expect(knowledge.threshold(key) == value, "\(key.rawValue)")
        }
    }

    @Test func lookupsFindRowsAndPanels() throws {
        let knowledge = try Knowledge.bundled
        #expect(knowledge.analyte(id: "vitaminD")?.canonicalUnit == "nmol/L")
        #expect(knowledge.condition("isaacs-syndrome") != nil)
        #expect(knowledge.test(id: "MRI")?.variants.map(\.id) == ["cervical spine", "brain", "spine", "lumbar spine"])
        #expect(knowledge.panel("core panel") == ["magnesium", "potassium", "calcium", "vitaminB12", "vitaminD"])
        #expect(knowledge.panel("electrolytes") == ["magnesium", "potassium", "calcium", "sodium"])
        #expect(knowledge.panel("thyroid") == ["tsh"])
        // The neuropathy screen of SPEC §6.2, never sodium; the tests the tool does not read by name.
        #expect(
            knowledge.panel("neuropathy") == [
                "hba1c", "glucose", "vitaminB12", "tsh", "folate", "full blood count", "kidney function",
                "liver function", "serum protein electrophoresis",
            ])
        #expect(knowledge.advice(forTrigger: "caffeine").map(\.id) == ["caffeine"])
        #expect(knowledge.redFlags(showing: "atrophy").map(\.id) == ["atrophy", "suspected-mnd"])
        #expect(
            knowledge.redFlags(tier: .sameDay).map(\.id) == [
                "sudden-deficit", "rapid-weakness", "cauda-equina", "breathless-at-rest", "bulbar-crisis", "sudden-vision-loss",
            ])
        #expect(knowledge.medicationClass(id: "beta-agonists")?.label == "asthma inhalers / beta-agonists")
        #expect(knowledge.sourceReference(named: "twitch-triage")?.kind == .project)
    }

    @Test func everyConditionOfTheArticlesIsThere() throws {
        let ids = Set(try Knowledge.bundled.conditions.map(\.id.rawValue))
        for id in [
            "bfs", "anxiety-twitching", "peripheral-neuropathy", "als", "cervical-radiculopathy", "multiple-sclerosis",
            "multifocal-motor-neuropathy", "electrolyte-imbalance", "vitamin-deficiency", "thyroid-disorder",
            "medication-side-effect", "isaacs-syndrome", "spinal-muscular-atrophy", "myopathy", "epilepsy",
            "parkinsons-disease", "creutzfeldt-jakob-disease", "essential-tremor", "diabetes", "circulatory-disorder",
            "liver-disease", "blepharospasm",
        ] {
            #expect(ids.contains(id), "\(id)")
        }
    }
}
