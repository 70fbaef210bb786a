/// Additive sums over a set of priced events: what every spend analysis is computed from.
///
/// The ledger keeps these per hour and attribution (its rollups) so that a report over millions
/// of events adds up a few thousand rows; ``+=`` merges two sets of events exactly.
public struct SpendSums: Sendable, Hashable {
    /// Events (API requests) counted.
    public var requests: Int64 = 0
    /// Events without a price: their tokens are counted, their cost is not (never as $0).
    public var unpricedRequests: Int64 = 0
    /// Tokens by class, over every event (``TokenCounts/estimated`` is not used).
    public var tokens = TokenCounts()
    /// Audio and image tokens, images, billed requests and web searches.
    public var modality = ModalityCounts(requests: 0)
    /// The hidden reasoning tokens that were estimated rather than reported by the provider.
    public var reasoningEstimated: Int64 = 0
    /// The exact cost of the priced events.
    public var cost: Money = .zero
    /// The cost by part.
    public var breakdown: CostBreakdown = .zero
    /// The part of the reasoning cost that is for estimated reasoning tokens.
    public var reasoningEstimatedCost: Money = .zero
    /// What caching did to the cost.
    public var cache: CacheAccounting = .zero
    /// Events that carry an outcome.
    public var outcomes: Int64 = 0
    /// Events whose outcome was accepted (`success` true).
    public var accepted: Int64 = 0
    /// The sum of the outcomes' quality scores, over ``qualityCount`` events.
    public var qualitySum: Double = 0
    /// Events whose outcome has a quality score.
    public var qualityCount: Int64 = 0
    /// The sum of the outcomes' value in dollars.
    public var value: Money = .zero
    /// Events whose outcome has a value.
    public var valued: Int64 = 0

    /// Empty sums.
    public init() {}

    /// Adds one event.
    ///
    /// - Parameters:
    ///   - event: the event (tokens, estimated classes, outcome).
    ///   - cost: its cost, or `nil` when unpriced.
    ///   - breakdown: its cost by part.
    ///   - cache: its cache accounting.
    public mutating func add(_ event: UsageEvent, cost: Money?, breakdown: CostBreakdown, cache: CacheAccounting) {
        requests += 1
        tokens += event.tokens
        modality += event.modality
        let reasoningIsEstimated = event.tokens.isEstimated(.reasoning)
        if reasoningIsEstimated { reasoningEstimated += event.tokens.reasoning }
        if let cost {
            self.cost += cost
            self.breakdown += breakdown
            self.cache += cache
            if reasoningIsEstimated { reasoningEstimatedCost += breakdown.reasoning }
        } else {
            unpricedRequests += 1
        }
        guard let outcome = event.outcome else { return }
        outcomes += 1
        if outcome.success == true { accepted += 1 }
        if let quality = outcome.quality {
            qualitySum += quality
            qualityCount += 1
        }
        if let worth = outcome.valueUSD {
            value += worth
            valued += 1
        }
    }

    /// Merges the sums of another set of events.
    public static func += (lhs: inout SpendSums, rhs: SpendSums) {
        lhs.requests += rhs.requests
        lhs.unpricedRequests += rhs.unpricedRequests
        lhs.tokens += rhs.tokens
        lhs.tokens.estimated = []
        lhs.modality += rhs.modality
        lhs.reasoningEstimated += rhs.reasoningEstimated
        lhs.cost += rhs.cost
        lhs.breakdown += rhs.breakdown
        lhs.reasoningEstimatedCost += rhs.reasoningEstimatedCost
        lhs.cache += rhs.cache
        lhs.outcomes += rhs.outcomes
        lhs.accepted += rhs.accepted
        lhs.qualitySum += rhs.qualitySum
        lhs.qualityCount += rhs.qualityCount
        lhs.value += rhs.value
        lhs.valued += rhs.valued
    }

    /// The sums with every figure negated: adding them takes a set of events back out.
    public static prefix func - (sums: SpendSums) -> SpendSums {
        var negated = SpendSums()
        negated.requests = -sums.requests
        negated.unpricedRequests = -sums.unpricedRequests
        let tokens = sums.tokens
        negated.tokens = TokenCounts(
            input: -tokens.input, cacheRead: -tokens.cacheRead, cacheWrite5m: -tokens.cacheWrite5m,
            cacheWrite1h: -tokens.cacheWrite1h, retrieval: -tokens.retrieval, output: -tokens.output,
            reasoning: -tokens.reasoning)
        let media = sums.modality
        negated.modality = ModalityCounts(
            audioInputTokens: -media.audioInputTokens, audioOutputTokens: -media.audioOutputTokens,
            imageInputTokens: -media.imageInputTokens, imageOutputTokens: -media.imageOutputTokens,
            images: -media.images, requests: -media.requests, webSearchQueries: -media.webSearchQueries)
        negated.reasoningEstimated = -sums.reasoningEstimated
        negated.cost = .zero - sums.cost
        var parts = CostBreakdown.zero
        parts += sums.breakdown
        negated.breakdown = CostBreakdown(
            input: .zero - parts.input, cacheRead: .zero - parts.cacheRead, cacheWrite: .zero - parts.cacheWrite,
            retrieval: .zero - parts.retrieval, output: .zero - parts.output, reasoning: .zero - parts.reasoning,
            audio: .zero - parts.audio, image: .zero - parts.image, requests: .zero - parts.requests,
            webSearch: .zero - parts.webSearch)
        negated.reasoningEstimatedCost = .zero - sums.reasoningEstimatedCost
        negated.cache = CacheAccounting(
            readsAtInputRate: .zero - sums.cache.readsAtInputRate,
            writesAtInputRate: .zero - sums.cache.writesAtInputRate,
            writes1h: .zero - sums.cache.writes1h)
        negated.outcomes = -sums.outcomes
        negated.accepted = -sums.accepted
        negated.qualitySum = -sums.qualitySum
        negated.qualityCount = -sums.qualityCount
        negated.value = .zero - sums.value
        negated.valued = -sums.valued
        return negated
    }
}
