/// The totals of the entries that share one value of a grouping key.
public struct LedgerGroup: Sendable, Hashable, Codable {
    /// The key's value, or `nil` for entries without one.
    public var key: String?
    /// The sums over the group.
    public var totals: LedgerTotals

    /// Creates a group.
    public init(key: String?, totals: LedgerTotals) {
        self.key = key
        self.totals = totals
    }
}
