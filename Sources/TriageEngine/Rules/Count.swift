/// A number with its unit, singular or plural, for the `{placeholders}` of the knowledge's
/// sentences: `1 day`, `3 days`, `1 entry`, `2 entries` (the sentences themselves are data).
enum Count {
    /// `1 day`, `3 days`.
    static func days(_ count: Int) -> String { "\(count) day\(count == 1 ? "" : "s")" }

    /// `1 entry`, `2 entries`.
    static func entries(_ count: Int) -> String { "\(count) entr\(count == 1 ? "y" : "ies")" }
}
