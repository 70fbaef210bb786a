/// What an event's prompt caching did to its cost: the cache-write cost at the one-hour rate, and
/// what the cached tokens would have cost as plain input.
///
/// These are not further parts of the cost (``CostBreakdown`` holds those); they are the baseline
/// that cache economics compare against: the money saved by cache reads is
/// `readsAtInputRate − breakdown.cacheRead`, and the premium paid for cache writes is
/// `breakdown.cacheWrite − writesAtInputRate`.
public struct CacheAccounting: Sendable, Hashable, Codable {
    /// The cache-read tokens priced at the input rate (the cache-read cost when the model has no
    /// input rate, so that no saving is claimed).
    public var readsAtInputRate: Money
    /// The cache-write tokens priced at the input rate.
    public var writesAtInputRate: Money
    /// The part of ``CostBreakdown/cacheWrite`` billed at the one-hour rate (the rest is at the
    /// five-minute rate).
    public var writes1h: Money

    /// Creates the accounting of one event or a sum of events.
    public init(readsAtInputRate: Money = .zero, writesAtInputRate: Money = .zero, writes1h: Money = .zero) {
        self.readsAtInputRate = readsAtInputRate
        self.writesAtInputRate = writesAtInputRate
        self.writes1h = writes1h
    }

    /// No cached tokens.
    public static let zero = CacheAccounting()

    /// Adds another event's accounting.
    public static func += (lhs: inout CacheAccounting, rhs: CacheAccounting) {
        lhs.readsAtInputRate += rhs.readsAtInputRate
        lhs.writesAtInputRate += rhs.writesAtInputRate
        lhs.writes1h += rhs.writes1h
    }
}
