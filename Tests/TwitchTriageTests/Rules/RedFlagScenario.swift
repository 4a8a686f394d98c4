import TriageKnowledge
import TriageModel

@testable import TriageEngine

/// A patient for the red-flag scenarios: a journal of days, symptoms stated or only possible
/// (SPEC §4.1 "Certainty": the reader marks a doubtful symptom `possible` on its finding).
struct RedFlagScenario {
    var patient = PatientBuilder()
    /// Symptoms the patient wrote with doubt.
    var possible: [SymptomID] = []

    init(
        days: Int = 5, regions: [(RegionID, RegionGroupID)] = [("forearm", "upper limb")], symptoms: [SymptomID] = [], weakness: Int? = nil,
        possible: [SymptomID] = []
    ) {
        patient.days(days, regions: regions, symptoms: symptoms + possible, weakness: weakness)
        self.possible = possible
    }

    /// The findings, with the possible symptoms marked so.
    func findings(_ knowledge: Knowledge) -> PatientFindings {
        var findings = patient.findings(knowledge)
        for index in findings.list.indices where possible.map(FindingID.symptom).contains(findings.list[index].id) {
            findings.list[index].certainty = .possible
        }
        return findings
    }

    /// The rule context.
    func context(_ knowledge: Knowledge) -> RuleContext { RuleContext(findings: findings(knowledge), knowledge: knowledge) }

    /// The referral, built from these findings through every rule of the registry.
    func referral(_ knowledge: Knowledge) -> Referral {
        let findings = findings(knowledge)
        return ReferralBuilder(knowledge: knowledge).referral(for: patient.record, findings: findings, asOf: patient.asOf)
    }
}
