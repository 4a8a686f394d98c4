import Foundation
import Testing
import TriageBatch
import TriageIngest
import TriageKnowledge
import TriageModel

@testable import TriageEngine

/// Invariants of the reasoning over every sample patient.
@Suite struct SampleReasoningTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func samples() throws -> [PatientFindings] {
        let knowledge = Knowledge.forTests
        let asOf = LocalDate(year: 2026, month: 11, day: 20)!
        let assembly = try Ingestion.run(
            paths: [root.appendingPathComponent("Samples").path], options: ReadOptions(knowledge: knowledge),
            knowledge: knowledge, asOf: asOf)
        return assembly.patients.map { FindingsDeriver(knowledge: knowledge).derive($0, asOf: asOf) }
    }

    static func drafts(_ findings: PatientFindings) -> [ConsiderationBuilder.Draft] {
        let knowledge = Knowledge.forTests
        let fired = RuleRegistry.all.map { $0.evaluate(RuleContext(findings: findings, knowledge: knowledge)) }.filter(\.fired)
        return ConsiderationBuilder(findings: findings, knowledge: knowledge).drafts(fired: fired)
    }

    @Test func noFindingIsUsedBothForAndAgainstOneConditionInAnySample() throws {
        let samples = try Self.samples()
        #expect(samples.count >= 20)
        for findings in samples {
            for draft in Self.drafts(findings) {
                let pro = Set(draft.supporting.flatMap(\.findings))
                let con = Set(draft.opposing.flatMap(\.findings))
                #expect(pro.isDisjoint(with: con), "\(findings.record.id) \(draft.condition): \(pro.intersection(con).sorted())")
                let sentences = (draft.supporting + draft.opposing).map(\.sentence)
                #expect(Set(sentences).count == sentences.count, "\(findings.record.id) \(draft.condition): a sentence twice")
            }
        }
    }

    @Test func numbnessTinglingAndBurningNeverSupportALS() throws {
        let sensory = Set(["numbness", "tingling", "burning"].map(FindingID.symptom))
        var seen = 0
        for findings in try Self.samples() {
            if sensory.contains(where: findings.isPresent) { seen += 1 }
            for draft in Self.drafts(findings) where draft.condition == "als" {
                let pro = Set(draft.supporting.flatMap(\.findings))
                #expect(pro.isDisjoint(with: sensory), "\(findings.record.id): \(pro.intersection(sensory).sorted())")
            }
        }
        #expect(seen >= 2)  // P007 and P008 have sensory symptoms
    }

    @Test func noMissingDataIsEvidence() throws {
        for findings in try Self.samples() where findings.symptoms.weaknessScoredNone == 0 {
            for draft in Self.drafts(findings) {
                #expect(
                    !(draft.supporting + draft.opposing).contains { $0.sentence.contains("No muscle weakness") },
                    "\(findings.record.id) \(draft.condition)")
            }
        }
    }
}
