/// An input file as the provenance of a report names it.
public struct InputFile: Sendable, Hashable, Comparable {
    /// The path relative to the input root.
    public var file: String
    /// The SHA-256 of its bytes, lowercase hex.
    public var sha256: String

    /// Creates an entry.
    public init(file: String, sha256: String) {
        self.file = file
        self.sha256 = sha256
    }

    public static func < (lhs: InputFile, rhs: InputFile) -> Bool { lhs.file < rhs.file }
}
