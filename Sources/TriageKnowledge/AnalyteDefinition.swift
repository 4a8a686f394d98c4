import TriageModel

/// One analyte of SPEC §3.7 as data: how it is recognised, its canonical unit, the units it is
/// accepted in with their conversion, its default reference range and critical limits, each
/// with the reference it comes from.
public struct AnalyteDefinition: Sendable, Hashable, Codable {
    /// A unit the analyte is accepted in.
    package struct AcceptedUnit: Sendable, Hashable, Codable {
        /// The UCUM unit (`mg/dL`).
        package var unit: String
        /// Other spellings seen in exports (`mg/dl`, `MG/DL`, `mEq/l`), matched case-insensitively.
        package var spellings: [String]
        /// canonical = reported × factor + offset.
        package var factor: Double
        /// Added after the factor (0 for all but HbA1c % → mmol/mol).
        package var offset: Double
        /// Where the factor comes from (molar mass, valence).
        package var sources: [Source]
    }

    /// A pair of limits in the canonical unit.
    package struct Limits: Sendable, Hashable, Codable {
        /// Lower limit.
        package var low: Double?
        /// Upper limit.
        package var high: Double?
        /// Where they come from.
        package var sources: [Source]
    }

    /// The id used in reports (`magnesium`, `potassium`, `calcium`, `vitaminB12`, `vitaminD`,
    /// `tsh`, `sodium`, `hba1c`, `glucose`).
    package var id: AnalyteID
    /// A label for reports ("Magnesium (serum)").
    package var label: String
    /// How a sentence names it ("vitamin B12"); the id when not given.
    package var spokenName: String? = nil
    /// Whether it is one of the five core analytes of the twitching panel.
    package var core: Bool
    /// Names and synonyms it is recognised by, matched case-insensitively.
    package var names: [String]
    /// LOINC codes it is recognised by.
    package var loinc: [String]
    /// Where each LOINC code's meaning was checked (one entry per code, in the same order:
    /// a published value set, a specification example, or the code's LOINC name).
    package var loincSources: [Source]?
    /// The canonical UCUM unit.
    package var canonicalUnit: String
    /// Decimals kept in the canonical value.
    package var decimals: Int
    /// Units it is accepted in, the canonical unit among them (factor 1).
    package var units: [AcceptedUnit]
    /// The default reference range, canonical unit.
    package var reference: Limits
    /// Critical limits, canonical unit.
    package var critical: Limits
    /// Why the articles care about it.
    package var sources: [Source]
    /// When set, the default reference range applies only to results with one of these LOINC
    /// codes (glucose: the fasting codes); other results without their own range stay unclassified.
    package var defaultRangeLoinc: [String]? = nil
}
