import Foundation
import TokenomicsCore

/// What the ledger stores per event: the whole event (tokens, modality, timing, attribution,
/// tags, outcome) and how it was priced (catalog version, tier, cost by part, total).
public struct LedgerEntry: Sendable, Hashable {
    /// The event, with ``TokenomicsCore/UsageEvent/pricedModel`` set when it was priced.
    public var event: UsageEvent
    /// The version of the catalog that priced it.
    public var catalogVersion: String
    /// The service tier whose rates applied.
    public var pricedTier: ServiceTier
    /// The long-context tier threshold that applied, or `nil` for base rates.
    public var longContextThreshold: Int64?
    /// The exact cost, or `nil` when the event is unpriced (never stored as $0).
    public var cost: Money?
    /// The cost by part (zero when unpriced).
    public var breakdown: CostBreakdown
    /// Why the event is unpriced, or `nil` when it is priced.
    public var unpricedReason: String?
    /// What caching did to the cost (zero when unpriced).
    public var cache: CacheAccounting

    /// The event's id: the ledger's key.
    public var id: String { event.id }
    /// Whether the event has a cost.
    public var isPriced: Bool { cost != nil }

    /// Creates an entry.
    public init(
        event: UsageEvent, catalogVersion: String, pricedTier: ServiceTier = .standard,
        longContextThreshold: Int64? = nil, cost: Money?, breakdown: CostBreakdown = .zero,
        unpricedReason: String? = nil, cache: CacheAccounting = .zero
    ) {
        self.event = event
        self.catalogVersion = catalogVersion
        self.pricedTier = pricedTier
        self.longContextThreshold = longContextThreshold
        self.cost = cost
        self.breakdown = breakdown
        self.unpricedReason = unpricedReason
        self.cache = cache
    }

    /// The entry for a priced event.
    public init(_ priced: PricedEvent) {
        self.init(
            event: priced.event, catalogVersion: priced.catalogVersion, pricedTier: priced.serviceTier,
            longContextThreshold: priced.longContextThreshold, cost: priced.cost, breakdown: priced.breakdown,
            unpricedReason: priced.issue?.message, cache: priced.cache)
    }
}
