import TriageModel

extension AnalyteDefinition.AcceptedUnit {
    /// The value in the canonical unit: `reported × factor + offset`.
    package func toCanonical(_ value: Double) -> Double { value * factor + offset }

    /// The value in this unit from a canonical one: `(canonical − offset) ÷ factor`.
    package func fromCanonical(_ canonical: Double) -> Double { (canonical - offset) / factor }
}

extension AnalyteDefinition {
    /// The accepted unit written as `text` (its UCUM form or a listed spelling, compared
    /// case-insensitively without spaces, `µ`/`μ` as `u`); nil when the unit does not fit.
    package func unit(matching text: String) -> AcceptedUnit? {
        let key = TermKey.unit(text)
        guard !key.isEmpty else { return nil }
        return units.first { unit in
            TermKey.unit(unit.unit) == key || unit.spellings.contains { TermKey.unit($0) == key }
        }
    }

    /// `value` in `unit` converted to the canonical unit, unrounded; nil when the unit does not fit.
    package func canonicalValue(_ value: Double, from unit: String) -> Double? {
        self.unit(matching: unit)?.toCanonical(value)
    }

    /// A canonical `value` converted to `unit`, unrounded; nil when the unit does not fit.
    package func value(fromCanonical value: Double, to unit: String) -> Double? {
        self.unit(matching: unit)?.fromCanonical(value)
    }

    /// `value` rounded to the analyte's ``decimals`` (half away from zero).
    package func rounded(_ value: Double) -> Double {
        NumberFormatting.rounded(value, places: decimals)
    }

    /// The accepted units for a message: `mmol/L, mg/dL or mEq/L`.
    package var unitList: String {
        let names = units.map(\.unit)
        guard names.count > 1 else { return names.first ?? canonicalUnit }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
