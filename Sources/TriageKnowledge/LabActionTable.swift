import TriageModel

/// `lab-actions.json`: what each lab result calls for (SPEC §6.2), the drugs a row names when
/// the patient takes one, and the words of each blood-work gap. Every row has its sources (NICE
/// CKS, NICE NG239, the BNF, the articles); the rule that reads them is ``AbnormalLabsRule``.
package struct LabActionTable: Sendable, Hashable, Codable {
    /// One action: a result of an analyte in a band (and value bounds, and symptoms) → a
    /// recommendation for someone to act on, with its wording.
    package struct Action: Sendable, Hashable, Codable {
        /// The id.
        package var id: LabActionID
        /// The analyte id, or `any`.
        package var analyte: AnalyteID
        /// Which results the row takes.
        package var band: Band
        /// The canonical value must be at least this, if given.
        package var atLeast: Double?
        /// The canonical value must be below this, if given.
        package var below: Double?
        /// Any of these symptoms present (symptom ids), if given.
        package var withSymptoms: [SymptomID]?
        /// None of these symptoms present, if given.
        package var withoutSymptoms: [SymptomID]?
        /// The recommendation's test (`treatment`, `bloodWork`, `sameDayAssessment`).
        package var test: Recommendation.Test
        /// Who acts (`recommendations[].who`).
        package var who: Recommendation.Actor
        /// The urgency.
        package var urgency: Urgency
        /// The wording; `{analyte}`, `{value}`, `{symptoms}`, `{reason}` are filled in.
        package var text: String
        /// Analytes to draw with it when missing, stale or older than the recent days.
        package var draw: [AnalyteID]?
        /// Tests the tool does not read, asked for with it (full blood count, kidney function).
        package var alsoOrder: [AnalyteID]?
        /// Drug groups (``DrugGroup``) named when the patient takes one.
        package var nameDrugs: [DrugGroupID]?
        /// The headline fragment, if the row may lead it.
        package var headline: String?
        /// Whether the row says the result explains the twitching ("the likely cause"); only
        /// such a row may say so.
        package var explains: Bool?
        /// Whether blood work repeats the result's own analyte (recheck, repeat the sample).
        package var recheck: Bool?
        /// A generic row, used only when no other row matched the result.
        package var fallback: Bool?
        /// For an unreliable result: `true`, the row applies only when the value lies outside
        /// its range on the side the specimen problem would hide (a low potassium on a haemolysed
        /// sample, ``SpecimenComments/hidesSide(of:)``); `false`, only when it does not; nil,
        /// either way.
        package var hiddenSide: Bool?
        /// The id of the `timeframes.json` row the recommendation states ("next-working-day"),
        /// when the row's own pace is not its urgency's.
        package var timeframe: TimeframeID?
        /// Where it comes from.
        package var sources: [Source]
    }

    /// Drugs a row names: by their medication class, or by words in the medications and notes.
    package struct DrugGroup: Sendable, Hashable, Codable {
        /// The id rows name.
        package var id: DrugGroupID
        /// How a report names it ("metformin", "a proton-pump inhibitor").
        package var name: String
        /// A vocabulary medication class that is this group, if any.
        package var medicationClass: MedicationClassID?
        /// Words (drug names) matched on word boundaries in the medications and notes.
        package var terms: [String]
        /// Where it comes from.
        package var sources: [Source]
    }

    /// The words of a blood-work gap, one per reason; `{analyte}`, `{date}`, `{days}`,
    /// `{result}` are filled in.
    package struct Gaps: Sendable, Hashable, Codable {
        /// No result.
        package var missing: String
        /// A stale result.
        package var stale: String
        /// A result older than the recent days.
        package var old: String
        /// A row skipped because its unit does not fit the analyte.
        package var misreported: String
        /// The same, in a headline's few words.
        package var misreportedShort: String
        /// A test the tool does not read (full blood count), always asked for.
        package var unread: String
        /// Asked for with another result's action.
        package var requestedBy: String
        /// A drug the patient takes that a row names; `{drugs}` is filled in.
        package var takes: String
        /// The list of analytes to draw; `{items}` is filled in.
        package var alsoDraw: String
        /// Where it comes from.
        package var sources: [Source]
    }

    /// The bands an action row may name.
    package enum Band: String, KnowledgeWord {
        /// Low, not critical.
        case low
        /// Low or critical low.
        case anyLow = "any-low"
        /// Critical low.
        case criticalLow = "critical-low"
        /// High, not critical.
        case high
        /// High or critical high.
        case anyHigh = "any-high"
        /// Critical high.
        case criticalHigh = "critical-high"
        /// Normal by the lab's range, within the row's bounds (NICE NG239's indeterminate B12).
        case indeterminate
        /// The lab's comment makes the value unreliable.
        case unreliable
        /// Any abnormal result.
        case any
    }

    /// The analyte of a row for every analyte (critical, unreliable and fallback rows).
    package static let anyAnalyte: AnalyteID = "any"

    /// The actions, in the order their recommendations are listed.
    package var actions: [Action]
    /// The drug groups.
    package var drugGroups: [DrugGroup]
    /// The gap words.
    package var gaps: Gaps

    /// An empty table (knowledge built in code).
    package static let empty = LabActionTable(
        actions: [], drugGroups: [],
        gaps: Gaps(
            missing: "{analyte}", stale: "{analyte}", old: "{analyte}", misreported: "{analyte}", misreportedShort: "{analyte}",
            unread: "{analyte}", requestedBy: "{analyte}",
            takes: "{drugs}", alsoDraw: "{items}", sources: []))
}

extension LabActionTable.Action {
    /// Whether the row's band takes a result of `status`.
    package func takes(_ status: LabResult.Status) -> Bool {
        switch band {
        case .low: return status == .low
        case .anyLow: return status == .low || status == .criticalLow
        case .criticalLow: return status == .criticalLow
        case .high: return status == .high
        case .anyHigh: return status == .high || status == .criticalHigh
        case .criticalHigh: return status == .criticalHigh
        case .indeterminate: return status == .normal
        case .unreliable: return status == .unreliable
        case .any: return status.isAbnormal
        }
    }

    /// Whether a canonical `value` is within the row's bounds.
    package func bounds(_ value: Double) -> Bool {
        if let atLeast, value < atLeast { return false }
        if let below, value >= below { return false }
        return true
    }
}
