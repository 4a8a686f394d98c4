/// Which FHIR `coding.system` values name LOINC.
///
/// - `http://loinc.org`: the URI FHIR R4 gives LOINC (https://hl7.org/fhir/r4/loinc.html).
/// - `urn:oid:2.16.840.1.113883.6.1`: LOINC's HL7 OID written as a URI, which the HL7
///   Terminology CodeSystem `v3-loinc` lists as an identifier of the same code system
///   (https://terminology.hl7.org/CodeSystem-v3-loinc.html); exports converted from C-CDA or
///   HL7 v2 write it.
/// - `http://loinc.org/` (a trailing slash) and `https://loinc.org`: not the canonical URI,
///   but written by real exporters, and nothing else is meant by them.
enum FHIRCodeSystem {
    /// Whether `system` (trimmed) names LOINC.
    static func isLOINC(_ system: String?) -> Bool {
        switch system {
        case "http://loinc.org"?, "http://loinc.org/"?, "https://loinc.org"?, "https://loinc.org/"?,
            "urn:oid:2.16.840.1.113883.6.1"?:
            return true
        default: return false
        }
    }

    /// Whether a Patient identifier is a US social security number: its `system` is
    /// `http://hl7.org/fhir/sid/us-ssn` (FHIR R4's identifier registry) or the SSN OID
    /// `urn:oid:2.16.840.1.113883.4.1`, or its `type` is v2 table 0203 `SS`. Such a number is
    /// never a patient id (it would be written into every report and log).
    static func isSocialSecurity(system: String?, type: String?) -> Bool {
        system == "http://hl7.org/fhir/sid/us-ssn" || system == "urn:oid:2.16.840.1.113883.4.1" || type == "SS"
    }
}
