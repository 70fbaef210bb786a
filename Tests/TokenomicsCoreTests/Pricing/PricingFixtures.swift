import Foundation

@testable import TokenomicsCore

/// Small catalogs and events shared by the pricing tests.
enum PricingFixtures {
    static func money(_ text: String) -> Money {
        guard let value = Money(decimal: text) else { fatalError("bad amount \(text)") }
        return value
    }

    static func date(_ text: String) -> Date {
        guard let value = Timestamp.parse(text) else { fatalError("bad date \(text)") }
        return value
    }

    /// Anthropic-style $3 / $15 per 1M, read 0.1×, write 1.25× (5 min) and 2× (1 h), batch half
    /// price, and a long-context tier above 200k at $6 / $22.5 with its own cache rates.
    static let sonnet = ModelPrice(
        id: "claude-test", provider: "anthropic", aliases: ["claude-test-alias"],
        rates: RateSet(
            input: money("3"), cacheRead: money("0.3"), cacheWrite5m: money("3.75"), cacheWrite1h: money("6"),
            output: money("15")),
        tiers: [
            .batch: RateSet(input: money("1.5"), cacheRead: money("0.15"), output: money("7.5")),
            .priority: RateSet(input: money("5.1"), cacheRead: money("0.51"), output: money("25.5")),
        ],
        longContext: [
            LongContextTier(
                threshold: 200_000,
                rates: RateSet(
                    input: money("6"), cacheRead: money("0.6"), cacheWrite5m: money("7.5"), output: money("22.5")))
        ])

    /// A model whose price dropped on 2025-06-01, in two effective-dated records.
    static let repriced: [ModelPrice] = [
        ModelPrice(
            id: "mini", provider: "openai", effectiveUntil: date("2025-06-01"),
            rates: RateSet(input: money("1"), output: money("4"))),
        ModelPrice(
            id: "mini", provider: "openai", effectiveFrom: date("2025-06-01"),
            rates: RateSet(input: money("0.5"), output: money("2"), reasoning: money("3"))),
    ]

    /// A flex-tier model with fees, falling back to standard rates by catalog rule.
    static let searcher = ModelPrice(
        id: "openai/searcher-2025-01-01", provider: "openai",
        rates: RateSet(input: money("2"), cacheRead: money("1"), output: money("8")),
        tiers: [.flex: RateSet(input: money("1"))],
        fees: UnitFees(image: money("0.04"), request: money("0.005"), webSearch: money("0.025")),
        fallsBackToStandard: true)

    static let catalog = PriceCatalog(
        version: "test-1", source: "unit tests", models: [sonnet, searcher] + repriced)

    static let now = date("2025-09-01")

    static func event(
        _ model: String, provider: String = "anthropic", tier: ServiceTier = .standard, tokens: TokenCounts,
        modality: ModalityCounts = ModalityCounts(), at timestamp: Date? = nil
    ) -> UsageEvent {
        UsageEvent(
            id: "e1", timestamp: timestamp, provider: provider, model: model, serviceTier: tier, tokens: tokens,
            modality: modality)
    }
}
