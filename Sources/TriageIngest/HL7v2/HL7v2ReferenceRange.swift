/// OBX-7 reference ranges: `3.5-5.1`, `3.5 - 5.1`, `<5`, `<=5`, `>10`, `>=10`.
package enum HL7v2ReferenceRange {
    /// Low and high, or nil when the text is none of those forms.
    package static func parse(_ text: String) -> (low: Double?, high: Double?)? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    /// Low and high from the component's bytes (escape sequences already decoded, or none).
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (low: Double?, high: Double?)? {
        let trimmed = XMLBytes.trimmed(bytes)
        guard let first = trimmed.first else { return nil }
        if first == 0x3C || first == 0x3E {  // < >
            let skip = trimmed.count > 1 && trimmed[1] == 0x3D ? 2 : 1  // <= >=
            guard let bound = NumberParser.parse(UnsafeBufferPointer(rebasing: trimmed[skip...])) else { return nil }
            return first == 0x3C ? (nil, bound) : (bound, nil)
        }
        // The dash between the bounds: the first after the first byte (a low bound may be negative).
        guard let dash = trimmed.dropFirst().firstIndex(of: 0x2D),
            let low = NumberParser.parse(UnsafeBufferPointer(rebasing: trimmed[..<dash])),
            let high = NumberParser.parse(UnsafeBufferPointer(rebasing: trimmed[(dash + 1)...]))
        else { return nil }
        return (low, high)
    }
}
