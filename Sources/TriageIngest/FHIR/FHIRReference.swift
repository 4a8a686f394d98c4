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

    /// The reference without a version (`…/Patient/ID/_history/2` is `…/Patient/ID`): a
    /// Bundle's `fullUrl` and `Patient/id` name the resource, not one version of it.
    static func withoutVersion(_ reference: String) -> String {
        guard reference.utf8.contains(0x5F) else { return reference }  // no `_`: no `_history` (the usual case, no split)
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 4, parts[parts.count - 2] == "_history" else { return reference }
        return parts.dropLast(2).joined(separator: "/")
    }
}
