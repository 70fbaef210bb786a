import Foundation
import Testing
import TokenomicsCore
@testable import TokenomicsLedger

/// What only the PostgreSQL backend does: connecting, refusing what is not a ledger, and the CI
/// guard that makes a missing server a failure rather than a silent skip.
@Suite("PostgreSQL ledger")
struct PostgresLedgerStoreTests {
    @Test(
        "the PostgreSQL conformance suite runs (TOKENOMICS_TEST_POSTGRES is set and the server answers)",
        .enabled(if: LedgerBackend.postgresURL != nil || LedgerBackend.isCI))
    func serverIsAvailable() async throws {
        guard let url = LedgerBackend.postgresURL else {
            Issue.record(
                "CI=true but TOKENOMICS_TEST_POSTGRES is not set: the PostgreSQL ledger suite cannot run (.ci/run starts a server)"
            )
            return
        }
        do {
            let store = try await PostgresLedgerStore.open(url: url)
            _ = try await store.count()
        } catch {
            Issue.record("the PostgreSQL server at \(url) is unreachable: \(error)")
        }
    }

    @Test("an unreachable server is one LedgerError naming host and port")
    func unreachable() async throws {
        let error = await #expect(throws: LedgerError.self) {
            try await PostgresLedgerStore.open(url: "postgres://nobody@127.0.0.1:1/ledger")
        }
        #expect(error?.kind == .cannotOpen)
        #expect(error?.message.contains("127.0.0.1:1") == true)
        #expect(error?.location == "postgres://nobody@127.0.0.1:1/ledger")
    }

    @Test("a URL that is not postgres:// is refused")
    func badURL() async throws {
        let error = await #expect(throws: LedgerError.self) {
            try await PostgresLedgerStore.open(url: "mysql://x@localhost/db")
        }
        #expect(error?.kind == .cannotOpen)
    }

    @Test(
        "reopening applies nothing; unknown migrations and foreign tables are refused",
        .enabled(if: LedgerBackend.postgresURL != nil))
    func migrationsAndForeignTables() async throws {
        let url = try #require(LedgerBackend.postgresURL)
        let schema = "m_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let first = try await PostgresLedgerStore.open(url: url, schema: schema)
        _ = try await first.append([LedgerFixtures.entry("kept")])
        let again = try await PostgresLedgerStore.open(url: url, schema: schema)
        #expect(try await again.count() == 1)

        // A migration this version does not know means a newer tokenomics wrote the ledger.
        try await again.client.query("INSERT INTO tokenomics_migrations (name) VALUES ('v99-future')")
        let newer = await #expect(throws: LedgerError.self) {
            try await PostgresLedgerStore.open(url: url, schema: schema)
        }
        #expect(newer?.kind == .migrationFailed)
        #expect(newer?.message.contains("v99-future") == true)

        // A schema holding someone else's table is refused rather than written into.
        let foreign = "f_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let other = try await PostgresLedgerStore.open(url: url, schema: foreign)
        try await other.client.query("DROP TABLE tokenomics_migrations")
        let error = await #expect(throws: LedgerError.self) {
            try await PostgresLedgerStore.open(url: url, schema: foreign)
        }
        #expect(error?.kind == .notALedger)
    }

    @Test(
        "a ledger written before rollups existed gets them, summed from its events, when reopened",
        .enabled(if: LedgerBackend.postgresURL != nil))
    func rollupsBackfilled() async throws {
        let url = try #require(LedgerBackend.postgresURL)
        let schema = "b_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let store = try await PostgresLedgerStore.open(url: url, schema: schema)
        let entries = (0..<50).map { (index: Int) -> LedgerEntry in
            let at = LedgerFixtures.march1.addingTimeInterval(Double(index) * 300)
            let tags: [String: String] = index % 3 == 0 ? ["env": "prod", "app": "x/y"] : [:]
            var entry = LedgerFixtures.entry("b\(index)", at: at, team: index % 2 == 0 ? "a" : "b", tags: tags)
            if index % 5 == 0 {
                // Outcomes and estimated reasoning: the backfill fills their columns from the rest.
                entry.event.outcome = Outcome(
                    success: index % 10 == 0, quality: 0.75, valueUSD: Money(attodollars: 1_234_567_890_123_456_789))
                entry.event.tokens.reasoning = 300
                entry.event.tokens.estimated = TokenClassSet(.reasoning)
                entry.breakdown.reasoning = Money(attodollars: 4_500_000_000_000_001)
            }
            return entry
        }
        _ = try await store.append(entries)
        let before = try await store.rollups(
            by: [.attribution(.team), .tag("env")], since: nil, until: nil, hourly: true)
        // Turn the schema back into a v1 ledger: no rollups table, no cache columns, no v2 record.
        try await store.client.query("DROP TABLE rollups")
        try await store.client.query("DROP TABLE rollups_daily")
        try await store.client.query(
            """
            ALTER TABLE events DROP COLUMN cache_reads_at_input_nano, DROP COLUMN cache_reads_at_input_atto,
            DROP COLUMN cache_writes_at_input_nano, DROP COLUMN cache_writes_at_input_atto,
            DROP COLUMN cache_writes_1h_nano, DROP COLUMN cache_writes_1h_atto,
            DROP COLUMN reasoning_estimated_cost_nano, DROP COLUMN reasoning_estimated_cost_atto,
            DROP COLUMN outcome_value_nano, DROP COLUMN outcome_value_atto,
            DROP COLUMN reasoning_estimated, DROP COLUMN outcome_success, DROP COLUMN outcome_quality
            """)
        try await store.client.query("DELETE FROM tokenomics_migrations WHERE name = 'v2-rollups'")
        let reopened = try await PostgresLedgerStore.open(url: url, schema: schema)
        let after = try await reopened.rollups(
            by: [.attribution(.team), .tag("env")], since: nil, until: nil, hourly: true)
        #expect(Set(after) == Set(before))
        #expect(after.map(\.sums.requests).reduce(0, +) == 50)
        #expect(after.contains { $0.key == ["a", "prod"] })
        let daily = try await reopened.rollups(by: [.attribution(.team)], since: nil, until: nil, per: .day)
        #expect(daily.map(\.sums.requests).reduce(0, +) == 50)
        // Appending after the backfill adds to the backfilled rows.
        _ = try await reopened.append([LedgerFixtures.entry("b-new", at: LedgerFixtures.march1, team: "a")])
        let total = try await reopened.rollups(by: [], since: nil, until: nil, hourly: false)
        #expect(total.first?.sums.requests == 51)
    }
}
