/// What every reader needs to know beyond the bytes.
public struct ReadOptions: Sendable, Hashable {
    /// How to read slash dates; nil refuses them.
    public var dateOrder: DateOrder?

    /// Creates options.
    public init(dateOrder: DateOrder? = nil) {
        self.dateOrder = dateOrder
    }
}
