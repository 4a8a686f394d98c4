import MemberwiseInit

/// An input file as the provenance of a report names it.
@PackageMemberwiseInit
package struct InputFile: Sendable, Hashable, Comparable {
    /// The path relative to the input root.
    package var file: String
    /// The SHA-256 of its bytes, lowercase hex.
    package var sha256: String

    package static func < (lhs: InputFile, rhs: InputFile) -> Bool { lhs.file < rhs.file }
}
