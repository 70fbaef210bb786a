/// One charge of a group's hour: what a FOCUS row states, before the group's names are added.
struct FocusCharge: Hashable {
    /// What is charged.
    var kind: FocusChargeKind
    /// `ConsumedQuantity`: the units used.
    var consumed: Int64
    /// `ConsumedUnit`.
    var consumedUnit: String
    /// The exact cost (`BilledCost`, `ListCost`, …).
    var cost: Money
    /// The pricing columns.
    var pricing: FocusPricing

    /// The charges of one group's sums, one per kind with a quantity or a cost, whose costs add up
    /// to `sums.cost` exactly.
    ///
    /// Only the priced events' costs are in `sums`, but their token counts include the unpriced
    /// events': when any event is unpriced (`mixed`), a count is not the quantity the cost is for,
    /// so every charge is blended (see ``FocusPricing``) and kinds without cost are left out.
    ///
    /// - Parameter sums: a group's sums for one hour, with at least one priced event.
    static func charges(of sums: SpendSums) -> [FocusCharge] {
        let mixed = sums.unpricedRequests > 0
        let tokens = sums.tokens
        let parts = sums.breakdown
        let modality = sums.modality
        var charges: [FocusCharge] = []
        charges.reserveCapacity(8)

        func add(_ kind: FocusChargeKind, _ consumed: Int64, _ unit: String, _ cost: Money, _ exact: FocusPricing?) {
            if consumed == 0, cost == .zero { return }
            if mixed, cost == .zero { return }
            let pricing = mixed ? .blended(cost) : (exact ?? .blended(cost))
            charges.append(
                FocusCharge(kind: kind, consumed: consumed, consumedUnit: unit, cost: cost, pricing: pricing))
        }
        func text(_ kind: FocusChargeKind, _ count: Int64, _ cost: Money) {
            add(kind, count, "Tokens", cost, .tokens(count, cost: cost))
        }

        text(.input, tokens.input, parts.input)
        text(.cacheRead, tokens.cacheRead, parts.cacheRead)
        // One cache-write cost, two rates: the 1-hour part is known, the 5-minute part is the rest.
        text(.cacheWrite5m, tokens.cacheWrite5m, parts.cacheWrite - sums.cache.writes1h)
        text(.cacheWrite1h, tokens.cacheWrite1h, sums.cache.writes1h)
        text(.retrieval, tokens.retrieval, parts.retrieval)
        text(.output, tokens.output, parts.output)
        text(.reasoning, tokens.reasoning, parts.reasoning)

        // Audio: one rate when only one direction has tokens.
        let audio = modality.audioInputTokens + modality.audioOutputTokens
        let audioOneWay = modality.audioInputTokens == 0 || modality.audioOutputTokens == 0
        add(.audio, audio, "Tokens", parts.audio, audioOneWay ? .tokens(audio, cost: parts.audio) : nil)

        // Images: one rate when only input tokens, only output tokens or only per-image fees apply.
        let imageTokens = modality.imageInputTokens + modality.imageOutputTokens
        if imageTokens > 0 {
            let oneRate = modality.images == 0 && (modality.imageInputTokens == 0 || modality.imageOutputTokens == 0)
            add(.image, imageTokens, "Tokens", parts.image, oneRate ? .tokens(imageTokens, cost: parts.image) : nil)
        } else {
            add(
                .image, modality.images, "Images", parts.image,
                .units(modality.images, named: "Images", cost: parts.image))
        }

        // A request fee is rare: no row for requests that cost nothing.
        if parts.requests != .zero {
            add(
                .requestFee, modality.requests, "Requests", parts.requests,
                .units(modality.requests, named: "Requests", cost: parts.requests))
        }
        add(
            .webSearch, modality.webSearchQueries, "Queries", parts.webSearch,
            .units(modality.webSearchQueries, named: "Queries", cost: parts.webSearch))

        // The parts add up to the cost for every sum of priced events; if these sums do not, the
        // difference is written rather than lost.
        let stated = charges.reduce(Money.zero) { $0 + $1.cost }
        if stated != sums.cost {
            let rest = sums.cost - stated
            charges.append(
                FocusCharge(kind: .other, consumed: 0, consumedUnit: "USD", cost: rest, pricing: .blended(rest)))
        }
        return charges
    }
}
