import Foundation
import Testing

@Suite("tokenomics report")
struct ReportCommandTests {
    /// A ledger holding 3,000 simulated events, and the exact total `cost` priced them at.
    static func ledger() throws -> (path: String, total: Decimal) {
        let input = try IngestCommandTests.simulatedOpenAIFile(count: 3_000)
        let ledger = IngestCommandTests.temporaryPath(".sqlite")
        let ingest = try CLIHarness.run(["ingest", input, "--ledger", ledger])
        try #require(ingest.status == 0)
        let cost = try CLIHarness.run(["cost", input, "--format", "csv"])
        let total = try #require(cost.stderr.firstMatch(of: /priced \(\$([0-9.]+)\)/)?.1)
        return (ledger, try #require(Decimal(string: String(total))))
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func decimal(_ value: Any?) throws -> Decimal {
        try #require((value as? String).flatMap { Decimal(string: $0) })
    }

    @Test("the JSON total equals what `cost` priced the same file at, and the groups add up to it exactly")
    func jsonTotals() throws {
        let (ledger, total) = try Self.ledger()
        let report = try CLIHarness.run(["report", "--ledger", ledger, "--by", "team", "--format", "json"])
        #expect(report.status == 0)
        let document = try Self.object(report.stdout)
        let totals = try #require(document["total"] as? [String: Any])
        #expect(try Self.decimal(totals["cost_usd"]) == total)
        #expect(totals["requests"] as? Int == 3_000)
        let tokens = try #require(totals["tokens"] as? [String: Int])
        #expect(
            tokens["total"]
                == ["input", "cache_read", "cache_write", "retrieval", "output", "reasoning"]
                .map { tokens[$0] ?? 0 }.reduce(0, +))
        let groups = try #require(document["groups"] as? [[String: Any]])
        #expect(groups.count > 1)
        let sum = try groups.map { try Self.decimal($0["cost_usd"]) }.reduce(Decimal(0), +)
        #expect(sum == total)
        #expect(groups.allSatisfy { ($0["key"] as? [String: Any])?.keys.contains("team") == true })
        let hidden = try #require(totals["hidden"] as? [String: Any])
        #expect((hidden["token_share"] as? Double ?? 0) > 0)
    }

    @Test("--top keeps the largest groups and sums the rest as `other`; a user report reads the events")
    func topAndOther() throws {
        let (ledger, total) = try Self.ledger()
        let report = try CLIHarness.run([
            "report", "--ledger", ledger, "--by", "user", "--top", "3", "--format", "json",
        ])
        #expect(report.status == 0)
        let document = try Self.object(report.stdout)
        let groups = try #require(document["groups"] as? [[String: Any]])
        #expect(groups.count == 3)
        let costs = try groups.map { try Self.decimal($0["cost_usd"]) }
        #expect(costs == costs.sorted(by: >))
        let other = try #require(document["other"] as? [String: Any])
        #expect(costs.reduce(Decimal(0), +) + (try Self.decimal(other["cost_usd"])) == total)
    }

    @Test("--bucket day adds a series whose buckets add up to the total; CSV has one row per bucket and group")
    func seriesAndCSV() throws {
        let (ledger, total) = try Self.ledger()
        let json = try CLIHarness.run(["report", "--ledger", ledger, "--bucket", "day", "--format", "json"])
        let series = try #require(try Self.object(json.stdout)["series"] as? [[String: Any]])
        #expect(series.count >= 2)
        let sum = try series.map { try Self.decimal(($0["total"] as? [String: Any])?["cost_usd"]) }
            .reduce(Decimal(0), +)
        #expect(sum == total)
        let csv = try CLIHarness.run([
            "report", "--ledger", ledger, "--by", "model", "--bucket", "day", "--format", "csv",
        ])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("bucket_start,model,requests,unpriced_requests,tokens_input") == true)
        #expect(lines.count > series.count)
    }

    @Test("the table names the hidden share, cache savings and groups; --out writes a file")
    func tableAndOut() throws {
        let (ledger, _) = try Self.ledger()
        let out = IngestCommandTests.temporaryPath(".txt")
        let report = try CLIHarness.run(["report", "--ledger", ledger, "--by", "application", "--out", out])
        #expect(report.status == 0)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("Hidden reasoning:"))
        #expect(text.contains("Cache: hit rate"))
        #expect(text.contains("application"))
        #expect(report.stderr.contains(out))
    }

    @Test("a dimension that does not exist, a reversed range or a missing ledger is one clear error")
    func errors() throws {
        let (ledger, _) = try Self.ledger()
        let badKey = try CLIHarness.run(["report", "--ledger", ledger, "--by", "colour"])
        #expect(badKey.status == 64)
        #expect(badKey.stderr.contains("'colour' is not a dimension"))
        let reversed = try CLIHarness.run([
            "report", "--ledger", ledger, "--since", "2025-10-05", "--until", "2025-10-01",
        ])
        #expect(reversed.status == 64)
        #expect(reversed.stderr.contains("must be after --since"))
        let badDate = try CLIHarness.run(["report", "--ledger", ledger, "--since", "yesterday"])
        #expect(badDate.status == 64)
        let missing = try CLIHarness.run(["report", "--ledger", IngestCommandTests.temporaryPath(".sqlite")])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no ledger here"))
    }

    @Test("a range keeps only the events in it")
    func range() throws {
        let (ledger, total) = try Self.ledger()
        let json = try CLIHarness.run([
            "report", "--ledger", ledger, "--since", "2025-10-02", "--until", "2025-10-03T06:30:00Z", "--format",
            "json",
        ])
        #expect(json.status == 0)
        let document = try Self.object(json.stdout)
        let part = try Self.decimal((document["total"] as? [String: Any])?["cost_usd"])
        #expect(part > 0)
        #expect(part < total)
    }
}
