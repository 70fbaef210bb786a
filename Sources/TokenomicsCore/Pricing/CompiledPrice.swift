/// A ``ModelPrice`` flattened for the pricing hot path: every (long-context level, service tier)
/// rate set resolved once, as whole attodollars per token, so pricing an event is a few integer
/// multiplications with no allocation.
final class CompiledPrice: Sendable {
    /// Rate slots per set, in ``RateKind/allCases`` order.
    static let slots = 11
    /// Service tiers per level.
    static let tierCount = 4

    /// Start of the effective range in seconds since 1970 (−∞ when open).
    /// The model's catalog id (what an event is priced as).
    let id: String
    let from: Double
    /// Exclusive end of the effective range in seconds since 1970 (+∞ when open).
    let until: Double
    /// Long-context thresholds, ascending; level `k` applies when the prompt exceeds `thresholds[k-1]`.
    let thresholds: [Int64]
    /// Attodollars per token, indexed by `(level × tierCount + tier) × slots + kind`.
    let perToken: [Int128]
    /// One bit per kind: which rates of a set are known, indexed by `level × tierCount + tier`.
    let known: [UInt16]
    /// Per-image fee in attodollars, if any.
    let imageFee: Int128?
    /// Per-request fee in attodollars (0 when none).
    let requestFee: Int128
    /// Per-search fee in attodollars, if any.
    let webSearchFee: Int128?

    /// Compiles `price`. Per-1M rates are divided by 10⁶ exactly when they have at most 12
    /// decimal places (always for loaded catalogs), else rounded half away from zero.
    init(_ price: ModelPrice) {
        id = price.id
        from = price.effectiveFrom?.timeIntervalSince1970 ?? -.infinity
        until = price.effectiveUntil?.timeIntervalSince1970 ?? .infinity
        thresholds = price.longContext.map(\.threshold)
        var perToken: [Int128] = []
        var known: [UInt16] = []
        let levels = price.longContext.count + 1
        perToken.reserveCapacity(levels * Self.tierCount * Self.slots)
        for level in 0..<levels {
            let prompt = level == 0 ? 0 : price.longContext[level - 1].threshold + 1
            for tier in ServiceTier.allCases {
                let set = price.rates(for: tier, promptTokens: prompt)
                var mask: UInt16 = 0
                for (slot, kind) in RateKind.allCases.enumerated() {
                    if let rate = set.effectiveRate(kind) {
                        mask |= 1 << UInt16(slot)
                        perToken.append(Self.perToken(rate))
                    } else {
                        perToken.append(0)
                    }
                }
                known.append(mask)
            }
        }
        self.perToken = perToken
        self.known = known
        imageFee = price.fees.image?.attodollars
        requestFee = price.fees.request?.attodollars ?? 0
        webSearchFee = price.fees.webSearch?.attodollars
    }

    /// Attodollars per token for a rate per 1M tokens.
    static func perToken(_ perMillion: Money) -> Int128 {
        let (quotient, remainder) = perMillion.attodollars.quotientAndRemainder(dividingBy: 1_000_000)
        guard remainder.magnitude * 2 >= 1_000_000 else { return quotient }
        return perMillion.attodollars < 0 ? quotient - 1 : quotient + 1
    }

    /// The long-context level for a prompt: 0 below every threshold.
    @inline(__always)
    func level(forPrompt prompt: Int64) -> Int {
        var level = 0
        for threshold in thresholds where prompt > threshold { level += 1 }
        return level
    }

    /// Whether the range contains `seconds` since 1970.
    @inline(__always)
    func isEffective(atSeconds seconds: Double) -> Bool { seconds >= from && seconds < until }
}

extension ServiceTier {
    /// Position in ``CompiledPrice`` tables.
    @inline(__always)
    var slot: Int {
        switch self {
        case .standard: 0
        case .batch: 1
        case .flex: 2
        case .priority: 3
        }
    }
}
