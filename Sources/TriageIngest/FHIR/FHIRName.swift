#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The FHIR R4 element names the readers look at (SPEC §3.9); every other name is `.other`
/// and its whole subtree is skipped.
///
/// JSON and XML spell FHIR the same way (a JSON key is an XML element's local name), so both
/// readers look names up here and drive one ``FHIRResourceBuilder``.
package enum FHIRName: UInt8, Sendable, CaseIterable {
    case resourceType, id, status, code, coding, system, subject, reference, identifier, value
    case effectiveDateTime, effectivePeriod, start, issued, valueQuantity, valueString, comparator, unit
    case dataAbsentReason, interpretation, referenceRange, low, high, type, gender, birthDate
    case entry, fullUrl, resource, contained, result, hasMember
    /// `effectiveInstant` and `valueInteger`: an Observation's `effective[x]` and `value[x]`
    /// the readers use beside the ones above.
    case effectiveInstant, valueInteger
    /// Any other `value[x]` (`valueCodeableConcept`, `valueRange`, …): a value the readers
    /// cannot use.
    case valueOther
    /// `code.text`, `coding.display`, `note.text` and a DiagnosticReport's `conclusion`: a local
    /// code's words and a lab's comment (SPEC §3.10). (A resource's own `text`, its narrative,
    /// is skipped whole: ``FHIRResourceBuilder/skips(_:)``.)
    case text, display, note, conclusion
    case other

    /// The name as FHIR writes it.
    package var spelling: String { self == .other || self == .valueOther ? "" : String(describing: self) }

    /// A spelling in the lookup table: where its bytes are, how many, and its first bytes
    /// packed into a word for a quick first comparison.
    private struct Entry {
        var bytes: UnsafePointer<UInt8>
        var count: Int
        var head: UInt64
        var name: FHIRName
    }

    /// Every spelling, shortest first, its bytes in one buffer that lives as long as the process (the table is
    /// read for every JSON key and XML element: no array is retained or released on the way).
    /// Written once, by the lazy initialiser, and only read after: safe to share.
    nonisolated(unsafe) private static let table: UnsafeBufferPointer<Entry> = {
        // Each spelling made once (`String(describing:)` reads the case's name through reflection),
        // then sorted by length.
        let named = FHIRName.allCases.filter { $0 != .other && $0 != .valueOther }.map { (name: $0, spelling: Array($0.spelling.utf8)) }
            .sorted { $0.spelling.count < $1.spelling.count }
        let names = named.map(\.name)
        let spellings = named.map(\.spelling)
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: spellings.reduce(0) { $0 + $1.count })
        let entries = UnsafeMutablePointer<Entry>.allocate(capacity: names.count)
        var offset = 0
        for (index, spelling) in spellings.enumerated() {
            (storage + offset).initialize(from: spelling, count: spelling.count)
            let bytes = UnsafePointer(storage + offset)
            entries.advanced(by: index).initialize(
                to: Entry(
                    bytes: bytes, count: spelling.count,
                    head: head(UnsafeBufferPointer(start: bytes, count: spelling.count)),
                    name: names[index]))
            offset += spelling.count
        }
        return UnsafeBufferPointer(start: entries, count: names.count)
    }()

    /// Up to the first eight bytes, little-endian, the rest zero.
    @inline(__always)
    private static func head(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var word: UInt64 = 0
        for index in 0..<min(bytes.count, 8) { word |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        return word
    }

    /// For each length, the range of ``table`` (sorted by length) whose spellings have it.
    nonisolated(unsafe) private static let rangesByLength: UnsafeBufferPointer<Range<Int>> = {
        let longest = table.map(\.count).max() ?? 0
        let ranges = UnsafeMutablePointer<Range<Int>>.allocate(capacity: longest + 1)
        for length in 0...longest {
            let first = table.firstIndex { $0.count == length } ?? 0
            let end = table.lastIndex { $0.count == length }.map { $0 + 1 } ?? 0
            (ranges + length).initialize(to: first..<max(first, end))
        }
        return UnsafeBufferPointer(start: ranges, count: longest + 1)
    }()

    /// The name whose spelling is `bytes`, or `.other`.
    package static func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> FHIRName {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .other }
        let head = head(bytes)
        // Both tables read through locals: each static is one lazy-initialisation check.
        let ranges = rangesByLength
        let entries = table
        if bytes.count < ranges.count {
            for index in ranges[bytes.count] where entries[index].head == head {
                let entry = entries[index]
                if entry.count <= 8 || memcmp(entry.bytes + 8, base + 8, entry.count - 8) == 0 { return entry.name }
            }
        }
        if bytes.count > 5, bytes[0] == 0x76, bytes[1] == 0x61, bytes[2] == 0x6C, bytes[3] == 0x75, bytes[4] == 0x65,
            bytes[5] &- 0x41 < 26
        {
            return .valueOther
        }
        return .other
    }

    /// The resource types the readers map (others are read past and counted).
    enum ResourceType: Sendable, Equatable {
        case observation, diagnosticReport, bundle, patient, other

        /// The type named `bytes` (`Observation`, …), or `.other`.
        static func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> ResourceType {
            func equals(_ text: StaticString) -> Bool {
                bytes.count == text.utf8CodeUnitCount
                    && bytes.elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
            }
            if equals("Observation") { return .observation }
            if equals("Bundle") { return .bundle }
            if equals("Patient") { return .patient }
            if equals("DiagnosticReport") { return .diagnosticReport }
            return .other
        }
    }
}
