import TriageKnowledge
import TriageModel

/// Which findings count as a red flag for the self-care rules: anything that makes another rule
/// look further, stated or possible (arm-twitching-guide "Red Flags"; random-twitches "Key
/// Warning Signs"; SPEC §6.1: a self-care patient has no present or possible red flag, ever).
/// The symptoms are the `benign-red-flags` set of `rules.json`.
package enum RedFlagFindings {
    /// The red flags present or possible, as finding ids.
    package static func present(in findings: PatientFindings, knowledge: Knowledge) -> [FindingID] {
        var ids = knowledge.symptomSet(.benignRedFlags).symptoms.filter(findings.isShown).map(FindingID.symptom)
        if findings.symptoms.progressiveWeakness { ids.append(FindingID.progressiveWeakness) }
        if findings.course.spreads { ids.append(FindingID.spreading) }
        if findings.isPresent(FindingID.eyelidFacialSpread) { ids.append(FindingID.eyelidFacialSpread) }
        return ids
    }
}
