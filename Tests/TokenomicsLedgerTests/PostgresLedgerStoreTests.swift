import Foundation
import PostgresNIO
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
        "a ledger of the first version (events in their own columns, no rollups) keeps every event when reopened, with rollups summed",
        .enabled(if: LedgerBackend.postgresURL != nil))
    func legacyLedgerUpgraded() async throws {
        let url = try #require(LedgerBackend.postgresURL)
        let entries = LegacyLedger.entries()
        let fresh = try await PostgresLedgerStore.open(url: url, schema: Self.newSchema("f"))
        _ = try await fresh.append(entries)
        // Turn a new schema back into a ledger as `v1-quarantine` left it, its events written as
        // that version wrote them.
        let schema = Self.newSchema("b")
        let store = try await PostgresLedgerStore.open(url: url, schema: schema)
        for table in ["events", "event_keys", "rollups", "rollups_daily", "repricings", "quarantine"] {
            try await store.client.query(PostgresQuery(unsafeSQL: "DROP TABLE \(table)"))
        }
        for migration in PostgresLedgerStore.migrations.prefix(2) {
            for statement in migration.statements { try await store.client.query(PostgresQuery(unsafeSQL: statement)) }
        }
        try await store.client.query(
            "DELETE FROM tokenomics_migrations WHERE name NOT IN ('v1-events', 'v1-quarantine')")
        let columns = LedgerSchema.v1EventColumns
        for entry in entries {
            var bindings = PostgresBindings()
            for value in try LegacyLedger.values(entry) {
                switch value {
                case .text(let text): bindings.append(text)
                case .integer(let integer): bindings.append(integer)
                }
            }
            try await store.client.query(
                PostgresQuery(
                    unsafeSQL: "INSERT INTO events (\(columns.joined(separator: ", "))) VALUES ("
                        + (1...columns.count).map { "$\($0)" }.joined(separator: ", ") + ")",
                    binds: bindings))
        }
        let reopened = try await PostgresLedgerStore.open(url: url, schema: schema)
        try await LegacyLedger.expectUpgraded(reopened, holding: entries, like: fresh)
    }

    /// A new schema name.
    static func newSchema(_ prefix: String) -> String {
        prefix + "_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }
}
