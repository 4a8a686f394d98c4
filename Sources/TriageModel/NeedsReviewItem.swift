import MemberwiseInit

/// Symptom text that was not understood (SPEC §4.1, §7 `needsReview[]`): a distinct text of one
/// file with the lines where the patient wrote it. Its presence keeps the patient out of
/// self-care and adds a clinician-review recommendation quoting it.
@PackageMemberwiseInit
package struct NeedsReviewItem: Sendable, Hashable {
    /// The file, relative to the input root.
    package var file: String
    /// The lines where the text occurs, ascending.
    package var lines: [Int]
    /// The text as written.
    package var text: String
    /// How many times it occurs.
    package var count: Int
}
