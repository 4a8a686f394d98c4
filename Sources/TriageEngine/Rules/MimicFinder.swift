import TriageKnowledge
import TriageModel

/// The mimics a patient's findings raise (SPEC §6.2 "Mimics"): each condition of
/// `conditions.json` with `raisedBy` symptoms, where one of them is stated or possible, with the
/// findings that raise it. Naming a mimic never lowers urgency.
enum MimicFinder {
    /// A mimic and the findings that raise it.
    struct Mimic: Equatable {
        /// The condition.
        var condition: ConditionID
        /// The findings.
        var findings: [FindingID]
    }

    /// The mimics raised by the findings, in table order, leaving out `condition` itself.
    static func raised(by findings: PatientFindings, knowledge: Knowledge, of condition: ConditionID) -> [Mimic] {
        knowledge.conditions.compactMap { row in
            guard row.id != condition, let raisedBy = row.raisedBy, row.separatedBy != nil else { return nil }
            let shown = raisedBy.filter(findings.isShown)
            return shown.isEmpty ? nil : Mimic(condition: row.id, findings: shown.map(FindingID.symptom))
        }
    }
}
