import MemberwiseInit

/// An associated symptom as a journal entry wrote it: its name and, from XML, a severity and
/// where it was felt.
@PackageMemberwiseInit
package struct SymptomMention: Sendable, Hashable {
    /// The symptom's name as written ("pins and needles").
    package var name: Term
    /// Severity 0-3 where given (XML `severity`).
    package var severity: Int?
    /// Where it was felt, as written (XML `location`).
    package var bodyLocation: Term?
}
