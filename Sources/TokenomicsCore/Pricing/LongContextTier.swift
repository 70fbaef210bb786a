/// Rates that replace a model's rates when the prompt is larger than a threshold.
///
/// Above the threshold *all* tokens of the request use these rates, cache rates included
/// (FRAMEWORK.md §2): Gemini 2.5 Pro above 200k prompt tokens, Claude Sonnet with 1M context.
public struct LongContextTier: Sendable, Hashable, Codable {
    /// The tier applies when the prompt (`tokens.prompt`) has *more* than this many tokens.
    public var threshold: Int64
    /// Standard-tier rates above the threshold.
    public var rates: RateSet
    /// Batch, flex and priority rates above the threshold.
    public var tiers: [ServiceTier: RateSet]

    /// Creates a long-context tier.
    ///
    /// - Parameters:
    ///   - threshold: prompt tokens above which the tier applies.
    ///   - rates: standard-tier rates above the threshold.
    ///   - tiers: service-tier rates above the threshold.
    public init(threshold: Int64, rates: RateSet, tiers: [ServiceTier: RateSet] = [:]) {
        self.threshold = threshold
        self.rates = rates
        self.tiers = tiers
    }
}
