import Foundation
import TokenomicsCore
import TokenomicsLedger

/// Entries and temporary ledger files for the ledger tests.
enum LedgerFixtures {
    /// 2025-03-01T12:00:00Z.
    static let march1 = Date(timeIntervalSince1970: 1_740_830_400)

    /// A priced entry with the given id, cost and attribution.
    static func entry(
        _ id: String, cost: Money = Money(attodollars: 6_500_000_000_000_000), at: Date? = march1,
        team: String? = "search", tags: [String: String] = [:]
    ) -> LedgerEntry {
        let event = UsageEvent(
            id: id, timestamp: at, provider: "openai", model: "gpt-4o-2024-08-06", pricedModel: "gpt-4o",
            tokens: TokenCounts(input: 200, cacheRead: 800, output: 500),
            attribution: Attribution(team: team, tags: tags))
        return LedgerEntry(
            event: event, catalogVersion: "2025-03-01", cost: cost,
            breakdown: CostBreakdown(input: cost))
    }

    /// A fresh ledger file path in the temporary folder (not created).
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString).sqlite").path
    }
}
