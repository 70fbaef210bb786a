/// The figures a spend analysis reads off a set of events: hidden-token share, cache economics,
/// and what the spend bought.
///
/// Ratios are `nil` where their denominator is zero (no tokens, no cost, nothing accepted), never
/// a made-up 0.
extension SpendSums {
    /// The hidden reasoning tokens: billed, not shown.
    public var hiddenTokens: Int64 { tokens.reasoning }

    /// The hidden reasoning tokens the provider reported (the rest were estimated).
    public var hiddenTokensReported: Int64 { tokens.reasoning - reasoningEstimated }

    /// Hidden tokens as a share of all tokens.
    public var hiddenTokenShare: Double? { Self.ratio(Double(tokens.reasoning), Double(tokens.total)) }

    /// Reported hidden tokens as a share of all tokens.
    public var hiddenTokenShareReported: Double? {
        Self.ratio(Double(hiddenTokensReported), Double(tokens.total))
    }

    /// Estimated hidden tokens as a share of all tokens.
    public var hiddenTokenShareEstimated: Double? { Self.ratio(Double(reasoningEstimated), Double(tokens.total)) }

    /// The cost of the hidden tokens as a share of the cost.
    public var hiddenCostShare: Double? {
        Self.ratio(breakdown.reasoning.approximateDollars, cost.approximateDollars)
    }

    /// The cost of reported hidden tokens as a share of the cost.
    public var hiddenCostShareReported: Double? {
        Self.ratio((breakdown.reasoning - reasoningEstimatedCost).approximateDollars, cost.approximateDollars)
    }

    /// The cost of estimated hidden tokens as a share of the cost.
    public var hiddenCostShareEstimated: Double? {
        Self.ratio(reasoningEstimatedCost.approximateDollars, cost.approximateDollars)
    }

    /// Cache reads as a share of all prompt tokens (uncached input, cache reads, cache writes,
    /// retrieval).
    public var cacheHitRate: Double? { Self.ratio(Double(tokens.cacheRead), Double(tokens.prompt)) }

    /// The money cache reads saved against paying the input rate for the same tokens.
    public var cacheReadSavings: Money { cache.readsAtInputRate - breakdown.cacheRead }

    /// What cache writes cost beyond the input rate (negative when writes are cheaper, e.g. free).
    public var cacheWritePremium: Money { breakdown.cacheWrite - cache.writesAtInputRate }

    /// The net money caching saved: read savings less the write premium.
    public var cacheNetSavings: Money { cacheReadSavings - cacheWritePremium }

    /// What the cached tokens would have cost without a cache, plus the rest of the cost.
    public var uncachedCost: Money { cost + cacheNetSavings }

    /// The cost of one accepted outcome: all cost over accepted outcomes.
    public var costPerAcceptedOutcome: Money? {
        accepted > 0 ? Money(attodollars: cost.attodollars / Int128(accepted)) : nil
    }

    /// Outcomes accepted as a share of outcomes recorded.
    public var acceptanceRate: Double? { Self.ratio(Double(accepted), Double(outcomes)) }

    /// The mean quality score of the outcomes that have one.
    public var meanQuality: Double? { Self.ratio(qualitySum, Double(qualityCount)) }

    /// Token productivity: outcome value in dollars per 1,000 tokens.
    public var valuePerThousandTokens: Double? {
        valued > 0 ? Self.ratio(value.approximateDollars * 1_000, Double(tokens.total)) : nil
    }

    /// Outcome value per dollar of cost: the "spend is not value" ratio.
    public var valuePerDollar: Double? {
        valued > 0 ? Self.ratio(value.approximateDollars, cost.approximateDollars) : nil
    }

    private static func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
        denominator > 0 ? numerator / denominator : nil
    }
}
