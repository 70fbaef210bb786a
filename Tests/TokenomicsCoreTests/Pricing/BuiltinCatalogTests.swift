import Foundation
import Testing
import TokenomicsData

@testable import TokenomicsCore

@Suite("Built-in catalog")
struct BuiltinCatalogTests {
    @Test("loads, keeps the LiteLLM attribution and prices the worked example on a real model")
    func builtin() throws {
        let catalog = try BuiltinData.catalog()
        #expect(catalog.version.hasPrefix("litellm-1.110.2@"))
        #expect(catalog.source.contains("MIT"))
        #expect(catalog.models.count > 3000)
        let engine = CostEngine(catalog: catalog)
        let tokens = TokenCounts(input: 10_000, cacheRead: 90_000, output: 2_000)
        let event = UsageEvent(id: "x", provider: "anthropic", model: "claude-sonnet-4-5-20250929", tokens: tokens)
        #expect(engine.price(event, now: Date()).cost == Money(decimal: "0.087"))
    }
}
