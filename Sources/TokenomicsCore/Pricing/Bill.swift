/// The arithmetic of one event's price: count × rate per token for each kind, from one compiled
/// rate set, noting the first kind that has tokens but no rate.
struct Bill {
    /// Not retained: a bill lives for one call of ``charge(_:_:into:)``, while its caller holds the
    /// compiled price.
    unowned(unsafe) let compiled: CompiledPrice
    let base: Int
    let mask: UInt16
    /// The name of the first rate that was needed and unknown.
    private(set) var missing: String?

    init(compiled: CompiledPrice, set: Int) {
        self.compiled = compiled
        self.base = set * CompiledPrice.slots
        self.mask = compiled.known[set]
    }

    /// `count × rate` exactly: one full-width 64-bit multiplication when the rate fits in 64 bits
    /// (every real price does: that is up to $9.2 a token), else a checked 128-bit one.
    @inline(__always)
    static func product(_ count: Int64, _ rate: Int128) -> Int128 {
        guard let narrow = Int64(exactly: rate) else { return Int128(count) * rate }
        let (high, low) = count.multipliedFullWidth(by: narrow)
        return Int128(high) << 64 | Int128(low)
    }

    /// The cost of `count` tokens of `kind`, or zero (noting the gap) when its rate is unknown.
    @inline(__always)
    private mutating func cost(_ kind: RateKind, _ slot: Int, _ count: Int64) -> Int128 {
        guard count != 0 else { return 0 }
        guard mask & (1 << UInt16(slot)) != 0 else {
            if missing == nil { missing = kind.rawValue }
            return 0
        }
        // `base + slot` is inside the table: the set was picked among the compiled ones.
        return Self.product(count, compiled.perToken.withUnsafeBufferPointer { $0[base &+ slot] })
    }

    /// Prices every count of an event into `breakdown`, every part of which it sets.
    /// The cache baseline of an event with cached tokens: its cached tokens at the input rate.
    private func account(
        _ tokens: TokenCounts, write1h: Int128, breakdown: CostBreakdown, into cache: inout CacheAccounting
    ) {
        let hasInputRate = mask & 1 != 0
        let input = hasInputRate ? compiled.perToken.withUnsafeBufferPointer { $0[base] } : 0
        cache.readsAtInputRate =
            hasInputRate ? Money(attodollars: Self.product(tokens.cacheRead, input)) : breakdown.cacheRead
        cache.writesAtInputRate =
            hasInputRate ? Money(attodollars: Self.product(tokens.cacheWrite, input)) : breakdown.cacheWrite
        cache.writes1h = Money(attodollars: write1h)
    }

    mutating func charge(
        _ tokens: TokenCounts, _ modality: ModalityCounts, into breakdown: inout CostBreakdown,
        cache: inout CacheAccounting
    ) {
        breakdown.input = Money(attodollars: cost(.input, 0, tokens.input))
        breakdown.cacheRead = Money(attodollars: cost(.cacheRead, 1, tokens.cacheRead))
        let write5m = cost(.cacheWrite5m, 2, tokens.cacheWrite5m)
        let write1h = cost(.cacheWrite1h, 3, tokens.cacheWrite1h)
        breakdown.cacheWrite = Money(attodollars: write5m + write1h)
        if tokens.cacheRead == 0, tokens.cacheWrite5m == 0, tokens.cacheWrite1h == 0 {
            cache = .zero
        } else {
            account(tokens, write1h: write1h, breakdown: breakdown, into: &cache)
        }
        breakdown.retrieval = Money(attodollars: cost(.retrieval, 4, tokens.retrieval))
        breakdown.output = Money(attodollars: cost(.output, 5, tokens.output))
        breakdown.reasoning = Money(attodollars: cost(.reasoning, 6, tokens.reasoning))
        let fee = compiled.requestFee
        breakdown.requests = Money(
            attodollars: modality.requests == 0 || fee == 0 ? 0 : Self.product(modality.requests, fee))
        guard modality.hasMedia else {
            // The common case: text only.
            breakdown.audio = .zero
            breakdown.image = .zero
            breakdown.webSearch = .zero
            return
        }
        let audioIn = cost(.audioInput, 7, modality.audioInputTokens)
        breakdown.audio = Money(attodollars: audioIn + cost(.audioOutput, 8, modality.audioOutputTokens))
        var image = cost(.imageInput, 9, modality.imageInputTokens)
        image += cost(.imageOutput, 10, modality.imageOutputTokens)
        if modality.images != 0, modality.imageOutputTokens == 0 {
            if let fee = compiled.imageFee {
                image += Self.product(modality.images, fee)
            } else if missing == nil {
                missing = "image"
            }
        }
        breakdown.image = Money(attodollars: image)
        breakdown.webSearch = .zero
        if modality.webSearchQueries != 0 {
            if let fee = compiled.webSearchFee {
                breakdown.webSearch = Money(attodollars: Self.product(modality.webSearchQueries, fee))
            } else if missing == nil {
                missing = "web_search"
            }
        }
    }
}
