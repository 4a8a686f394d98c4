/// Reading a FHIR reference.
enum FHIRReference {
    /// The ID of a `Patient/ID` reference, relative or at the end of a URL
    /// (`https://server/fhir/Patient/ID`, `…/Patient/ID/_history/2`); nil for anything else.
    static func patientID(in reference: String) -> String? {
        var parts = reference.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 4, parts[parts.count - 2] == "_history" { parts.removeLast(2) }
        guard parts.count >= 2, parts[parts.count - 2] == "Patient" else { return nil }
        let id = parts[parts.count - 1].trimmingSpaces()
        return id.isEmpty ? nil : id
    }
}
