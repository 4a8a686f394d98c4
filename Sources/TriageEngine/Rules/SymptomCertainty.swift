import TriageKnowledge
import TriageModel

/// Whether a symptom was stated or only possible (SPEC §4.1 "Certainty"), as the rules read it:
/// a possible symptom sets the band for a clinician's contact, never investigations; a stated
/// one is what the tiers of SPEC §6.1 act on.
extension PatientFindings {
    /// Whether the patient wrote `symptom` with doubt (a present finding of certainty `possible`).
    func isPossible(_ symptom: SymptomID) -> Bool {
        let id = FindingID.symptom(symptom)
        return list.contains { $0.id == id && $0.present && $0.certainty == .possible }
    }

    /// Whether `symptom` was stated as had (recorded, and not only possible).
    package func isStated(_ symptom: SymptomID) -> Bool { symptoms.has(symptom) && !isPossible(symptom) }

    /// Whether `symptom` was stated or written with doubt.
    func isShown(_ symptom: SymptomID) -> Bool { symptoms.has(symptom) || isPossible(symptom) }

    /// The symptoms of a set that were stated.
    func stated(_ set: SymptomSetID, _ knowledge: Knowledge) -> [SymptomID] { knowledge.symptomSet(set).symptoms.filter(isStated) }

    /// The symptoms of a list that were stated.
    func stated(_ symptoms: [SymptomID]) -> [SymptomID] { symptoms.filter(isStated) }

    /// The symptoms of a list that were only possible.
    func possible(_ symptoms: [SymptomID]) -> [SymptomID] { symptoms.filter { isPossible($0) && !isStated($0) } }

    /// The region groups named with `symptoms` in the journal (`upper limb`, `lower limb`).
    func regionGroups(of symptoms: Set<SymptomID>) -> Set<RegionGroupID> {
        var groups: Set<RegionGroupID> = []
        for entry in record.journal {
            for occurrence in entry.symptoms where symptoms.contains(occurrence.symptom) {
                if let group = occurrence.region?.group { groups.insert(group) }
            }
        }
        return groups
    }
}
