import MemberwiseInit

/// One line of a report's data-quality section (SPEC §7 `dataQuality[]`): a problem with the
/// patient's data, merged over the rows where it repeats.
///
/// One item per problem and term: fifteen rows whose symptom text was not understood, all with
/// the same text, are one item naming the text and the fifteen lines (`journal.csv lines 7-21
/// (15 rows): symptom text not understood: "funny buzzy thing"`). Unlike a ``Diagnostic``, an
/// item may quote what the patient wrote (``term``): it goes into the patient's own report only,
/// never to stderr or logs.
@PackageMemberwiseInit
package struct DataQualityItem: Sendable, Hashable {
    /// The first place the problem occurs (file, first line, column there).
    package var location: SourceLocation
    /// What is wrong, and what was done about it (the diagnostic's message).
    package var message: String
    /// Whether data was lost.
    package var severity: Diagnostic.Severity
    /// The text the problem is about, as the patient wrote it, when it is about a term.
    package var term: String?
    /// Every line where it occurs, ascending (empty when the problem has no line).
    package var lines: [Int]
    /// How many times it occurs (rows, or places).
    package var count: Int
}
