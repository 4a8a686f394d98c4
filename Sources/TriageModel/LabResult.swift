import MemberwiseInit

/// A lab result with its analyte identified, its value converted to the canonical unit, and
/// its status classified (SPEC §3.6, §3.7).
public struct LabResult: Sendable, Hashable {
    /// Where a result falls against its reference range and critical limits.
    package enum Status: String, Sendable, Hashable {
        /// Below the reference range.
        case low
        /// Within it.
        case normal
        /// Above it.
        case high
        /// At or below the critical low limit.
        case criticalLow = "critical-low"
        /// At or above the critical high limit.
        case criticalHigh = "critical-high"
        /// Cannot be placed (a censored value whose bound leaves it open, or no range).
        case unclassified
        /// The lab's comment on the specimen (haemolysed, clotted, delayed…) makes the value
        /// unreliable for this analyte: repeat the sample, never act on the value (SPEC §6.2).
        case unreliable

        /// Whether the result is outside the reference range.
        package var isAbnormal: Bool { self != .normal && self != .unclassified && self != .unreliable }
        /// Whether the result is past a critical limit.
        package var isCritical: Bool { self == .criticalLow || self == .criticalHigh }
    }

    /// A value with its unit.
    @PackageMemberwiseInit
    package struct Quantity: Sendable, Hashable {
        /// The value.
        package var value: LabValue
        /// The UCUM unit (`mmol/L`), or the unit as written for the reported quantity.
        package var unit: String
    }

    /// A reference range in the canonical unit.
    @PackageMemberwiseInit
    package struct ReferenceRange: Sendable, Hashable {
        /// Where the range came from.
        package enum Origin: String, Sendable, Hashable {
            /// The result's own row (`ref_low`/`ref_high`, `reference`, XML `low`/`high`).
            case reported
            /// The knowledge tables' default for the analyte.
            case knowledgeDefault = "default"
        }

        /// Lower limit, canonical unit.
        package var low: Double?
        /// Upper limit, canonical unit.
        package var high: Double?
        /// The canonical unit.
        package var unit: String
        /// Where it came from.
        package var origin: Origin
    }

    /// Where the result came from.
    package var source: SourceLocation
    /// The patient's id.
    package var patientID: PatientID
    /// The analyte's id (`magnesium`, `vitaminB12`, …, SPEC §7).
    package var analyte: AnalyteID
    /// The LOINC code, as reported or from the knowledge tables.
    package var loinc: String?
    /// When the sample was collected.
    package var collected: Timestamp
    /// The value and unit as reported.
    package var reported: Quantity
    /// The value in the canonical unit.
    package var canonical: Quantity
    /// The reference range used (the row's own wins over the default).
    package var reference: ReferenceRange?
    /// The row's own range as reported, in the reported unit (nil when the row gave none).
    package var reportedReference: ReferenceRange?
    /// The classification.
    package var status: Status
    /// Whether the result is older than the stale limit before the as-of date.
    package var stale: Bool
    /// The lab's own flag, as written, if any.
    package var reportedFlag: String?
    /// The lab's comment on this result or its panel (HL7 v2 NTE, FHIR `note`, C-CDA comment),
    /// escapes decoded (`labs[].comment`, SPEC §3.10).
    package var comment: String?
    /// Why the result is ``Status/unreliable`` (the specimen word and the knowledge row that
    /// links it to this analyte: "haemolysed"); nil when it is not.
    package var unreliableBecause: String?

    /// Creates a result.
    package init(
        source: SourceLocation, patientID: PatientID, analyte: AnalyteID, loinc: String?, collected: Timestamp,
        reported: Quantity, canonical: Quantity, reference: ReferenceRange?, status: Status, stale: Bool,
        reportedFlag: String? = nil
    ) {
        self.source = source
        self.patientID = patientID
        self.analyte = analyte
        self.loinc = loinc
        self.collected = collected
        self.reported = reported
        self.canonical = canonical
        self.reference = reference
        self.status = status
        self.stale = stale
        self.reportedFlag = reportedFlag
    }
}
