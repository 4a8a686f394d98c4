import MemberwiseInit

/// One lab result as read from a CSV row or an XML `<result>`, before the analyte is
/// identified and the unit converted.
public struct LabRecord: Sendable, Hashable {
    /// The row or element it came from.
    public var source: SourceLocation
    /// The patient's id, trimmed, never empty.
    public var patientID: PatientID
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
    /// The analyte id, when the reader identified it by a local code (the site's code map, or
    /// the code's text by name: SPEC §3.10) rather than by LOINC code or test name.
    public var analyte: AnalyteID? {
        get { notes?.analyte }
        set { setNotes(analyte: newValue, comment: comment, panelComment: panelComment) }
    }
    /// The lab's comment on this result, or on its panel or specimen (HL7 v2 NTE, FHIR `note`
    /// or a DiagnosticReport's `conclusion`, C-CDA comment or result `text`), escapes decoded.
    public var comment: String? {
        get { notes?.comment }
        set { setNotes(analyte: analyte, comment: newValue, panelComment: panelComment) }
    }
    /// Every comment on the result's panel or specimen (an HL7 v2 OBR group's NTEs, a FHIR
    /// DiagnosticReport's `conclusion`, a C-CDA organizer's comments), read for the specimen
    /// problems that make the result unreliable (SPEC §6.2).
    public var panelComment: String? {
        get { notes?.panelComment }
        set { setNotes(analyte: analyte, comment: comment, panelComment: newValue) }
    }

    /// ``analyte``, ``comment`` and ``panelComment``, which most results lack, held apart: one
    /// reference in each record instead of three optional strings (48 bytes), since every
    /// reader writes hundreds of thousands of records into arrays it has reserved up front.
    @usableFromInline var notes: Notes?

    @usableFromInline final class Notes: Sendable, Hashable {
        let analyte: AnalyteID?
        let comment: String?
        let panelComment: String?

        @usableFromInline init(analyte: AnalyteID?, comment: String?, panelComment: String?) {
            self.analyte = analyte
            self.comment = comment
            self.panelComment = panelComment
        }

        @usableFromInline static func == (lhs: Notes, rhs: Notes) -> Bool {
            lhs.analyte == rhs.analyte && lhs.comment == rhs.comment && lhs.panelComment == rhs.panelComment
        }

        @usableFromInline func hash(into hasher: inout Hasher) {
            hasher.combine(analyte)
            hasher.combine(comment)
            hasher.combine(panelComment)
        }
    }

    /// Sets ``analyte``, ``comment`` and ``panelComment`` at once (nothing is held when all three are nil).
    package mutating func setNotes(analyte: AnalyteID?, comment: String?, panelComment: String?) {
        if analyte == nil, comment == nil, panelComment == nil {
            notes = nil
        } else {
            notes = Notes(analyte: analyte, comment: comment, panelComment: panelComment)
        }
    }

    /// Creates a record.
    package init(
        source: SourceLocation, patientID: PatientID, collected: Timestamp, testName: Term?, loinc: Term?,
        value: LabValue, valueLocation: SourceLocation, unit: Term
    ) {
        self.init(
            source: source, patientID: patientID, collected: collected, testName: testName, loinc: loinc, value: value,
            valueLocation: valueLocation, unit: unit, referenceLow: nil, referenceHigh: nil, flag: nil, lab: nil,
            analyte: nil, comment: nil)
    }

    /// Creates a record with every field at once, for a reader that has read them all: the
    /// record is made in its final place instead of being filled in field by field (inlined: a
    /// call of it made the record on the stack and copied it out).
    @inlinable @inline(__always)
    package init(
        source: SourceLocation, patientID: PatientID, collected: Timestamp, testName: Term?, loinc: Term?,
        value: LabValue, valueLocation: SourceLocation, unit: Term, referenceLow: Double?, referenceHigh: Double?,
        flag: Term?, lab: String?, analyte: AnalyteID?, comment: String?, panelComment: String? = nil
    ) {
        self.source = source
        self.patientID = patientID
        self.collected = collected
        self.testName = testName
        self.loinc = loinc
        self.value = value
        self.valueLocation = valueLocation
        self.unit = unit
        self.referenceLow = referenceLow
        self.referenceHigh = referenceHigh
        self.flag = flag
        self.lab = lab
        if analyte != nil || comment != nil || panelComment != nil {
            notes = Notes(analyte: analyte, comment: comment, panelComment: panelComment)
        }
    }
}

/// A result of an analyte the knowledge does not read, which the lab flagged abnormal: kept as
/// it was reported, for the referral's other results (SPEC §3.10, `otherResults[]`).
@PackageMemberwiseInit
package struct OtherLabRecord: Sendable, Hashable {
    /// The patient's id.
    public var patientID: PatientID
    /// The result as reported.
    public var result: Referral.OtherResult
}
