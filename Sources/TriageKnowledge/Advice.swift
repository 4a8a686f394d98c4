import TriageModel

/// A row of `advice.json`: lifestyle advice, a safety-net sign, what to tell the patient, or a
/// notice every report carries (SPEC §6.2, §6.5).
package struct Advice: Sendable, Hashable, Codable {
    /// What means a patient already has a safety-net sign (``Advice/presentWhen``).
    package struct Present: Sendable, Hashable, Codable {
        /// Symptom ids the patient states (`swallowing difficulty`, `weak cough`).
        package var symptoms: [SymptomID]
        /// Finding ids derived from the journal (`progressive-weakness`: a weakness score that rises).
        package var findings: [FindingID]?
    }

    /// What the findings must not show for the row to be given (SPEC §6.2: advice the
    /// findings contraindicate is withheld).
    package struct Withheld: Sendable, Hashable, Codable {
        /// Symptom ids: any of them present withholds the row (fluid volumes, nuts and seeds
        /// with swallowing difficulty).
        package var symptoms: [SymptomID]?
        /// Analyte ids: a low result of any withholds it (fluid volumes with a low sodium).
        package var lowLabs: [AnalyteID]?
        /// Conditions the patient states in the notes (heart failure, kidney disease).
        package var history: [String]?
        /// Withheld beside a motor red flag (stress management as the first line).
        package var motorRedFlag: Bool?
        /// Withheld when the twitching has lasted more than this many days ("come back after
        /// two weeks" to a patient past two weeks).
        package var spanOverDays: Int?
    }

    /// The id (`caffeine`, `return-breathing`, `tell-benign`, `not-monitored`).
    package var id: AdviceID
    /// What kind of row it is.
    package var kind: Kind
    /// The advice as a report shows it.
    package var text: String
    /// For a safety-net sign, its escalation for a patient who already has the symptom
    /// ("if swallowing gets worse or you choke …: call 999").
    package var escalation: String?
    /// The trigger or lifestyle factor it answers, if any (`caffeine`, `poor sleep`).
    package var trigger: TriggerID?
    /// For a safety-net sign, what means the patient already has it: the escalation is given
    /// instead, never nothing.
    package var presentWhen: Present?
    /// What withholds the row.
    package var withheldWhen: Withheld?
    /// For what to tell the patient, the pattern it is for.
    package var tellWhen: TellWhen?
    /// For a notice a rule raises, its headline fragment.
    package var headline: String?
    /// Where it comes from.
    package var sources: [Source]
}

extension Advice {
    /// The kinds `advice.json` may give.
    package enum Kind: String, KnowledgeWord {
        /// Lifestyle advice, shown where its trigger is among the patient's exposures.
        case lifestyle
        /// A safety-net sign: when to come back or call for help; never cut, escalated when present.
        case safetyNet
        /// What to tell the patient (`tellPatient`).
        case tellPatient
        /// A sentence every report (or every report of a kind) carries.
        case notice
    }

    /// The patterns a `tellPatient` row is for.
    package enum TellWhen: String, KnowledgeWord {
        /// No red flag and no abnormal result.
        case benign
        /// A motor, bulbar or respiratory red flag, or a same-day flag: never names the disease.
        case motor
        /// Anything else that needs a doctor.
        case other
        /// A patient outside the knowledge's ages.
        case underAge = "under-age"
    }
}
