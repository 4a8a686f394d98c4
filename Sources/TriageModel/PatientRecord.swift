/// Everything the inputs hold about one patient, gathered across files and normalised: what
/// findings are derived from.
public struct PatientRecord: Sendable, Hashable {
    /// The patient's id.
    public var id: PatientID
    /// Demographics, merged across files (first file in path order wins a conflict, and the
    /// conflict is a data-quality note).
    package var demographics: PatientDemographics?
    /// Journal entries, in time order (then file and line).
    package var journal: [JournalEntry]
    /// Lab results, in collection order (then file and line).
    package var labs: [LabResult]
    /// The days of the patient's phone exports (Apple Health, SPEC §3.9), in date order: all
    /// of them, those whose values filled the journal's empty columns and those with no
    /// journal entry (which the lifestyle analysis does not use: they have no twitch count).
    package var phoneDays: [PhoneDay] = []
    /// Results of analytes the knowledge does not read that the lab flagged abnormal, as
    /// reported, in collection order (then file and line) (SPEC §3.10).
    package var otherResults: [Referral.OtherResult] = []
    /// Problems with this patient's data.
    package var diagnostics: [Diagnostic]
    /// The files that contributed to this record.
    package var inputs: [InputFile]

    /// Creates a record.
    package init(
        id: PatientID, demographics: PatientDemographics?, journal: [JournalEntry], labs: [LabResult],
        diagnostics: [Diagnostic], inputs: [InputFile]
    ) {
        self.id = id
        self.demographics = demographics
        self.journal = journal
        self.labs = labs
        self.diagnostics = diagnostics
        self.inputs = inputs
    }
}
