import TokenomicsCore

/// What re-pricing a range of the ledger changed.
public struct RepriceResult: Sendable, Hashable {
    /// Events read.
    public var examined = 0
    /// Events whose pricing changed (cost, catalog version, priced model or tier); their previous
    /// pricing is kept in the ledger's repricings.
    public var changed = 0
    /// Events priced before and unpriced under the new catalog (their old cost is kept).
    public var nowUnpriced = 0
    /// Events unpriced before and priced now.
    public var nowPriced = 0
    /// The cost of the examined events before, over those that had one.
    public var oldTotal: Money = .zero
    /// The cost of the examined events now, over those that have one.
    public var newTotal: Money = .zero

    /// Creates an empty result.
    public init() {}
}
