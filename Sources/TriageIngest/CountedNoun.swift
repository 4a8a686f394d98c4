/// A noun in the singular and the plural, for the counts the readers' messages give once per
/// file: `1 OBX has …`, `3 OBX segments have …`, `1 result`, `2 results`.
package struct CountedNoun: Sendable, Hashable {
    /// The singular: `OBX`.
    package var one: String
    /// The plural: `OBX segments`.
    package var many: String

    /// A noun with its plural.
    package init(_ one: String, _ many: String) {
        self.one = one
        self.many = many
    }

    /// A noun whose plural adds `s`: `result`, `results`.
    package init(_ one: String) {
        self.init(one, one + "s")
    }

    /// `1 result`, `2 results`.
    package func counted(_ count: Int) -> String {
        count == 1 ? "1 \(one)" : "\(count) \(many)"
    }

    /// `1 OBX has <what>`, `2 OBX segments have <what>`.
    package func counted(_ count: Int, have what: String) -> String {
        (count == 1 ? "1 \(one) has " : "\(count) \(many) have ") + what
    }

    /// `1 row is <what>`, `2 rows are <what>`.
    package func counted(_ count: Int, are what: String) -> String {
        (count == 1 ? "1 \(one) is " : "\(count) \(many) are ") + what
    }
}
