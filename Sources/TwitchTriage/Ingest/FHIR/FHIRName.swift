/// The FHIR R4 element names the readers look at (SPEC §3.9); every other name is `.other`
/// and its whole subtree is skipped.
///
/// JSON and XML spell FHIR the same way (a JSON key is an XML element's local name), so both
/// readers look names up here and drive one ``FHIRResourceBuilder``.
enum FHIRName: UInt8, Sendable, CaseIterable {
    case resourceType, id, status, code, coding, system, subject, reference, identifier, value
    case effectiveDateTime, effectivePeriod, start, issued, valueQuantity, valueString, comparator, unit
    case dataAbsentReason, interpretation, referenceRange, low, high, type, gender, birthDate
    case entry, fullUrl, resource, contained, result, hasMember
    /// Any other `value[x]` (`valueCodeableConcept`, `valueRange`, …): a value the readers
    /// cannot use.
    case valueOther
    case other

    /// The name as FHIR writes it.
    var spelling: String { self == .other || self == .valueOther ? "" : String(describing: self) }

    private static let table: [(bytes: [UInt8], name: FHIRName)] = FHIRName.allCases
        .filter { $0 != .other && $0 != .valueOther }.map { (Array($0.spelling.utf8), $0) }

    /// The name whose spelling is `bytes`, or `.other`.
    static func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> FHIRName {
        guard let first = bytes.first else { return .other }
        for entry in table where entry.bytes.count == bytes.count && entry.bytes[0] == first {
            if entry.bytes.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) { return entry.name }
        }
        if bytes.count > 5, bytes[0] == 0x76, bytes[1] == 0x61, bytes[2] == 0x6C, bytes[3] == 0x75, bytes[4] == 0x65,
           bytes[5] &- 0x41 < 26 {
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
                bytes.count == text.utf8CodeUnitCount && bytes.elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
            }
            if equals("Observation") { return .observation }
            if equals("Bundle") { return .bundle }
            if equals("Patient") { return .patient }
            if equals("DiagnosticReport") { return .diagnosticReport }
            return .other
        }
    }
}
