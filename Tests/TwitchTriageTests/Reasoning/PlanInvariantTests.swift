import Foundation
import Testing
import TriageBatch
import TriageIngest
import TriageKnowledge
import TriageModel

@testable import TriageEngine

/// Invariants of the plan over every sample and every scenario (SPEC §6.1-6.3): no EMG, NCS or
/// MRI without an examination; no ALS "for" from age or duration; self-care never with a present
/// or possible red flag; who acts on every recommendation; a clinician's contact, never an
/// investigation, for a possible red flag alone.
@Suite struct PlanInvariantTests {
    static let knowledge = Knowledge.forTests
    static let asOf = LocalDate(year: 2026, month: 11, day: 20)!

    /// Every sample patient's findings and referral.
    static func samples() throws -> [(PatientFindings, Referral)] {
        let root = SampleOutcomeTests.root.appendingPathComponent("Samples").path
        let assembly = try Ingestion.run(paths: [root], options: ReadOptions(knowledge: knowledge), knowledge: knowledge, asOf: asOf)
        return assembly.patients.map { record in
            let findings = FindingsDeriver(knowledge: knowledge).derive(record, asOf: asOf)
            return (findings, ReferralBuilder(knowledge: knowledge).referral(for: record, findings: findings, asOf: asOf))
        }
    }

    /// One scenario per red-flag symptom, stated and possible, and a few courses.
    static func scenarios() -> [(PatientFindings, Referral)] {
        var out: [RedFlagScenario] = []
        for symptom in knowledge.symptomSet(.benignRedFlags).symptoms {
            out.append(RedFlagScenario(days: 10, symptoms: [symptom]))
            out.append(RedFlagScenario(days: 10, possible: [symptom]))
            out.append(RedFlagScenario(days: 30, regions: [("eyelid", "cranial/bulbar")], symptoms: [symptom]))
        }
        for days in [5, 16, 30, 100] {
            var aged = RedFlagScenario(days: days)
            aged.patient.demographics = PatientDemographics(source: SourceLocation(file: "p.csv", line: 2), patientID: "T001", age: 60)
            out.append(aged)
        }
        return out.map { ($0.findings(knowledge), $0.referral(knowledge)) }
    }

    static func all() throws -> [(PatientFindings, Referral)] { try samples() + scenarios() }

    @Test func noEMGNCSOrMRIWithoutAnExamination() throws {
        for (_, referral) in try Self.all() {
            let imaging = referral.recommendations.filter { [.emg, .ncs, .mri].contains($0.test) }
            guard !imaging.isEmpty else { continue }
            #expect(
                referral.recommendations.contains { $0.test == .neurologyExam || $0.test == .sameDayAssessment },
                "\(referral.patient.id): \(imaging.map(\.test.rawValue)) without an examination")
        }
    }

    @Test func noALSForFromAgeOrDuration() throws {
        let context: Set<FindingID> = [FindingID.alsOnsetAge, FindingID.twitchSpan, FindingID.durationFromNotes]
        for (findings, referral) in try Self.all() {
            let builder = ConsiderationBuilder(findings: findings, knowledge: Self.knowledge)
            let outcomes = RuleRegistry.all.map { $0.evaluate(RuleContext(findings: findings, knowledge: Self.knowledge)) }.filter(\.fired)
            for draft in builder.drafts(fired: outcomes) where [ConditionID.als, ConditionID.bfs].contains(draft.condition) {
                for item in draft.supporting {
                    #expect(
                        !item.findings.contains(where: context.contains),
                        "\(referral.patient.id): \(draft.condition) for from \(item.findings)")
                }
            }
            // ALS is argued only from a motor finding; without one it is at most "unlikely".
            let motor = (Self.knowledge.symptomSet(.motorOrBulbar).symptoms + Self.knowledge.symptomSet(.mndBreathing).symptoms)
                .contains(where: findings.isStated)
            if !motor, !findings.symptoms.progressiveWeakness {
                #expect(!referral.considerations.contains { $0.conditionID == "als" && $0.assessment == nil }, "\(referral.patient.id)")
            }
        }
    }

    @Test func selfCareNeverWithAPresentOrPossibleRedFlag() throws {
        for (findings, referral) in try Self.all() where referral.urgency == .selfCare {
            #expect(RedFlagFindings.present(in: findings, knowledge: Self.knowledge).isEmpty, "\(referral.patient.id)")
            #expect(referral.needsReview.isEmpty, "\(referral.patient.id)")
        }
    }

    @Test func everyRecommendationNamesWhoActs() throws {
        for (_, referral) in try Self.all() {
            for recommendation in referral.recommendations {
                #expect(recommendation.who != nil, "\(referral.patient.id): \(recommendation.test.rawValue) of \(recommendation.rule)")
            }
        }
    }

    @Test func aPossibleRedFlagAloneOrdersNoInvestigationNow() {
        for symptom in Self.knowledge.symptomSet(.benignRedFlags).symptoms {
            let referral = RedFlagScenario(days: 5, possible: [symptom]).referral(Self.knowledge)
            #expect(!referral.recommendations.contains { [.emg, .ncs, .mri].contains($0.test) && $0.when == nil }, "\(symptom)")
            #expect(!referral.sameDay, "\(symptom)")
            #expect(!referral.queryMND, "\(symptom)")
        }
    }
}
