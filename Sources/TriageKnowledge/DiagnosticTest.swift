import TriageModel

/// A test from the articles' catalogue: what it is for (SPEC §5).
package struct DiagnosticTest: Sendable, Hashable, Codable {
    /// The id, as `recommendations[].test` names it: `EMG`, `NCS`, `MRI`, `bloodWork`,
    /// `neurologyExam` (and `lumbarPuncture`, named as a specialist's option only).
    package var id: CatalogueTestID
    /// The name a recommendation of it shows in the reports (`EMG`, `Nerve conduction
    /// studies`); every test a rule can recommend has one, a test named only as a specialist's
    /// option may not.
    package var label: String?
    /// The name as the catalogue shows it ("Electromyography (EMG)").
    package var name: String
    /// What it is for, from the articles.
    package var purpose: String
    /// MRI regions or blood panels the articles name with it, if any.
    package var variants: [Variant]
    /// Where it comes from.
    package var sources: [Source]
    /// Who acts on it when a rule does not say (`recommendations[].who`, SPEC §6.2 "Who acts").
    package var who: String?

    /// An MRI region or a blood panel.
    package struct Variant: Sendable, Hashable, Codable {
        /// The id (`cervical spine`, `brain`, `electrolytes`, `core panel`).
        package var id: VariantID
        /// What it is for.
        package var purpose: String
        /// For a blood panel, the analyte ids in it.
        package var analytes: [AnalyteID]
        /// For a blood panel, the tests in it the tool does not read (full blood count, kidney
        /// function), always asked for by name.
        package var alsoOrder: [AnalyteID]?
        /// Where it comes from.
        package var sources: [Source]
    }
}
