/// Which findings count as a red flag for the benign-pattern rule: anything that makes another
/// rule look further (arm-twitching-guide "Red Flags"; random-twitches "Key Warning Signs").
/// The symptoms are the `benign-red-flags` set of `rules.json`.
enum RedFlagFindings {
    /// The red flags present, as finding ids.
    static func present(in findings: PatientFindings, knowledge: Knowledge) -> [FindingID] {
        var ids = knowledge.symptomSet(.benignRedFlags).present(findings.symptoms.has).map(FindingID.symptom)
        if findings.symptoms.progressiveWeakness { ids.append(FindingID.progressiveWeakness) }
        if findings.course.spreads { ids.append(FindingID.spreading) }
        if findings.isPresent(FindingID.eyelidFacialSpread) { ids.append(FindingID.eyelidFacialSpread) }
        return ids
    }
}
