import Foundation
import Testing

@testable import TokenomicsCore

@Suite("PriceCatalog")
struct PriceCatalogTests {
    let catalog = PricingFixtures.catalog
    let now = PricingFixtures.now

    @Test(
        "names resolve by id, alias, provider prefix and date suffix",
        arguments: [
            ("claude-test", "claude-test"),
            ("CLAUDE-TEST", "claude-test"),
            ("claude-test-alias", "claude-test"),
            ("anthropic/claude-test", "claude-test"),
            ("claude-test-20250929", "claude-test"),
            ("claude-test-2025-09-29", "claude-test"),
            ("claude-test@20250929", "claude-test"),
            ("claude-test-latest", "claude-test"),
            ("openai/searcher-2025-01-01", "openai/searcher-2025-01-01"),
            ("searcher-2025-01-01", "openai/searcher-2025-01-01"),
            ("models/mini", "mini"),
        ])
    func resolution(name: String, expected: String) {
        #expect(catalog.price(for: name, provider: nil, at: now)?.id == expected)
    }

    @Test("an unknown name resolves to nothing")
    func unknown() {
        #expect(catalog.price(for: "claude-other", provider: nil, at: now) == nil)
        #expect(catalog.price(for: "claude-test-2025-13", provider: nil, at: now) == nil)
    }

    @Test("when several records match, the one from the event's provider wins")
    func providerPreference() {
        let rates = RateSet(input: PricingFixtures.money("1"))
        let other = RateSet(input: PricingFixtures.money("2"))
        let catalog = PriceCatalog(
            version: "v", source: "",
            models: [
                ModelPrice(id: "gemini-x", provider: "vertex_ai-language-models", rates: rates),
                ModelPrice(id: "gemini/gemini-x", provider: "gemini", rates: other),
            ])
        #expect(catalog.price(for: "gemini-x", provider: nil, at: now)?.provider == "vertex_ai-language-models")
        #expect(catalog.price(for: "gemini-x", provider: "gemini", at: now)?.provider == "gemini")
        #expect(catalog.price(for: "models/gemini-x", provider: "gemini", at: now)?.provider == "gemini")
        #expect(catalog.price(for: "gemini-x", provider: "vertex_ai", at: now)?.provider != "gemini")
    }

    @Test("effective-dated records: the one whose range holds the date")
    func effectiveDates() {
        let old = catalog.price(for: "mini", provider: "openai", at: PricingFixtures.date("2025-01-01"))
        let new = catalog.price(for: "mini", provider: "openai", at: PricingFixtures.date("2025-06-01"))
        #expect(old?.rates.input == PricingFixtures.money("1"))
        #expect(new?.rates.input == PricingFixtures.money("0.5"))
        #expect(catalog.records(withID: "mini").count == 2)
    }

    @Test("the Tokenomics format round-trips exactly and is stable")
    func roundTrip() throws {
        let data = catalog.encodedJSON()
        let loaded = try PriceCatalog.load(data)
        #expect(loaded == catalog)
        #expect(loaded.encodedJSON() == data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\"format\":\"tokenomics-price-catalog\""))
        #expect(text.split(separator: "\n").count == catalog.models.count + 2)
    }

    @Test("invalid records are rejected with the model and field")
    func invalid() {
        let text = """
            {"format":"tokenomics-price-catalog","version":"x","models":[
            {"id":"m","provider":"p","rates":{"input":"0.0000000000001"}}]}
            """
        let error = #expect(throws: PricingError.self) { try PriceCatalog.load(Data(text.utf8)) }
        #expect(error?.model == "m")
        #expect(error?.field == "rates.input")
        #expect(throws: PricingError.self) { try PriceCatalog.load(Data("[1]".utf8)) }
    }

    @Test("the date-suffix rule only strips real snapshot suffixes")
    func dateSuffix() {
        #expect(PriceCatalog.strippingDateSuffix("gpt-4o-2024-08-06") == "gpt-4o")
        #expect(PriceCatalog.strippingDateSuffix("claude-3-5-sonnet-20241022") == "claude-3-5-sonnet")
        #expect(PriceCatalog.strippingDateSuffix("claude-3-5-sonnet@20240620") == "claude-3-5-sonnet")
        #expect(PriceCatalog.strippingDateSuffix("gemini-1.5-pro-latest") == "gemini-1.5-pro")
        #expect(PriceCatalog.strippingDateSuffix("gpt-4o") == nil)
        #expect(PriceCatalog.strippingDateSuffix("llama-3-70b") == nil)
    }
}
