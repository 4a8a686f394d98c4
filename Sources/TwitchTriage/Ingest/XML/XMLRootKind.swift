/// What an XML file is, judged by its root element alone (SPEC §3.1).
///
/// Our own formats have no namespace: `symptomJournal` and `labResults` in any namespace are
/// not ours. Formats we know but do not read yet are recognised by root name and namespace
/// (HL7 C-CDA `ClinicalDocument` in `urn:hl7-org:v3`, FHIR `Observation` and `Bundle` in
/// `http://hl7.org/fhir`, Apple Health `HealthData` with none) so that the refusal can say
/// what the file is.
enum XMLRootKind: Equatable {
    /// A symptom journal (SPEC §3.4).
    case journal
    /// Lab results (SPEC §3.6).
    case lab
    /// A file we cannot read; the message says why and that the file was skipped.
    case refused(String)

    private enum Name: Sendable {
        case symptomJournal, labResults, clinicalDocument, observation, bundle, healthData
    }

    private static let names = XMLNameTable<Name>([
        "symptomJournal": .symptomJournal, "labResults": .labResults, "ClinicalDocument": .clinicalDocument,
        "Observation": .observation, "Bundle": .bundle, "HealthData": .healthData,
    ])

    /// Classifies a root element.
    static func classify(_ root: XMLElementStart) -> XMLRootKind {
        let name = names.lookup(root.localName)
        let uri = root.namespaceURI
        switch name {
        case .symptomJournal?, .labResults?:
            guard uri == nil else { return .refused(Messages.ownRootInNamespace(root.displayName)) }
            return name == .symptomJournal ? .journal : .lab
        case .clinicalDocument? where uri.map({ XMLBytes.equals($0, "urn:hl7-org:v3") }) == true:
            return .refused(Messages.unsupported("HL7 C-CDA document (root ClinicalDocument)"))
        case .observation? where uri.map({ XMLBytes.equals($0, "http://hl7.org/fhir") }) == true:
            return .refused(Messages.unsupported("FHIR Observation (root Observation)"))
        case .bundle? where uri.map({ XMLBytes.equals($0, "http://hl7.org/fhir") }) == true:
            return .refused(Messages.unsupported("FHIR Bundle (root Bundle)"))
        case .healthData? where uri == nil:
            return .refused(Messages.unsupported("Apple Health export (root HealthData)"))
        default:
            return .refused(Messages.unknownRoot(root.displayName, inNamespace: uri != nil))
        }
    }

    private enum Messages {
        static func ownRootInNamespace(_ name: String) -> String {
            "XML root element '\(name)' is in a namespace, but twitch-triage's formats have none; file skipped"
        }

        static func unsupported(_ what: String) -> String {
            "\(what) is not supported yet; file skipped"
        }

        static func unknownRoot(_ name: String, inNamespace: Bool) -> String {
            let namespace = inNamespace ? " (in a namespace)" : ""
            return "XML root element '\(name)'\(namespace) is not a known kind (expected symptomJournal or labResults); file skipped"
        }
    }
}
