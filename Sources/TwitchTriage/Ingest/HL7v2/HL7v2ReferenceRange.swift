/// OBX-7 reference ranges: `3.5-5.1`, `3.5 - 5.1`, `<5`, `<=5`, `>10`, `>=10`.
enum HL7v2ReferenceRange {
    /// Low and high, or nil when the text is none of those forms.
    static func parse(_ text: String) -> (low: Double?, high: Double?)? {
        let trimmed = text.trimmingSpaces()
        if trimmed.hasPrefix("<") {
            return NumberParser.parse(String(trimmed.dropFirst(trimmed.hasPrefix("<=") ? 2 : 1))).map { (nil, $0) }
        }
        if trimmed.hasPrefix(">") {
            return NumberParser.parse(String(trimmed.dropFirst(trimmed.hasPrefix(">=") ? 2 : 1))).map { ($0, nil) }
        }
        guard let dash = trimmed.dropFirst().firstIndex(of: "-"),
              let low = NumberParser.parse(String(trimmed[..<dash])),
              let high = NumberParser.parse(String(trimmed[trimmed.index(after: dash)...])) else { return nil }
        return (low, high)
    }
}
