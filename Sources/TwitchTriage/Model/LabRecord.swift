/// One lab result as read from a CSV row or an XML `<result>`, before the analyte is
/// identified and the unit converted.
public struct LabRecord: Sendable, Hashable {
    /// The row or element it came from.
    public var source: SourceLocation
    /// The patient's id, trimmed, never empty.
    public var patientID: String
    /// When the sample was collected.
    public var collected: Timestamp
    /// The test's name as written (`Magnesium, serum`), if given.
    public var testName: Term?
    /// The LOINC code as written, if given.
    public var loinc: Term?
    /// The value as reported.
    public var value: LabValue
    /// Where the value was written.
    public var valueLocation: SourceLocation
    /// The unit as written (`mg/dL`).
    public var unit: Term
    /// The row's own reference range, if given (in the reported unit).
    public var referenceLow: Double?
    /// The row's own upper reference limit, if given.
    public var referenceHigh: Double?
    /// The lab's flag as written (`L`, `H`, `N`, `LL`, `HH`), if given.
    public var flag: Term?
    /// The performing lab, if given.
    public var lab: String?

    /// Creates a record.
    public init(source: SourceLocation, patientID: String, collected: Timestamp, testName: Term?, loinc: Term?,
                value: LabValue, valueLocation: SourceLocation, unit: Term) {
        self.source = source
        self.patientID = patientID
        self.collected = collected
        self.testName = testName
        self.loinc = loinc
        self.value = value
        self.valueLocation = valueLocation
        self.unit = unit
    }
}
