import TokenomicsCore

/// Sums over a set of ledger entries: requests, tokens by class and exact cost by part.
public struct LedgerTotals: Sendable, Hashable, Codable {
    /// Entries counted.
    public var requests: Int
    /// Entries among them that were priced.
    public var pricedRequests: Int
    /// Tokens by class (the estimated flags are not summed and stay empty).
    public var tokens: TokenCounts
    /// The exact total cost of the priced entries.
    public var cost: Money
    /// The cost by part.
    public var breakdown: CostBreakdown

    /// Creates totals; everything defaults to zero.
    public init(
        requests: Int = 0, pricedRequests: Int = 0, tokens: TokenCounts = TokenCounts(), cost: Money = .zero,
        breakdown: CostBreakdown = .zero
    ) {
        self.requests = requests
        self.pricedRequests = pricedRequests
        self.tokens = tokens
        self.cost = cost
        self.breakdown = breakdown
    }
}
