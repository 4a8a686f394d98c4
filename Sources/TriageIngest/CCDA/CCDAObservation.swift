import TriageModel

/// What the C-CDA reader gathers from one Results-section `observation` before it becomes a
/// ``LabRecord`` (SPEC §3.9).
struct CCDAObservation {
    /// Where the `observation` element starts.
    var source: SourceLocation
    /// Whether the observation has `negationInd="true"`.
    var negated = false
    /// `statusCode/@code`, with where.
    var status: (code: String, location: SourceLocation)?
    /// The LOINC codes of `code` and its `translation`s (codeSystem 2.16.840.1.113883.6.1).
    var loincCodes: [(code: String, location: SourceLocation)] = []
    /// The other codes of `code` and its `translation`s: system OID, code, `displayName`.
    var localCodes: [(system: String, code: String, text: String)] = []
    /// Whether a LOINC code of a known analyte was read: local codes and display names are
    /// then of no use, and are not kept.
    var hasKnownLOINC = false
    /// The first `displayName` of a LOINC code of no known analyte (an other result's name).
    var loincDisplay: String?
    /// Comments: the observation's Comment Activities' `text`, and its own `text` when it
    /// holds words.
    var comments: [String] = []
    /// `effectiveTime/@value`, else `effectiveTime/low/@value`.
    var effectiveTime: (text: String, location: SourceLocation)?
    /// The `value`'s `xsi:type` without prefix (`PQ`, `IVL_PQ`, `ST`), if given.
    var valueType: String?
    var valueLocation: SourceLocation?
    /// `value/@nullFlavor`, if given.
    var nullFlavor: String?
    /// A PQ's `@value` and `@unit`.
    var quantity: String?
    var unit: String?
    /// An IVL_PQ's bounds: value, unit, inclusive (default true).
    var low: (value: String, unit: String?, inclusive: Bool)?
    var high: (value: String, unit: String?, inclusive: Bool)?
    /// An ST's text.
    package var text: [UInt8] = []
    /// `interpretationCode/@code`.
    var interpretation: (text: String, location: SourceLocation)?
    /// The first `referenceRange/observationRange/value` IVL_PQ's low and high.
    var rangeLow: String?
    var rangeHigh: String?
    /// The units its bounds give.
    var rangeUnits: [String] = []
    var rangeDone = false
}
