import TriageKnowledge

/// What every reader needs to know beyond the bytes.
public struct ReadOptions: Sendable, Hashable {
    /// How to read slash dates; nil refuses them.
    package var dateOrder: DateOrder?
    /// The LOINC codes of the analytes the knowledge tables know: the exchange-format readers
    /// (FHIR, C-CDA, HL7 v2, Synthea) keep only results with one of these and count the rest
    /// per file (SPEC §3.9). Nil means the bundled tables' codes.
    package var knownLOINCCodes: Set<String>?
    /// The site's map of local lab codes to analytes (`--code-map`, SPEC §3.10); empty by default.
    package var codeMap: LabCodeMap
    /// The analytes a local code's text is matched against by name (SPEC §3.10); nil means the
    /// bundled tables'.
    package var analytes: [AnalyteDefinition]?

    /// Creates options.
    public init(dateOrder: DateOrder? = nil, knownLOINCCodes: Set<String>? = nil, codeMap: LabCodeMap = LabCodeMap(),
                analytes: [AnalyteDefinition]? = nil) {
        self.dateOrder = dateOrder
        self.knownLOINCCodes = knownLOINCCodes
        self.codeMap = codeMap
        self.analytes = analytes
    }

    /// ``knownLOINCCodes``, or the bundled tables' codes.
    var loincCodes: Set<String> { knownLOINCCodes ?? ExchangeRecords.bundledLOINCCodes }

    /// The index of ``analytes``, or of the bundled tables.
    var analyteIndex: AnalyteIndex { analytes.map(AnalyteIndex.shared) ?? ExchangeRecords.bundledAnalyteIndex }

    /// How a reader identifies a result's local code (SPEC §3.10).
    func localCodes(file: String) -> LocalCodeReading {
        LocalCodeReading(file: file, codeMap: codeMap, analytes: analyteIndex)
    }
}
