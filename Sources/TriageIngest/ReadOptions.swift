import TriageKnowledge

/// What every reader needs to know beyond the bytes.
///
/// The analytes come from the caller's knowledge, always: a batch given its own tables
/// (`--knowledge DIR`) keeps and names results by those tables' LOINC codes and names, never by
/// the shipped ones (SPEC §3.9, §3.10).
public struct ReadOptions: Sendable, Hashable {
    /// How to read slash dates; nil refuses them.
    package var dateOrder: DateOrder?
    /// The site's map of local lab codes to analytes (`--code-map`, SPEC §3.10); empty by default.
    package var codeMap: LabCodeMap
    /// The index of the knowledge's analytes (built once per table, ``AnalyteIndex/shared(_:words:)``):
    /// their LOINC codes, which the exchange-format readers (FHIR, C-CDA, HL7 v2, Synthea) keep
    /// results by, counting the rest per file (SPEC §3.9), and their names, which a local code's
    /// text is matched against (SPEC §3.10).
    package let analytes: AnalyteIndex

    /// Creates options that read by `knowledge`'s analytes.
    public init(knowledge: Knowledge, dateOrder: DateOrder? = nil, codeMap: LabCodeMap = LabCodeMap()) {
        self.dateOrder = dateOrder
        self.codeMap = codeMap
        self.analytes = knowledge.analyteIndex
    }

    /// The LOINC codes of the knowledge's analytes.
    var loincCodes: Set<String> { analytes.loincCodes }

    /// How a reader identifies a result's local code (SPEC §3.10).
    func localCodes(file: String) -> LocalCodeReading {
        LocalCodeReading(file: file, codeMap: codeMap, analytes: analytes)
    }
}
