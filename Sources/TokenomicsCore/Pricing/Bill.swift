/// The arithmetic of one event's price: count × rate per token for each kind, from one compiled
/// rate set, noting the first kind that has tokens but no rate.
struct Bill {
    let compiled: CompiledPrice
    let base: Int
    let mask: UInt16
    /// The name of the first rate that was needed and unknown.
    private(set) var missing: String?

    init(compiled: CompiledPrice, set: Int) {
        self.compiled = compiled
        self.base = set * CompiledPrice.slots
        self.mask = compiled.known[set]
    }

    /// The cost of `count` tokens of `kind`, or zero (noting the gap) when its rate is unknown.
    @inline(__always)
    private mutating func cost(_ kind: RateKind, _ slot: Int, _ count: Int64) -> Int128 {
        guard count != 0 else { return 0 }
        guard mask & (1 << UInt16(slot)) != 0 else {
            if missing == nil { missing = kind.rawValue }
            return 0
        }
        return Int128(count) * compiled.perToken[base + slot]
    }

    /// Prices every count of an event.
    mutating func charge(_ tokens: TokenCounts, _ modality: ModalityCounts) -> CostBreakdown {
        var breakdown = CostBreakdown()
        breakdown.input = Money(attodollars: cost(.input, 0, tokens.input))
        breakdown.cacheRead = Money(attodollars: cost(.cacheRead, 1, tokens.cacheRead))
        let write5m = cost(.cacheWrite5m, 2, tokens.cacheWrite5m)
        breakdown.cacheWrite = Money(attodollars: write5m + cost(.cacheWrite1h, 3, tokens.cacheWrite1h))
        breakdown.retrieval = Money(attodollars: cost(.retrieval, 4, tokens.retrieval))
        breakdown.output = Money(attodollars: cost(.output, 5, tokens.output))
        breakdown.reasoning = Money(attodollars: cost(.reasoning, 6, tokens.reasoning))
        let audioIn = cost(.audioInput, 7, modality.audioInputTokens)
        breakdown.audio = Money(attodollars: audioIn + cost(.audioOutput, 8, modality.audioOutputTokens))
        var image = cost(.imageInput, 9, modality.imageInputTokens)
        image += cost(.imageOutput, 10, modality.imageOutputTokens)
        if modality.images != 0, modality.imageOutputTokens == 0 {
            if let fee = compiled.imageFee {
                image += Int128(modality.images) * fee
            } else if missing == nil {
                missing = "image"
            }
        }
        breakdown.image = Money(attodollars: image)
        breakdown.requests = Money(attodollars: Int128(modality.requests) * compiled.requestFee)
        if modality.webSearchQueries != 0 {
            if let fee = compiled.webSearchFee {
                breakdown.webSearch = Money(attodollars: Int128(modality.webSearchQueries) * fee)
            } else if missing == nil {
                missing = "web_search"
            }
        }
        return breakdown
    }
}
