import Foundation
import Testing

@Suite("tokenomics reprice")
struct RepriceCommandTests {
    /// A one-model catalog at twice gpt-4o's list rates: every other model becomes unpriced.
    static let doubledCatalog = """
        {"format":"tokenomics-price-catalog","format_version":1,"version":"doubled-gpt-4o","models":[
        {"id":"gpt-4o","provider":"openai","mode":"chat","rates":{"input":"5","cache_read":"2.5","output":"20"}},
        {"id":"gpt-4o-2024-08-06","provider":"openai","mode":"chat","rates":{"input":"5","cache_read":"2.5","output":"20"}}
        ]}
        """

    static func total(_ ledger: String) throws -> (cost: Decimal, unpriced: Int) {
        let report = try CLIHarness.run(["report", "--ledger", ledger, "--format", "json"])
        let document = try ReportCommandTests.object(report.stdout)
        let total = try #require(document["total"] as? [String: Any])
        return (try ReportCommandTests.decimal(total["cost_usd"]), try #require(total["unpriced_requests"] as? Int))
    }

    @Test("re-pricing under a new catalog updates the report, keeps the old amounts, and is reversible exactly")
    func repriceAndBack() throws {
        let (ledger, original) = try ReportCommandTests.ledger()
        let catalog = IngestCommandTests.temporaryPath(".json")
        try Self.doubledCatalog.write(toFile: catalog, atomically: true, encoding: .utf8)

        let first = try CLIHarness.run(["reprice", "--ledger", ledger, "--catalog", catalog])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("reprice: 3000 events under catalog doubled-gpt-4o: "))
        #expect(first.stdout.contains("now unpriced"))
        let (repriced, unpriced) = try Self.total(ledger)
        #expect(unpriced > 0)
        #expect(unpriced < 3_000)
        #expect(repriced != original)
        let newTotal = try #require(first.stdout.firstMatch(of: /→ \$([0-9.]+) \(/)?.1)
        #expect(Decimal(string: String(newTotal)) == repriced)

        let back = try CLIHarness.run(["reprice", "--ledger", ledger])
        #expect(back.status == 0)
        let (restored, none) = try Self.total(ledger)
        #expect(restored == original)
        #expect(none == 0)

        let again = try CLIHarness.run(["reprice", "--ledger", ledger])
        #expect(again.stdout.contains(": 0 changed;"))
    }

    @Test("a range re-prices only the events in it")
    func range() throws {
        let (ledger, _) = try ReportCommandTests.ledger()
        let catalog = IngestCommandTests.temporaryPath(".json")
        try Self.doubledCatalog.write(toFile: catalog, atomically: true, encoding: .utf8)
        let result = try CLIHarness.run([
            "reprice", "--ledger", ledger, "--catalog", catalog, "--since", "2025-10-02", "--until", "2025-10-03",
        ])
        #expect(result.status == 0)
        let examined = try #require(result.stdout.firstMatch(of: /reprice: ([0-9]+) events/)?.1)
        #expect((Int(examined) ?? 0) > 0)
        #expect((Int(examined) ?? 0) < 3_000)
    }

    @Test("re-pricing a ledger that does not exist is one clear error")
    func missingLedger() throws {
        let result = try CLIHarness.run(["reprice", "--ledger", IngestCommandTests.temporaryPath(".sqlite")])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no ledger here"))
    }
}
