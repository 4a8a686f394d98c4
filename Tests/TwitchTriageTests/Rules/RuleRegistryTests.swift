import Foundation
import Testing
@testable import TwitchTriage

@Suite struct RuleRegistryTests {
    /// Every `*Rule.swift` file under Sources/TwitchTriage/Rules declares a rule the registry lists.
    @Test func everyRuleFileIsRegistered() throws {
        let rulesFolder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/TwitchTriage/Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: rulesFolder.path)
            .filter { $0.hasSuffix("Rule.swift") && $0 != "Rule.swift" }
            .map { String($0.dropLast(".swift".count)) }
        let registered = RuleRegistry.all.map { String(describing: type(of: $0)) }
        #expect(Set(files) == Set(registered))
        #expect(files.count == 10)
    }

    @Test func ruleIdsAreUnique() {
        let ids = RuleRegistry.all.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func everyThresholdTheCodeReadsIsInTheKnowledge() {
        let knowledge = Knowledge.forTests
        for key in Threshold.Key.allCases {
            #expect(knowledge.thresholds.contains { $0.id == key.rawValue }, "missing threshold \(key.rawValue)")
        }
    }

    @Test func everyVocabularyIdTheCodeNamesExists() {
        let knowledge = Knowledge.forTests
        let symptoms = Set(knowledge.vocabulary.symptoms.map(\.id))
        for id in RedFlagFindings.symptoms + [SymptomID.cramps, SymptomID.fatigue] {
            #expect(symptoms.contains(id), "missing symptom \(id)")
        }
        let regions = Set(knowledge.vocabulary.regions.map(\.id))
        for id in RegionID.face.union([RegionID.eyelid]) { #expect(regions.contains(id), "missing region \(id)") }
        let triggers = Set(knowledge.vocabulary.triggers.map(\.id))
        for factor in LifestyleAnalysis.Factor.allCases { #expect(triggers.contains(factor.trigger)) }
    }

    @Test func everyContrastRowIsEitherReadOrKnownToBeUnobservable() {
        for row in Knowledge.forTests.contrasts {
            let feature = row.feature.lowercased()
            let known = (ContrastEvaluator.observable + ContrastEvaluator.notObservable).contains { feature.contains($0) }
            #expect(known, "contrast row \(row.table)/\(row.id) (\(row.feature)) is neither read nor listed as unobservable")
        }
    }
}
