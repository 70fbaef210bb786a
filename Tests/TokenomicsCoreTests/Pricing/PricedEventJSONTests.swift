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

    @Test("the line writer writes each record as writeJSON does, then a newline, whatever repeats or changes")
    func lineWriter() throws {
        let quirky = CostEngine(
            catalog: PriceCatalog(version: "v\"2\\ é", source: "", models: PricingFixtures.catalog.models))
        let providers = ["anthropic", "anthropic", "open\"ai", "openai", "a provider with a name over sixteen bytes"]
        let times: [Date?] = [
            PricingFixtures.date("2025-07-01T10:00:00Z"), PricingFixtures.date("2025-07-01T23:59:59.999Z"),
            PricingFixtures.date("2025-07-02T00:00:00Z"), nil, Date(timeIntervalSince1970: 300_000_000_000),
            PricingFixtures.date("1969-12-31T23:00:00Z"),
        ]
        var lines = PricedEventLineWriter()
        var fast = JSONWriter()
        var reference = JSONWriter()
        for index in 0..<90 {
            var tokens = TokenCounts(
                input: Int64(index * 997), cacheRead: Int64(index % 3) * 1000, output: Int64(index * 31))
            if index % 7 == 0 { tokens.estimated = [TokenClassSet(.output), TokenClassSet(.input)] }
            if index % 5 == 0 { tokens.input += 200_000 }
            // The priced model the very name, another name (an alias), a name to escape, or none.
            let models = ["claude-test", "claude-test-alias", "CLAUDE-TEST", "mystery", "claude-\"test\"-é"]
            let event = PricingFixtures.event(
                models[index % models.count], provider: providers[index % providers.count],
                tokens: tokens, at: times[index % times.count])
            let priced = (index / 10 % 2 == 0 ? engine : quirky).price(event, now: PricingFixtures.now)
            lines.write(priced, to: &fast)
            priced.writeJSON(to: &reference)
            reference.endLine()
        }
        #expect(String(decoding: fast.bytes, as: UTF8.self) == String(decoding: reference.bytes, as: UTF8.self))
        // Each line is the event's own model and priced model, escaped as JSON requires.
        for (index, line) in fast.bytes.split(separator: 0x0A).enumerated() {
            let value = try document.parse(bytes: line)
            let model = ["claude-test", "claude-test-alias", "CLAUDE-TEST", "mystery", "claude-\"test\"-é"][index % 5]
            #expect(value["model"]?.string == model)
            #expect(value["priced_model"]?.string == (index % 5 == 3 || index % 5 == 4 ? nil : "claude-test"))
        }
    }
}
