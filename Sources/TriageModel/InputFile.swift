/// An input file as the provenance of a report names it.
package struct InputFile: Sendable, Hashable, Comparable {
    /// The path relative to the input root.
    package var file: String
    /// The SHA-256 of its bytes, lowercase hex.
    package var sha256: String

    /// Creates an entry.
    package init(file: String, sha256: String) {
        self.file = file
        self.sha256 = sha256
    }

    package static func < (lhs: InputFile, rhs: InputFile) -> Bool { lhs.file < rhs.file }
}
