import TriageModel

/// Places a lab value against a reference range and critical limits (SPEC §3.6, §3.7).
///
/// Rules: a value AT a reference limit is normal; a value at or beyond a critical limit is
/// critical; critical is checked first. A censored value is classified by its bound only when
/// the bound settles it: `<5` against a lower limit of 148 is low (the true value is below 5,
/// so below 148), `<5` against a lower limit of 2 is unclassified (it could be 1 or 4);
/// `<=2` against a lower limit of 2 is unclassified (it could be exactly 2, which is normal).
/// `>x` mirrors it. An upper-bounded value against a range with no lower limit (HbA1c) is
/// normal when the bound is at or below the upper limit.
enum LabClassifier {
    /// Where a value lies against a reference range.
    enum Position: Equatable {
        case below, within, above, unknown
    }

    /// The status of `value` against `range` and, first, `critical` (all in one unit).
    static func status(_ value: LabValue, range: (low: Double?, high: Double?), critical: (low: Double?, high: Double?)) -> LabResult.Status
    {
        if let status = criticalStatus(value, low: critical.low, high: critical.high) { return status }
        switch position(value, low: range.low, high: range.high) {
        case .below: return .low
        case .above: return .high
        case .within: return .normal
        case .unknown: return .unclassified
        }
    }

    /// `criticalLow`/`criticalHigh` when the value is surely at or beyond a critical limit.
    static func criticalStatus(_ value: LabValue, low: Double?, high: Double?) -> LabResult.Status? {
        let bound = value.number
        switch value.comparator {
        case .equal:
            if let low, bound <= low { return .criticalLow }
            if let high, bound >= high { return .criticalHigh }
        case .lessThan, .lessThanOrEqual:
            if let low, bound <= low { return .criticalLow }
        case .greaterThan, .greaterThanOrEqual:
            if let high, bound >= high { return .criticalHigh }
        }
        return nil
    }

    /// Where the value surely lies against `low`-`high` (limits inclusive), or `.unknown`.
    package static func position(_ value: LabValue, low: Double?, high: Double?) -> Position {
        guard low != nil || high != nil else { return .unknown }
        let bound = value.number
        switch value.comparator {
        case .equal:
            if let low, bound < low { return .below }
            if let high, bound > high { return .above }
            return .within
        case .lessThan, .lessThanOrEqual:
            if let low {
                let surelyBelow = value.comparator == .lessThan ? bound <= low : bound < low
                return surelyBelow ? .below : .unknown
            }
            if let high, bound <= high { return .within }
            return .unknown
        case .greaterThan, .greaterThanOrEqual:
            if let high {
                let surelyAbove = value.comparator == .greaterThan ? bound >= high : bound > high
                return surelyAbove ? .above : .unknown
            }
            if let low, bound >= low { return .within }
            return .unknown
        }
    }
}
