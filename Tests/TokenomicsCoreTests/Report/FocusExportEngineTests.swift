import Foundation
import Testing

@testable import TokenomicsCore

/// The export of sums built the way the ledger builds them: events priced by the ``CostEngine``
/// and added into one ``SpendSums`` per group and hour.
@Suite("FocusExport with the cost engine")
struct FocusExportEngineTests {
    static let hour = PricingFixtures.date("2025-09-01T10:00:00Z")

    /// Events of two models, three tiers and a long-context tier, some unpriced.
    static func events() -> [UsageEvent] {
        let at = hour.addingTimeInterval(900)
        func sonnet(_ tier: ServiceTier, _ tokens: TokenCounts) -> UsageEvent {
            PricingFixtures.event("claude-test", tier: tier, tokens: tokens, at: at)
        }
        func searcher(_ tokens: TokenCounts, _ modality: ModalityCounts) -> UsageEvent {
            PricingFixtures.event(
                "openai/searcher-2025-01-01", provider: "openai", tokens: tokens, modality: modality, at: at)
        }
        return [
            sonnet(.standard, TokenCounts(input: 1_234, cacheRead: 9_999, cacheWrite5m: 777, output: 321)),
            sonnet(.standard, TokenCounts(input: 17, cacheWrite1h: 12_345, output: 3, reasoning: 4_001)),
            sonnet(.standard, TokenCounts(input: 5, cacheWrite5m: 1, cacheWrite1h: 2, retrieval: 999, output: 1)),
            sonnet(.batch, TokenCounts(input: 100_003, cacheRead: 77, output: 9_876)),
            sonnet(.batch, TokenCounts(input: 3, output: 5)),
            // Above 200k prompt tokens: the long-context rates; the second has 1-hour writes,
            // which that tier has no rate for, so it is unpriced in a group with a priced event.
            sonnet(.standard, TokenCounts(input: 250_001, output: 33)),
            sonnet(.standard, TokenCounts(input: 210_000, cacheWrite1h: 5, output: 2)),
            searcher(TokenCounts(input: 40, output: 9), ModalityCounts(images: 3, requests: 1, webSearchQueries: 2)),
            searcher(TokenCounts(input: 41), ModalityCounts(requests: 1, webSearchQueries: 1)),
            // A model the catalog does not know: unpriced, alone in its group.
            PricingFixtures.event("nobody-knows", tokens: TokenCounts(input: 10, output: 10), at: at),
        ]
    }

    /// The events priced and summed per (provider, model, priced model, tier, threshold, catalog).
    static func rows() -> (rows: [SpendRow], priced: [PricedEvent]) {
        let engine = CostEngine(catalog: PricingFixtures.catalog)
        let priced = events().map { engine.price($0, now: PricingFixtures.now) }
        var groups: [[String?]: SpendSums] = [:]
        var order: [[String?]] = []
        for item in priced {
            let event = item.event
            let key: [String?] = [
                event.provider, event.model, event.pricedModel, item.serviceTier.rawValue,
                item.longContextThreshold.map(String.init), item.catalogVersion, nil, nil, "team-1", nil, nil, nil, nil,
                nil,
            ]
            if groups[key] == nil { order.append(key) }
            groups[key, default: SpendSums()].add(
                event, cost: item.cost, breakdown: item.breakdown, cache: item.cache)
        }
        return (order.map { SpendRow(key: $0, hour: hour, sums: groups[$0] ?? SpendSums()) }, priced)
    }

    @Test("every row is exact, the costs add up to the engine's and unpriced events are counted")
    func exactThroughTheEngine() throws {
        let (rows, priced) = Self.rows()
        let table = FocusExport().table(from: rows)
        let engineTotal = priced.compactMap(\.cost).reduce(Money.zero, +)
        #expect(table.summary.billedCost == engineTotal)
        #expect(table.summary.unpricedRequests == Int64(priced.filter { !$0.isPriced }.count))
        #expect(table.summary.unpricedRequests == 2)
        var billed = ExactDecimal.zero
        for row in table.rows {
            let quantity = try #require(ExactDecimal(row[.pricingQuantity] ?? ""))
            let price = try #require(ExactDecimal(row[.listUnitPrice] ?? ""))
            let cost = try #require(ExactDecimal(row[.listCost] ?? ""))
            #expect(price * quantity == cost, "\(row[.skuPriceId] ?? "")")
            billed = billed + cost
        }
        #expect(billed == ExactDecimal(engineTotal.decimalString()))
        // Only the long-context group, which mixes priced and unpriced events, is blended.
        let blended = table.rows.filter { $0[.x_PricingBasis] == "blended" }
        #expect(table.summary.blendedRows == blended.count)
        #expect(!blended.isEmpty)
        #expect(blended.allSatisfy { $0[.x_LongContextThreshold] == "200000" && $0[.x_UnpricedRequests] == "1" })
        #expect(!table.rows.contains { $0[.resourceId] == "anthropic/nobody-knows" })
    }

    @Test("unit prices are the catalog's rates per million tokens and per unit")
    func catalogRates() throws {
        let table = FocusExport().table(from: Self.rows().rows)
        func price(_ tier: String, _ kind: FocusChargeKind, sku: String = "claude-test") throws -> String? {
            try #require(
                table.rows.first {
                    $0[.skuId] == sku && $0[.x_ServiceTier] == tier && $0[.x_TokenClass] == kind.rawValue
                        && $0[.x_LongContextThreshold] == nil
                }
            )[.listUnitPrice]
        }
        #expect(try price("standard", .input) == "3")
        #expect(try price("standard", .cacheRead) == "0.3")
        #expect(try price("standard", .cacheWrite5m) == "3.75")
        #expect(try price("standard", .cacheWrite1h) == "6")
        #expect(try price("standard", .retrieval) == "3")
        #expect(try price("standard", .output) == "15")
        #expect(try price("standard", .reasoning) == "15")
        #expect(try price("batch", .input) == "1.5")
        #expect(try price("batch", .cacheRead) == "0.15")
        #expect(try price("batch", .output) == "7.5")
        let searcher = "openai/searcher-2025-01-01"
        #expect(try price("standard", .image, sku: searcher) == "0.04")
        #expect(try price("standard", .webSearch, sku: searcher) == "0.025")
        #expect(try price("standard", .requestFee, sku: searcher) == "0.005")
    }
}
