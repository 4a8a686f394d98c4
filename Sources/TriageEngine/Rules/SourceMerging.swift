extension Array where Element == String {
    /// The union of two source lists, sorted.
    func merged(with other: [String]) -> [String] { Array(Set(self).union(other)).sorted() }
}
