import Foundation

/// One cost key of the LiteLLM price map, decomposed:
/// `<base>[_above_1hr][_above_<N>k_tokens][_batches|_flex|_priority]`.
///
/// For example `cache_read_input_token_cost_above_200k_tokens_priority` is the cache-read rate
/// above 200,000 prompt tokens on the priority tier, and `cache_creation_input_token_cost_above_1hr`
/// is the 1-hour cache-write rate. Keys for tiers Tokenomics does not model (`_ultrafast`,
/// `_balanced`, `_decisions`), for other cache durations (`_above_12hr`) and for units it does not
/// count (per second, per character, per pixel, video) do not parse.
struct LiteLLMCostKey: Hashable {
    /// The token kind the rate prices.
    var kind: RateKind
    /// The long-context threshold in prompt tokens, or `nil` for the base rate.
    var threshold: Int64?
    /// The service tier.
    var tier: ServiceTier
    /// Whether this is DeepSeek's `input_cost_per_token_cache_hit`, used only when the map has no
    /// `cache_read_input_token_cost`.
    var isCacheHitAlias = false

    private static let bases: [String: RateKind] = [
        "input_cost_per_token": .input,
        "output_cost_per_token": .output,
        "output_cost_per_reasoning_token": .reasoning,
        "cache_read_input_token_cost": .cacheRead,
        "cache_creation_input_token_cost": .cacheWrite5m,
        "input_cost_per_audio_token": .audioInput,
        "output_cost_per_audio_token": .audioOutput,
        "input_cost_per_image_token": .imageInput,
        "output_cost_per_image_token": .imageOutput,
    ]

    private static let tierSuffixes: [(String, ServiceTier)] = [
        ("_batches", .batch), ("_flex", .flex), ("_priority", .priority),
    ]

    /// Decomposes `key`; `nil` when it is not a per-token rate Tokenomics prices.
    init?(_ key: String) {
        if key == "input_cost_per_token_cache_hit" {
            self.init(kind: .cacheRead, threshold: nil, tier: .standard, isCacheHitAlias: true)
            return
        }
        var rest = Substring(key)
        var tier = ServiceTier.standard
        for (suffix, named) in Self.tierSuffixes where rest.hasSuffix(suffix) {
            tier = named
            rest = rest.dropLast(suffix.count)
        }
        var threshold: Int64?
        if rest.hasSuffix("k_tokens"), let above = rest.range(of: "_above_", options: .backwards) {
            let digits = rest[above.upperBound..<rest.index(rest.endIndex, offsetBy: -8)]
            guard let thousands = Int64(digits), thousands > 0 else { return nil }
            threshold = thousands * 1000
            rest = rest[..<above.lowerBound]
        }
        var oneHour = false
        if rest.hasSuffix("_above_1hr") {
            oneHour = true
            rest = rest.dropLast("_above_1hr".count)
        }
        guard var kind = Self.bases[String(rest)] else { return nil }
        if oneHour {
            guard kind == .cacheWrite5m else { return nil }
            kind = .cacheWrite1h
        }
        self.init(kind: kind, threshold: threshold, tier: tier)
    }

    private init(kind: RateKind, threshold: Int64?, tier: ServiceTier, isCacheHitAlias: Bool = false) {
        self.kind = kind
        self.threshold = threshold
        self.tier = tier
        self.isCacheHitAlias = isCacheHitAlias
    }
}
