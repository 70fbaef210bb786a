import Foundation
import Testing

@testable import TokenomicsCore

/// Real entries copied from the LiteLLM 1.110.2 price map (`Fixtures/json/litellm-sample.json`).
@Suite("LiteLLMImport")
struct LiteLLMImportTests {
    let catalog: PriceCatalog
    let money = PricingFixtures.money
    let now = PricingFixtures.now

    init() throws {
        let url = try #require(
            Bundle.module.url(forResource: "litellm-sample", withExtension: "json", subdirectory: "Fixtures/json"))
        catalog = try LiteLLMImport.catalog(
            from: Data(contentsOf: url), options: LiteLLMImport.Options(version: "litellm-test"))
    }

    func price(_ model: String, provider: String? = nil) throws -> ModelPrice {
        try #require(catalog.price(for: model, provider: provider, at: now))
    }

    @Test("gpt-4o: input, cache read, output, batch and priority rates per 1M")
    func gpt4o() throws {
        let gpt = try price("gpt-4o", provider: "openai")
        #expect(gpt.rates == RateSet(input: money("2.5"), cacheRead: money("1.25"), output: money("10")))
        #expect(gpt.tiers[.batch] == RateSet(input: money("1.25"), output: money("5")))
        #expect(gpt.tiers[.priority] == RateSet(input: money("4.25"), cacheRead: money("2.125"), output: money("17")))
        #expect(gpt.tiers[.flex] == nil)
        #expect(!gpt.fallsBackToStandard)
        #expect(try price("openai/gpt-4o-2024-08-06").id == "gpt-4o-2024-08-06")
        #expect(try price("gpt-4o-2031-01-01").id == "gpt-4o")
    }

    @Test("claude-sonnet-4-5: 5-minute and 1-hour cache writes, and a web-search fee")
    func claude() throws {
        let claude = try price("anthropic/claude-sonnet-4-5-20250929", provider: "anthropic")
        #expect(claude.rates.cacheWrite5m == money("3.75"))
        #expect(claude.rates.cacheWrite1h == money("6"))
        #expect(claude.rates.cacheRead == money("0.3"))
        #expect(claude.tiers[.batch]?.cacheWrite5m == money("1.875"))
        #expect(claude.fees.webSearch == money("0.01"))
        let engine = CostEngine(catalog: catalog)
        let tokens = TokenCounts(input: 10_000, cacheRead: 90_000, cacheWrite1h: 1_000, output: 2_000)
        let priced = engine.price(PricingFixtures.event("claude-sonnet-4-5", tokens: tokens), now: now)
        #expect(priced.cost == money("0.093"))
    }

    @Test("gemini-2.5-pro: above-200k tier with priority and cache rates")
    func gemini() throws {
        let gemini = try price("gemini-2.5-pro", provider: "gemini")
        #expect(gemini.id == "gemini/gemini-2.5-pro")
        let long = try #require(gemini.longContext.first)
        #expect(long.threshold == 200_000)
        #expect(long.rates == RateSet(input: money("2.5"), cacheRead: money("0.25"), output: money("15")))
        #expect(long.tiers[.priority] == RateSet(input: money("4.5"), cacheRead: money("0.45"), output: money("27")))
        #expect(gemini.fees.webSearch == money("0.035"))
        let engine = CostEngine(catalog: catalog)
        let tokens = TokenCounts(input: 150_000, cacheRead: 100_000, output: 10_000, reasoning: 5_000)
        let event = PricingFixtures.event("models/gemini-2.5-pro", provider: "gemini", tier: .priority, tokens: tokens)
        let priced = engine.price(event, now: now)
        #expect(priced.event.pricedModel == "gemini/gemini-2.5-pro")
        #expect(priced.longContextThreshold == 200_000)
        #expect(priced.cost == money("1.125"))
        let vertex = try price("gemini-2.5-pro", provider: "vertex_ai")
        #expect(vertex.longContext.first?.rates.cacheWrite5m == money("0.25"))
    }

    @Test("embedding, per-request, per-query and per-image fees")
    func feesAndEmbeddings() throws {
        let embedding = try price("text-embedding-3-small")
        #expect(embedding.mode == "embedding")
        #expect(embedding.rates.input == money("0.02"))
        #expect(embedding.rates.output == .zero)
        #expect(try price("perplexity/pplx-70b-online").fees.request == money("0.005"))
        let marengo = try price("twelvelabs.marengo-embed-2-7-v1:0")
        #expect(marengo.fees.request == money("0.00007"))
        #expect(marengo.fees.inputImage == money("0.0001"))
        let preview = try price("gemini-3.1-pro-preview")
        #expect(preview.fees.image == money("0.00012"))
        let engine = CostEngine(catalog: catalog)
        let event = PricingFixtures.event(
            "pplx-70b-online", provider: "perplexity", tokens: TokenCounts(input: 100, output: 1_000_000))
        #expect(engine.price(event, now: now).cost == money("2.805"))
    }

    @Test("DeepSeek cache-hit rate and explicit zero rates are kept; zero is a price, not unknown")
    func deepseek() throws {
        let deepseek = try price("deepseek-chat", provider: "deepseek")
        #expect(deepseek.rates.cacheRead == money("0.028"))
        #expect(deepseek.rates.cacheWrite5m == .zero)
    }

    @Test("the effective start applies to every imported record")
    func effectiveFrom() throws {
        let start = PricingFixtures.date("2025-10-01")
        let dated = try LiteLLMImport.catalog(
            from: sampleData(),
            options: LiteLLMImport.Options(effectiveFrom: start))
        #expect(dated.models.allSatisfy { $0.effectiveFrom == start })
        #expect(dated.price(for: "gpt-4o", provider: nil, at: PricingFixtures.date("2025-09-30")) == nil)
    }

    @Test("load() detects the LiteLLM format, and the import round-trips through the Tokenomics format")
    func loadAndRoundTrip() throws {
        let loaded = try PriceCatalog.load(sampleData())
        #expect(loaded.models == catalog.models)
        #expect(try PriceCatalog.load(catalog.encodedJSON()) == catalog)
    }

    func sampleData() throws -> Data {
        let url = try #require(
            Bundle.module.url(forResource: "litellm-sample", withExtension: "json", subdirectory: "Fixtures/json"))
        return try Data(contentsOf: url)
    }
}
