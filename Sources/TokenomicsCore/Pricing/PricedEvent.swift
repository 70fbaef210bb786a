/// A usage event with its price: the exact cost, what each part cost, and under which catalog,
/// tier and context tier it was priced.
///
/// An event that cannot be priced (unknown model, missing rate) has `cost == nil`, a zero
/// breakdown and an ``issue`` saying why. It is never reported as costing $0.
public struct PricedEvent: Sendable, Hashable {
    /// The event, with ``UsageEvent/pricedModel`` set to the catalog id it was priced as.
    public var event: UsageEvent
    /// The exact cost, or `nil` when the event is unpriced.
    public var cost: Money?
    /// The cost by part; `cost == breakdown.total` for a priced event.
    public var breakdown: CostBreakdown
    /// Why the event is unpriced (``IngestIssue/Kind/unknownModel`` or ``IngestIssue/Kind/missingRate``).
    public var issue: IngestIssue?
    /// The version of the catalog that priced it.
    public var catalogVersion: String
    /// The service tier whose rates applied.
    public var serviceTier: ServiceTier
    /// The threshold of the long-context tier whose rates applied, or `nil` for base rates.
    public var longContextThreshold: Int64?
    /// What caching did to the cost (zero when unpriced or nothing was cached).
    public var cache: CacheAccounting = .zero

    /// Creates a priced event.
    ///
    /// - Parameters:
    ///   - event: the event (with `pricedModel` set when the model was found).
    ///   - cost: the exact cost, or `nil` when unpriced.
    ///   - breakdown: the cost by part.
    ///   - issue: why the event is unpriced.
    ///   - catalogVersion: the catalog's version.
    ///   - serviceTier: the tier whose rates applied.
    ///   - longContextThreshold: the long-context tier that applied.
    @inline(__always)
    public init(
        event: UsageEvent, cost: Money?, breakdown: CostBreakdown = .zero, issue: IngestIssue? = nil,
        catalogVersion: String, serviceTier: ServiceTier = .standard, longContextThreshold: Int64? = nil
    ) {
        self.event = event
        self.cost = cost
        self.breakdown = breakdown
        self.issue = issue
        self.catalogVersion = catalogVersion
        self.serviceTier = serviceTier
        self.longContextThreshold = longContextThreshold
    }

    /// Whether the event has a cost.
    public var isPriced: Bool { cost != nil }

    /// Marks the event unpriced: no cost, a zero breakdown and the reason.
    mutating func unprice(_ reason: IngestIssue, longContextThreshold: Int64?) {
        cost = nil
        breakdown = .zero
        cache = .zero
        issue = reason
        self.longContextThreshold = longContextThreshold
    }
}
