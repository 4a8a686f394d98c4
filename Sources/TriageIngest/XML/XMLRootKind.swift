/// What an XML file is, judged by its root element alone (SPEC §3.1).
///
/// Our own formats have no namespace: `symptomJournal` and `labResults` in any namespace are
/// not ours. The exchange formats are recognised by root name and namespace (SPEC §3.9): a
/// FHIR resource in `http://hl7.org/fhir`, HL7 C-CDA `ClinicalDocument` in `urn:hl7-org:v3`;
/// a bare C-CDA `section` (in that namespace or none) has no patient and is refused; Apple
/// Health `HealthData` has no namespace.
enum XMLRootKind: Equatable {
    /// A symptom journal (SPEC §3.4).
    case journal
    /// Lab results (SPEC §3.6).
    case lab
    /// A FHIR R4 resource of a type the FHIR reader maps.
    case fhir(FHIRName.ResourceType)
    /// An HL7 C-CDA document.
    case ccda
    /// An Apple Health export.
    case appleHealth
    /// A file we cannot read; the message says why and that the file was skipped.
    case refused(String)

    private enum Name: Sendable {
        case symptomJournal, labResults, clinicalDocument, section, healthData
    }

    private static let names = XMLNameTable<Name>([
        "symptomJournal": .symptomJournal, "labResults": .labResults, "ClinicalDocument": .clinicalDocument,
        "section": .section, "HealthData": .healthData,
    ])

    /// Classifies a root element.
    static func classify(_ root: XMLElementStart) -> XMLRootKind {
        let name = names.lookup(root.localName)
        let uri = root.namespaceURI
        let inHL7v3 = uri.map { XMLBytes.equals($0, "urn:hl7-org:v3") } == true
        if let uri, XMLBytes.equals(uri, "http://hl7.org/fhir") {
            let length = strlen(root.localName)
            let type = FHIRName.ResourceType.lookup(UnsafeBufferPointer(start: root.localName, count: length))
            guard type != .other else { return .refused(Messages.otherFHIR(root.displayName)) }
            return .fhir(type)
        }
        switch name {
        case .symptomJournal?, .labResults?:
            guard uri == nil else { return .refused(Messages.ownRootInNamespace(root.displayName)) }
            return name == .symptomJournal ? .journal : .lab
        case .clinicalDocument? where inHL7v3:
            return .ccda
        case .section? where inHL7v3 || uri == nil:
            return .refused(Messages.sectionFragment)
        case .healthData? where uri == nil:
            return .appleHealth
        default:
            return .refused(Messages.unknownRoot(root.displayName, inNamespace: uri != nil))
        }
    }

    private static func strlen(_ name: UnsafePointer<UInt8>) -> Int {
        var count = 0
        while name[count] != 0 { count += 1 }
        return count
    }

    private enum Messages {
        static let sectionFragment = "HL7 C-CDA section fragment (root section) has no patient (no recordTarget); file skipped"

        static func ownRootInNamespace(_ name: String) -> String {
            "XML root element '\(name)' is in a namespace, but twitch-triage's formats have none; file skipped"
        }

        static func otherFHIR(_ name: String) -> String {
            "FHIR resource '\(name)' is of a type twitch-triage does not read (only Observation, DiagnosticReport, Bundle, Patient); file skipped"
        }

        static func unknownRoot(_ name: String, inNamespace: Bool) -> String {
            let namespace = inNamespace ? " (in a namespace)" : ""
            return "XML root element '\(name)'\(namespace) is not a known kind (expected symptomJournal or labResults); file skipped"
        }
    }
}
