import TriageModel

/// `lab-actions.json`: what each lab result calls for (SPEC §6.2), the drugs a row names when
/// the patient takes one, and the words of each blood-work gap. Every row has its sources (NICE
/// CKS, NICE NG239, the BNF, the articles); the rule that reads them is ``AbnormalLabsRule``.
public struct LabActionTable: Sendable, Hashable, Codable {
    /// One action: a result of an analyte in a band (and value bounds, and symptoms) → a
    /// recommendation for someone to act on, with its wording.
    public struct Action: Sendable, Hashable, Codable {
        /// The id.
        public var id: String
        /// The analyte id, or `any`.
        public var analyte: String
        /// One of ``Band``.
        public var band: String
        /// The canonical value must be at least this, if given.
        public var atLeast: Double?
        /// The canonical value must be below this, if given.
        public var below: Double?
        /// Any of these symptoms present (symptom ids), if given.
        public var withSymptoms: [String]?
        /// None of these symptoms present, if given.
        public var withoutSymptoms: [String]?
        /// The recommendation's test (`treatment`, `bloodWork`, `sameDayAssessment`).
        public var test: String
        /// Who acts (`recommendations[].who`).
        public var who: String
        /// The urgency.
        public var urgency: String
        /// The wording; `{analyte}`, `{value}`, `{symptoms}`, `{reason}` are filled in.
        public var text: String
        /// Analytes to draw with it when missing, stale or older than the recent days.
        public var draw: [String]?
        /// Tests the tool does not read, asked for with it (full blood count, kidney function).
        public var alsoOrder: [String]?
        /// Drug groups (``DrugGroup``) named when the patient takes one.
        public var nameDrugs: [String]?
        /// The headline fragment, if the row may lead it.
        public var headline: String?
        /// Whether the row says the result explains the twitching ("the likely cause"); only
        /// such a row may say so.
        public var explains: Bool?
        /// Whether blood work repeats the result's own analyte (recheck, repeat the sample).
        public var recheck: Bool?
        /// A generic row, used only when no other row matched the result.
        public var fallback: Bool?
        /// For an unreliable result: `true`, the row applies only when the value lies outside
        /// its range on the side the specimen problem would hide (a low potassium on a haemolysed
        /// sample, ``SpecimenComments/hidesSide(of:)``); `false`, only when it does not; nil,
        /// either way.
        public var hiddenSide: Bool?
        /// The id of the `timeframes.json` row the recommendation states ("next-working-day"),
        /// when the row's own pace is not its urgency's.
        public var timeframe: String?
        /// Where it comes from.
        public var sources: [Source]
    }

    /// Drugs a row names: by their medication class, or by words in the medications and notes.
    public struct DrugGroup: Sendable, Hashable, Codable {
        /// The id rows name.
        public var id: String
        /// How a report names it ("metformin", "a proton-pump inhibitor").
        public var name: String
        /// A vocabulary medication class that is this group, if any.
        public var medicationClass: String?
        /// Words (drug names) matched on word boundaries in the medications and notes.
        public var terms: [String]
        /// Where it comes from.
        public var sources: [Source]
    }

    /// The words of a blood-work gap, one per reason; `{analyte}`, `{date}`, `{days}`,
    /// `{result}` are filled in.
    public struct Gaps: Sendable, Hashable, Codable {
        /// No result.
        public var missing: String
        /// A stale result.
        public var stale: String
        /// A result older than the recent days.
        public var old: String
        /// A row skipped because its unit does not fit the analyte.
        public var misreported: String
        /// The same, in a headline's few words.
        public var misreportedShort: String
        /// A test the tool does not read (full blood count), always asked for.
        public var unread: String
        /// Asked for with another result's action.
        public var requestedBy: String
        /// A drug the patient takes that a row names; `{drugs}` is filled in.
        public var takes: String
        /// The list of analytes to draw; `{items}` is filled in.
        public var alsoDraw: String
        /// Where it comes from.
        public var sources: [Source]
    }

    /// The bands an action row may name.
    public enum Band {
        /// Low, not critical.
        public static let low = "low"
        /// Low or critical low.
        public static let anyLow = "any-low"
        /// Critical low.
        public static let criticalLow = "critical-low"
        /// High, not critical.
        public static let high = "high"
        /// High or critical high.
        public static let anyHigh = "any-high"
        /// Critical high.
        public static let criticalHigh = "critical-high"
        /// Normal by the lab's range, within the row's bounds (NICE NG239's indeterminate B12).
        public static let indeterminate = "indeterminate"
        /// The lab's comment makes the value unreliable.
        public static let unreliable = "unreliable"
        /// Any abnormal result.
        public static let any = "any"
        /// Every band.
        public static let all: Set<String> = [low, anyLow, criticalLow, high, anyHigh, criticalHigh, indeterminate, unreliable, any]
    }

    /// The analyte of a row for every analyte (critical, unreliable and fallback rows).
    public static let anyAnalyte = "any"

    /// The actions, in the order their recommendations are listed.
    public var actions: [Action]
    /// The drug groups.
    public var drugGroups: [DrugGroup]
    /// The gap words.
    public var gaps: Gaps

    /// An empty table (knowledge built in code).
    public static let empty = LabActionTable(
        actions: [], drugGroups: [],
        gaps: Gaps(missing: "{analyte}", stale: "{analyte}", old: "{analyte}", misreported: "{analyte}", misreportedShort: "{analyte}", unread: "{analyte}", requestedBy: "{analyte}",
                   takes: "{drugs}", alsoDraw: "{items}", sources: []))
}

extension LabActionTable.Action {
    /// Whether the row's band takes a result of `status`.
    public func takes(_ status: LabResult.Status) -> Bool {
        typealias Band = LabActionTable.Band
        switch band {
        case Band.low: return status == .low
        case Band.anyLow: return status == .low || status == .criticalLow
        case Band.criticalLow: return status == .criticalLow
        case Band.high: return status == .high
        case Band.anyHigh: return status == .high || status == .criticalHigh
        case Band.criticalHigh: return status == .criticalHigh
        case Band.indeterminate: return status == .normal
        case Band.unreliable: return status == .unreliable
        case Band.any: return status.isAbnormal
        default: return false
        }
    }

    /// Whether a canonical `value` is within the row's bounds.
    public func bounds(_ value: Double) -> Bool {
        if let atLeast, value < atLeast { return false }
        if let below, value >= below { return false }
        return true
    }
}
