/// A test from the articles' catalogue: what it is for (SPEC §5).
public struct DiagnosticTest: Sendable, Hashable, Codable {
    /// The id, as `recommendations[].test` names it: `EMG`, `NCS`, `MRI`, `bloodWork`,
    /// `neurologyExam` (and `lumbarPuncture`, named as a specialist's option only).
    public var id: String
    /// The name as reports show it ("Electromyography (EMG)").
    public var name: String
    /// What it is for, from the articles.
    public var purpose: String
    /// MRI regions or blood panels the articles name with it, if any.
    public var variants: [Variant]
    /// Where it comes from.
    public var sources: [Source]
    /// Who acts on it when a rule does not say (`recommendations[].who`, SPEC §6.2 "Who acts").
    public var who: String?

    /// An MRI region or a blood panel.
    public struct Variant: Sendable, Hashable, Codable {
        /// The id (`cervical spine`, `brain`, `electrolytes`, `core panel`).
        public var id: String
        /// What it is for.
        public var purpose: String
        /// For a blood panel, the analyte ids in it.
        public var analytes: [String]
        /// For a blood panel, the tests in it the tool does not read (full blood count, kidney
        /// function), always asked for by name.
        public var alsoOrder: [String]?
        /// Where it comes from.
        public var sources: [Source]
    }
}
