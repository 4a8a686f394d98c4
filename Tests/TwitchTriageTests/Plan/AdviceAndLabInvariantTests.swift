import Foundation
import Testing
import TriageBatch
import TriageEngine
import TriageIngest
import TriageKnowledge
import TriageModel

/// Invariants over every sample patient (SPEC §6.2, §6.5): no contraindicated advice, no
/// unreliable value acted on, at most six advice items, a safety net for every patient with a
/// red flag, a treatment only ever the GP's with no dose and no intravenous route, every lab
/// or medication recommendation says who acts, and every report says it is not monitored in
/// real time.
@Suite struct AdviceAndLabInvariantTests {
    static func samples() throws -> [(PatientRecord, Referral, PatientFindings)] {
        let knowledge = Knowledge.forTests
        let asOf = LocalDate(year: 2026, month: 11, day: 20)!
        let assembly = try Ingestion.run(
            paths: [SampleOutcomeTests.root.appendingPathComponent("Samples").path], options: ReadOptions(knowledge: knowledge),
            knowledge: knowledge, asOf: asOf)
        return assembly.patients.map { record in
            (
                record, ReferralBuilder(knowledge: knowledge).referral(for: record, asOf: asOf),
                FindingsDeriver(knowledge: knowledge).derive(record, asOf: asOf)
            )
        }
    }

    @Test func everySampleHoldsTheInvariants() throws {
        let knowledge = Knowledge.forTests
        let samples = try Self.samples()
        #expect(samples.count >= 29)
        for (record, referral, findings) in samples {
            let id = record.id
            #expect(referral.advice.count <= AdviceSelection.limit, "\(id)")
            #expect(referral.disclaimer.contains("not monitored in real time"), "\(id)")
            let motor = AdviceSelection.hasMotorRedFlag(findings, knowledge)
            for item in referral.advice + referral.safetyNet {
                let row = try #require(knowledge.advice(id: item.id))
                #expect(!AdviceSelection.withheld(row, findings: findings, motor: motor), "\(id): \(item.id) is contraindicated")
            }
            if !RedFlagFindings.present(in: findings, knowledge: knowledge).isEmpty || referral.sameDay {
                #expect(!referral.safetyNet.isEmpty, "\(id): a red flag and no safety net")
            }
            for recommendation in referral.recommendations {
                if recommendation.test == .treatment {
                    #expect(recommendation.who == .gp, "\(id)")
                    #expect(
                        !recommendation.detail.contains("intravenous")
                            && recommendation.detail.range(of: #"\d+ ?(mg|micrograms|units)\b(?!/)"#, options: .regularExpression) == nil,
                        "\(id)")
                }
                if ["abnormal-labs", "medications", "under-age"].contains(recommendation.rule) {
                    #expect(recommendation.who != nil, "\(id): \(recommendation.test.rawValue) without who")
                }
                #expect(!recommendation.detail.contains("must be stopped"), "\(id)")
            }
            for lab in referral.labs where lab.status == .unreliable {
                #expect(
                    !referral.recommendations.contains { $0.test == .treatment && $0.reasons.contains(FindingID.lab(lab.analyte)) }, "\(id)"
                )
                #expect(
                    !referral.recommendations.contains { $0.test == .sameDayAssessment && $0.reasons.contains(FindingID.lab(lab.analyte)) },
                    "\(id)")
            }
            if let tell = referral.tellPatient {
                #expect(!tell.contains("MND") && !tell.contains("ALS") && !tell.lowercased().contains("motor neuron"), "\(id)")
            }
            let sodiumInNeuropathyScreen = referral.recommendations.contains {
                $0.rule == "sensory-symptoms" && ($0.analytes ?? []).contains("sodium")
            }
            #expect(!sodiumInNeuropathyScreen, "\(id)")
        }
    }

    @Test func theInvariantCanFail() throws {
        var patient = PatientBuilder()
        patient.days(20, symptoms: [SymptomID.swallowing])
        let findings = patient.findings(Knowledge.forTests)
        let hydration = try #require(Knowledge.forTests.advice(id: "hydration"))
        #expect(AdviceSelection.withheld(hydration, findings: findings, motor: true))
    }
}
