/// What a reader got out of one file: the records it could read, and every problem, each
/// already saying what was done about it.
public struct ReadResult: Sendable, Hashable {
    /// The kind the file was read as.
    public var kind: FileKind
    /// Journal entries read.
    public var journal: [JournalRecord] = []
    /// Lab results read.
    public var labs: [LabRecord] = []
    /// Demographics read.
    public var demographics: [PatientDemographics] = []
    /// What a phone export (Apple Health) holds, unattached until ``AppleHealthAttachment``
    /// gives it its patient; nil for every other kind.
    public var phone: PhoneExport?
    /// Problems, in file order.
    public var diagnostics: [Diagnostic] = []
    /// Whether the whole file was refused (not CSV at all, malformed XML before any record…).
    public var rejected = false

    /// Creates an empty result for a kind.
    public init(kind: FileKind) {
        self.kind = kind
    }
}
