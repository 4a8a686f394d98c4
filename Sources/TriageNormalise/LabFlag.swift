import TriageKnowledge
import TriageModel

/// A lab's own abnormal flag (HL7 style: `L`, `LL`, `H`, `HH`, `N`, `A`), read so that it can be
/// compared with the computed status.
enum LabFlag: Equatable {
    case low, criticalLow, high, criticalHigh, normal, abnormal

    /// Reads `L`, `low`, `LL`, `critical low`, `H`, `HH`, `N`, `normal`, `A`, `abnormal` in any
    /// case; nil for anything else.
    init?(_ text: String) {
        switch TermKey.key(text) {
        case "l", "low", "below": self = .low
        case "ll", "critical low", "critically low", "panic low", "lc": self = .criticalLow
        case "h", "high", "above": self = .high
        case "hh", "critical high", "critically high", "panic high", "hc": self = .criticalHigh
        case "n", "normal", "wnl", "within normal limits": self = .normal
        case "a", "abnormal", "abn": self = .abnormal
        default: return nil
        }
    }

    /// Whether the flag says what `status` says. A plain `L` or `H` agrees with a critical value
    /// in the same direction (many labs flag critical values `L`/`H` and phone them); `LL` or
    /// `HH` on a value the tables do not call critical disagrees.
    func agrees(with status: LabResult.Status) -> Bool {
        switch self {
        case .low: return status == .low || status == .criticalLow
        case .criticalLow: return status == .criticalLow
        case .high: return status == .high || status == .criticalHigh
        case .criticalHigh: return status == .criticalHigh
        case .normal: return status == .normal
        case .abnormal: return status.isAbnormal
        }
    }
}
