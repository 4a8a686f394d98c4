/// What every reader needs to know beyond the bytes.
public struct ReadOptions: Sendable, Hashable {
    /// How to read slash dates; nil refuses them.
    public var dateOrder: DateOrder?
    /// The LOINC codes of the analytes the knowledge tables know: the exchange-format readers
    /// (FHIR, C-CDA, HL7 v2, Synthea) keep only results with one of these and count the rest
    /// per file (SPEC §3.9). Nil means the bundled tables' codes.
    public var knownLOINCCodes: Set<String>?

    /// Creates options.
    public init(dateOrder: DateOrder? = nil, knownLOINCCodes: Set<String>? = nil) {
        self.dateOrder = dateOrder
        self.knownLOINCCodes = knownLOINCCodes
    }

    /// ``knownLOINCCodes``, or the bundled tables' codes.
    var loincCodes: Set<String> { knownLOINCCodes ?? ExchangeRecords.bundledLOINCCodes }
}
