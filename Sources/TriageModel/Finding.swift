/// Something the data shows, or shows to be absent, with the records it rests on (SPEC §6).
///
/// Findings that are absent are stated too ("no weakness recorded in 42 entries"): a clinician
/// reads them. A finding is never a diagnosis.
package struct Finding: Sendable, Hashable {
    /// How sure the patient was of a present finding (SPEC §4.1 "Certainty").
    package enum Certainty: String, Sendable, Hashable {
        /// Stated as had.
        case present
        /// Written with doubt by the patient (`I think my hand is weaker`, `is my leg getting
        /// weaker?`): sets the band for a clinician's contact, never investigations.
        case possible
    }

    /// A stable id (`twitch-span`, `weakness`, `spreading`, `lab-magnesium`…), which
    /// recommendations name in their reasons.
    package var id: FindingID
    /// Whether the finding is present.
    package var present: Bool
    /// One sentence a clinician reads.
    package var summary: String
    /// The records it rests on (a few representative ones: the first, the latest, the changes).
    package var evidence: [Evidence]
    /// For a present finding read from what the patient wrote, whether it was stated or only
    /// possible; nil where certainty does not apply (absent findings, counts, labs).
    package var certainty: Certainty?

    /// Creates a finding.
    package init(id: FindingID, present: Bool, summary: String, evidence: [Evidence]) {
        self.id = id
        self.present = present
        self.summary = summary
        self.evidence = evidence
    }
}
