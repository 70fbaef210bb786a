import Foundation
import Testing

@testable import TokenomicsCore

@Suite("PricedEvent JSON")
struct PricedEventJSONTests {
    let engine = CostEngine(catalog: PricingFixtures.catalog)
    /// Parsed values do not keep their document alive: the suite keeps it.
    let document = JSONDocument()

    func json(_ priced: PricedEvent) throws -> JSONValue {
        var writer = JSONWriter()
        priced.writeJSON(to: &writer)
        return try document.parse(bytes: writer.bytes)
    }

    @Test("a priced event is one object with exact decimal strings")
    func priced() throws {
        var tokens = TokenCounts(input: 10_000, cacheRead: 90_000, output: 2_000)
        tokens.estimated = [TokenClassSet(.reasoning)]
        let event = PricingFixtures.event(
            "claude-test-alias", tokens: tokens, at: PricingFixtures.date("2025-07-01T10:00:00Z"))
        let value = try json(engine.price(event, now: PricingFixtures.now))
        #expect(value["id"]?.string == "e1")
        #expect(value["timestamp"]?.string == "2025-07-01T10:00:00.000Z")
        #expect(value["model"]?.string == "claude-test-alias")
        #expect(value["priced_model"]?.string == "claude-test")
        #expect(value["service_tier"]?.string == "standard")
        #expect(value["tokens", "cache_read"]?.int64 == 90_000)
        #expect(value["estimated"]?.elements.map(\.string) == ["reasoning"])
        #expect(value["cost_usd"]?.string == "0.087")
        #expect(value["breakdown", "cache_read"]?.string == "0.027")
        #expect(value["breakdown", "audio"] == nil)
        #expect(value["priced"]?.bool == true)
        #expect(value["reason"] == nil)
        #expect(value["catalog"]?.string == "test-1")
    }

    @Test("an unpriced event has a null cost, priced false and the reason")
    func unpriced() throws {
        let event = PricingFixtures.event("mystery", tokens: TokenCounts(input: 1))
        let value = try json(engine.price(event, now: PricingFixtures.now))
        #expect(value["cost_usd"]?.isNull == true)
        #expect(value["priced"]?.bool == false)
        #expect(value["priced_model"]?.isNull == true)
        #expect(value["reason"]?.string?.contains("mystery") == true)
    }

    @Test("fees appear in the breakdown when not zero")
    func fees() throws {
        let event = PricingFixtures.event(
            "openai/searcher-2025-01-01", provider: "openai", tokens: TokenCounts(input: 1),
            modality: ModalityCounts(webSearchQueries: 1))
        let value = try json(engine.price(event, now: PricingFixtures.now))
        #expect(value["breakdown", "requests"]?.string == "0.005")
        #expect(value["breakdown", "web_search"]?.string == "0.025")
        #expect(value["cost_usd"]?.string == "0.030002")
    }
}
