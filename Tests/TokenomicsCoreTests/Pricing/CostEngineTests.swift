import Foundation
import Testing

@testable import TokenomicsCore

@Suite("CostEngine")
struct CostEngineTests {
    let engine = CostEngine(catalog: PricingFixtures.catalog)
    let money = PricingFixtures.money

    @Test("FRAMEWORK.md §2 worked example: 10k input + 90k cache reads + 2k output cost exactly $0.087")
    func workedExample() throws {
        let tokens = TokenCounts(input: 10_000, cacheRead: 90_000, output: 2_000)
        let priced = engine.price(PricingFixtures.event("claude-test", tokens: tokens), now: PricingFixtures.now)
        #expect(priced.cost == money("0.087"))
        #expect(priced.breakdown.input == money("0.03"))
        #expect(priced.breakdown.cacheRead == money("0.027"))
        #expect(priced.breakdown.output == money("0.03"))
        #expect(priced.breakdown.total == priced.cost)
        #expect(priced.event.pricedModel == "claude-test")
        let uncached = TokenCounts(input: 100_000, output: 2_000)
        #expect(
            engine.price(PricingFixtures.event("claude-test", tokens: uncached), now: PricingFixtures.now).cost
                == money("0.33"))
    }

    @Test(
        "service tiers select their own rates",
        arguments: [
            (ServiceTier.standard, "0.087"), (.batch, "0.0435"), (.priority, "0.1479"),
        ])
    func tiers(tier: ServiceTier, expected: String) {
        let tokens = TokenCounts(input: 10_000, cacheRead: 90_000, output: 2_000)
        let priced = engine.price(
            PricingFixtures.event("claude-test", tier: tier, tokens: tokens), now: PricingFixtures.now)
        #expect(priced.cost == money(expected))
        #expect(priced.serviceTier == tier)
    }

    @Test("a tier the catalog does not list is a missing rate, not the standard price")
    func unlistedTier() {
        let priced = engine.price(
            PricingFixtures.event("claude-test", tier: .flex, tokens: TokenCounts(input: 10)), now: PricingFixtures.now)
        #expect(priced.cost == nil)
        #expect(priced.issue?.kind == .missingRate)
        #expect(priced.issue?.message.contains("flex") == true)
    }

    @Test("a catalog that says so falls back to standard rates for an unlisted tier rate")
    func fallbackTier() {
        let tokens = TokenCounts(input: 1_000_000, cacheRead: 1_000_000)
        let priced = engine.price(
            PricingFixtures.event("openai/searcher-2025-01-01", provider: "openai", tier: .flex, tokens: tokens),
            now: PricingFixtures.now)
        #expect(priced.breakdown.requests == money("0.005"))
        #expect(priced.cost == money("2.005"))
    }

    @Test("above the long-context threshold ALL tokens use the long-context rates, cache included")
    func longContext() {
        let below = TokenCounts(input: 100_000, cacheRead: 100_000, output: 1_000)
        let atThreshold = engine.price(
            PricingFixtures.event("claude-test", tokens: below), now: PricingFixtures.now)
        #expect(atThreshold.cost == money("0.345"))
        #expect(atThreshold.longContextThreshold == nil)
        let above = TokenCounts(input: 100_001, cacheRead: 100_000, output: 1_000)
        let priced = engine.price(PricingFixtures.event("claude-test", tokens: above), now: PricingFixtures.now)
        #expect(priced.longContextThreshold == 200_000)
        #expect(priced.breakdown.input == money("0.600006"))
        #expect(priced.breakdown.cacheRead == money("0.06"))
        #expect(priced.breakdown.output == money("0.0225"))
        #expect(priced.cost == money("0.682506"))
    }

    @Test("a rate the long-context tier lacks is missing, not taken from the base tier")
    func longContextMissing() {
        let tokens = TokenCounts(input: 300_000, cacheWrite1h: 10)
        let priced = engine.price(PricingFixtures.event("claude-test", tokens: tokens), now: PricingFixtures.now)
        #expect(priced.cost == nil)
        #expect(priced.issue?.kind == .missingRate)
        #expect(priced.issue?.field == "cache_write_1h")
    }

    @Test("cache writes use the 5-minute and 1-hour rates")
    func cacheWrites() {
        let tokens = TokenCounts(cacheWrite5m: 100_000, cacheWrite1h: 100_000)
        let priced = engine.price(PricingFixtures.event("claude-test", tokens: tokens), now: PricingFixtures.now)
        #expect(priced.breakdown.cacheWrite == money("0.975"))
    }

    @Test("hidden reasoning uses the reasoning rate, else output; retrieval uses the input rate")
    func reasoningAndRetrieval() {
        let tokens = TokenCounts(retrieval: 100_000, output: 100_000, reasoning: 100_000)
        let sonnet = engine.price(PricingFixtures.event("claude-test", tokens: tokens), now: PricingFixtures.now)
        #expect(sonnet.breakdown.reasoning == money("1.5"))
        #expect(sonnet.breakdown.retrieval == money("0.3"))
        let mini = engine.price(
            PricingFixtures.event("mini", provider: "openai", tokens: tokens), now: PricingFixtures.now)
        #expect(mini.breakdown.reasoning == money("0.3"))
        #expect(mini.breakdown.retrieval == money("0.05"))
    }

    @Test("effective dates: an event before the price change pays the old price, after it the new one")
    func effectiveDates() {
        let tokens = TokenCounts(input: 1_000_000, output: 1_000_000)
        let before = PricingFixtures.event(
            "mini", provider: "openai", tokens: tokens, at: PricingFixtures.date("2025-05-31T23:59:59Z"))
        let after = PricingFixtures.event(
            "mini", provider: "openai", tokens: tokens, at: PricingFixtures.date("2025-06-01"))
        #expect(engine.price(before, now: PricingFixtures.now).cost == money("5"))
        #expect(engine.price(after, now: PricingFixtures.now).cost == money("2.5"))
        var undated = after
        undated.timestamp = nil
        #expect(engine.price(undated, now: PricingFixtures.date("2025-01-01")).cost == money("5"))
    }

    @Test("an unknown model is unpriced with a reason, never $0")
    func unknownModel() {
        let priced = engine.price(
            PricingFixtures.event("no-such-model", tokens: TokenCounts(input: 5)), now: PricingFixtures.now)
        #expect(priced.cost == nil)
        #expect(!priced.isPriced)
        #expect(priced.breakdown == .zero)
        #expect(priced.issue?.kind == .unknownModel)
        #expect(priced.issue?.message.contains("no-such-model") == true)
        #expect(priced.event.pricedModel == nil)
    }

    @Test("cache reads on a model without a cache-read rate are a missing rate")
    func missingCacheRead() {
        let priced = engine.price(
            PricingFixtures.event("mini", provider: "openai", tokens: TokenCounts(input: 5, cacheRead: 5)),
            now: PricingFixtures.now)
        #expect(priced.cost == nil)
        #expect(priced.issue?.kind == .missingRate)
        #expect(priced.event.pricedModel == "mini")
    }

    @Test("images, requests and web searches are charged per unit")
    func fees() {
        let modality = ModalityCounts(images: 2, requests: 1, webSearchQueries: 3)
        let priced = engine.price(
            PricingFixtures.event(
                "openai/searcher-2025-01-01", provider: "openai", tokens: TokenCounts(input: 1_000_000),
                modality: modality),
            now: PricingFixtures.now)
        #expect(priced.breakdown.image == money("0.08"))
        #expect(priced.breakdown.requests == money("0.005"))
        #expect(priced.breakdown.webSearch == money("0.075"))
        #expect(priced.cost == money("2.16"))
        let noSearchFee = engine.price(
            PricingFixtures.event(
                "mini", provider: "openai", tokens: TokenCounts(input: 1),
                modality: ModalityCounts(webSearchQueries: 1)),
            now: PricingFixtures.now)
        #expect(noSearchFee.issue?.field == "web_search")
    }

    @Test("a repeated model is resolved once and priced the same")
    func repeatedLookups() {
        let event = PricingFixtures.event("claude-test-alias", tokens: TokenCounts(input: 1_000))
        let first = engine.price(event, now: PricingFixtures.now)
        for _ in 0..<100 { #expect(engine.price(event, now: PricingFixtures.now) == first) }
        #expect(first.event.pricedModel == "claude-test")
    }

    @Test("count × rate is exact on the 64-bit path and beyond it")
    func products() {
        var generator = SeededGenerator(seed: 1)
        var pairs: [(Int64, Int128)] = [
            (Int64.max, Int128(Int64.max)), (Int64.min, Int128(Int64.min)), (Int64.max, Int128(Int64.min)),
            (-1, Int128(Int64.max) + 1), (3, Int128(1) << 100), (0, Int128.max), (1, Int128.min),
        ]
        for _ in 0..<10_000 {
            pairs.append(
                (
                    Int64.random(in: .min ... .max, using: &generator),
                    Int128(Int64.random(in: .min ... .max, using: &generator))
                ))
            pairs.append(
                (
                    Int64.random(in: -1_000_000...1_000_000, using: &generator),
                    Int128(Int64.random(in: .min ... .max, using: &generator)) << 40
                ))
        }
        let wrong = pairs.filter { Bill.product($0.0, $0.1) != Int128($0.0) * $0.1 }
        #expect(wrong.isEmpty)
    }
}
