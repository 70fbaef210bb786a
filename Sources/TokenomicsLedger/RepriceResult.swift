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

    /// Prices a stored entry again and counts the outcome.
    ///
    /// - Parameters:
    ///   - old: the entry as stored.
    ///   - price: the new pricing (given the entry without its priced model).
    /// - Returns: the new entry when its pricing changed (to store), `nil` when it did not.
    mutating func reprice(_ old: LedgerEntry, with price: (LedgerEntry) -> LedgerEntry) -> LedgerEntry? {
        var unpriced = old
        unpriced.event.pricedModel = nil
        let new = price(unpriced)
        examined += 1
        if let cost = old.cost { oldTotal += cost }
        if let cost = new.cost { newTotal += cost }
        guard Self.pricingChanged(old, new) else { return nil }
        changed += 1
        if old.cost != nil, new.cost == nil { nowUnpriced += 1 }
        if old.cost == nil, new.cost != nil { nowPriced += 1 }
        return new
    }

    /// Adds the counts of a later batch.
    static func += (lhs: inout RepriceResult, rhs: RepriceResult) {
        lhs.examined += rhs.examined
        lhs.changed += rhs.changed
        lhs.nowPriced += rhs.nowPriced
        lhs.nowUnpriced += rhs.nowUnpriced
        lhs.oldTotal += rhs.oldTotal
        lhs.newTotal += rhs.newTotal
    }

    /// Whether re-pricing changed anything the ledger stores about an event's price.
    static func pricingChanged(_ old: LedgerEntry, _ new: LedgerEntry) -> Bool {
        old.cost != new.cost || old.catalogVersion != new.catalogVersion
            || old.event.pricedModel != new.event.pricedModel
            || old.pricedTier != new.pricedTier || old.longContextThreshold != new.longContextThreshold
            || old.breakdown != new.breakdown || old.cache != new.cache || old.unpricedReason != new.unpricedReason
    }
}
