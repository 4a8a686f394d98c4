/// Which findings count as a red flag for the benign-pattern rule: anything that makes another
/// rule look further (arm-twitching-guide "Red Flags"; random-twitches "Key Warning Signs").
enum RedFlagFindings {
    /// Symptoms that are red flags whenever they are recorded with twitching.
    static let symptoms: [String] = [
        SymptomID.weakness, SymptomID.atrophy, SymptomID.fineMotor, SymptomID.speech, SymptomID.swallowing,
        SymptomID.breathing, SymptomID.numbness, SymptomID.tingling, SymptomID.burning, SymptomID.balance,
        SymptomID.vision, SymptomID.neckArm, SymptomID.reducedReflexes, SymptomID.weightLoss, SymptomID.falls,
    ]

    /// The red flags present, as finding ids.
    static func present(in findings: PatientFindings) -> [String] {
        var ids = symptoms.filter { findings.symptoms.has($0) }.map(FindingID.symptom)
        if findings.symptoms.progressiveWeakness { ids.append(FindingID.progressiveWeakness) }
        if !findings.course.newGroupsAfterFirstWeek.isEmpty { ids.append(FindingID.spreading) }
        if findings.isPresent(FindingID.eyelidFacialSpread) { ids.append(FindingID.eyelidFacialSpread) }
        return ids
    }
}
