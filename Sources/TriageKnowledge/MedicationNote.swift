/// `medication-notes.json`: a medication class's own note for the prescriber review (SPEC
/// §6.2: corticosteroids, diuretics, beta-agonist inhalers, psychotropic drugs), never "stop".
public struct MedicationNote: Sendable, Hashable, Codable {
    /// How often a drug of the class must be recorded for its frequent-use note.
    public struct FrequentUse: Sendable, Hashable, Codable {
        /// The fewest journal entries naming it.
        public var minEntries: Int
        /// The smallest share of the journal's entries naming it.
        public var minShare: Double
        /// The note; `{days}` and `{entries}` are filled in.
        public var note: String
    }

    /// The medication class id.
    public var medicationClass: String
    /// The note ("diuretics lose magnesium and potassium").
    public var note: String
    /// Analytes a low result of which the class may explain.
    public var linkedAnalytes: [String]
    /// Said when such a low result is on file.
    public var linkedNote: String?
    /// The frequent-use note (a reliever used daily), if any.
    public var frequentUse: FrequentUse?
    /// Where the row departs from a seed, and how (SPEC §6.4), if it does.
    public var departure: String?
    /// Where it comes from.
    public var sources: [Source]
}
