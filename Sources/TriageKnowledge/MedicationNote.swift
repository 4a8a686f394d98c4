import TriageModel

/// `medication-notes.json`: a medication class's own note for the prescriber review (SPEC
/// §6.2: corticosteroids, diuretics, beta-agonist inhalers, psychotropic drugs), never "stop".
package struct MedicationNote: Sendable, Hashable, Codable {
    /// How often a drug of the class must be recorded for its frequent-use note.
    package struct FrequentUse: Sendable, Hashable, Codable {
        /// The fewest journal entries naming it.
        package var minEntries: Int
        /// The smallest share of the journal's entries naming it.
        package var minShare: Double
        /// The note; `{days}` and `{entries}` are filled in.
        package var note: String
    }

    /// The medication class id.
    package var medicationClass: MedicationClassID
    /// The note ("diuretics lose magnesium and potassium").
    package var note: String
    /// Analytes a low result of which the class may explain.
    package var linkedAnalytes: [AnalyteID]
    /// Said when such a low result is on file.
    package var linkedNote: String?
    /// The frequent-use note (a reliever used daily), if any.
    package var frequentUse: FrequentUse?
    /// Where the row departs from a seed, and how (SPEC §6.4), if it does.
    package var departure: String?
    /// Where it comes from.
    package var sources: [Source]
}
