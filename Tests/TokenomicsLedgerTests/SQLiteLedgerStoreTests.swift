import Foundation
import GRDB
import Testing
import TokenomicsCore
import TokenomicsLedger

/// What only the SQLite backend does: its file, its migrations and its failures.
@Suite("SQLiteLedgerStore")
struct SQLiteLedgerStoreTests {
    @Test("a file that is not a database is refused with one message naming the file")
    func notADatabase() async throws {
        let path = LedgerFixtures.temporaryPath()
        try Data(String(repeating: "this is not a ledger\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        let error = await #expect(throws: LedgerError.self) { _ = try await SQLiteLedgerStore.open(path: path) }
        #expect(error?.kind == .notALedger)
        #expect(error?.description.hasPrefix(path) == true)
    }

    @Test("a SQLite database of another application is refused, not migrated")
    func foreignDatabase() async throws {
        let path = LedgerFixtures.temporaryPath()
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in try db.execute(sql: "CREATE TABLE customers (id INTEGER PRIMARY KEY)") }
        try queue.close()
        let error = await #expect(throws: LedgerError.self) { _ = try await SQLiteLedgerStore.open(path: path) }
        #expect(error?.kind == .notALedger)
        #expect(error?.message.contains("customers") == true)
    }

    @Test("reopening a ledger keeps its entries and applies no migration twice; the file is in WAL mode")
    func reopen() async throws {
        let path = LedgerFixtures.temporaryPath()
        let first = try await SQLiteLedgerStore.open(path: path)
        _ = try await first.append([LedgerFixtures.entry("kept")])
        let second = try await SQLiteLedgerStore.open(path: path)
        #expect(try await second.count() == 1)
        let queue = try DatabaseQueue(path: path)
        let mode = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        let migrations = try await queue.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        #expect(mode == "wal")
        #expect(migrations == ["v1-events", "v1-quarantine", "v2-rollups", "v3-repricings"])
    }

    @Test("a ledger written before rollups existed gets them, summed from its events, when reopened")
    func rollupsBackfilled() async throws {
        let path = LedgerFixtures.temporaryPath()
        let store = try await SQLiteLedgerStore.open(path: path)
        _ = try await store.append((0..<50).map { LedgerFixtures.entry("b\($0)", team: $0 % 2 == 0 ? "a" : "b") })
        let before = try await store.rollups(by: [.attribution(.team)], since: nil, until: nil, hourly: true)
        // Turn the file back into a v1 ledger: no rollups table, no cache columns, no v2 record.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: "DROP TABLE rollups")
            try db.execute(sql: "DROP TABLE rollups_daily")
            let amounts = [
                "cache_reads_at_input", "cache_writes_at_input", "cache_writes_1h", "reasoning_estimated_cost",
                "outcome_value",
            ]
            for column in amounts.flatMap({ ["\($0)_nano", "\($0)_atto"] })
                + ["reasoning_estimated", "outcome_success", "outcome_quality"]
            {
                try db.execute(sql: "ALTER TABLE events DROP COLUMN \(column)")
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v2-rollups'")
        }
        let reopened = try await SQLiteLedgerStore.open(path: path)
        let after = try await reopened.rollups(by: [.attribution(.team)], since: nil, until: nil, hourly: true)
        #expect(Set(after) == Set(before))
        let daily = try await reopened.rollups(by: [.attribution(.team)], since: nil, until: nil, per: .day)
        #expect(daily.map(\.sums.requests).reduce(0, +) == 50)
        #expect(after.map(\.sums.requests).reduce(0, +) == 50)
    }

    @Test("re-pricing keeps each changed event's old catalog version and cost in the repricings table")
    func repricingsKeepOldAmounts() async throws {
        let path = LedgerFixtures.temporaryPath()
        let store = try await SQLiteLedgerStore.open(path: path)
        _ = try await store.append((0..<5).map { LedgerFixtures.entry("p\($0)", cost: Money(dollars: 2)) })
        _ = try await store.reprice(
            since: nil, until: nil, batchSize: 2,
            price: { entry in
                var entry = entry
                entry.catalogVersion = "2026-01-01"
                entry.cost = entry.id == "p0" ? nil : Money(dollars: 3)
                entry.breakdown = CostBreakdown(input: entry.cost ?? .zero)
                return entry
            }, progress: { _ in })
        let queue = try DatabaseQueue(path: path)
        let kept = try await queue.read { db in
            try Row.fetchAll(db, sql: "SELECT old_catalog_version, old_cost_nano, new_cost_nano FROM repricings")
        }
        #expect(kept.count == 5)
        #expect(kept.allSatisfy { $0["old_catalog_version"] == "2025-03-01" && $0["old_cost_nano"] == 2_000_000_000 })
        #expect(kept.filter { ($0["new_cost_nano"] as Int64?) == nil }.count == 1)
        #expect(kept.filter { ($0["new_cost_nano"] as Int64?) == 3_000_000_000 }.count == 4)
    }

    @Test("several connections creating the same new ledger at once all open it, each migration applied once")
    func concurrentCreation() async throws {
        for _ in 0..<5 {
            let path = LedgerFixtures.temporaryPath()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 { group.addTask { _ = try await SQLiteLedgerStore.open(path: path) } }
                try await group.waitForAll()
            }
            let queue = try DatabaseQueue(path: path)
            let applied = try await queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations")
            }
            #expect(applied == 4)
        }
    }

    @Test("a ledger with a migration this version does not know is refused")
    func newerLedger() async throws {
        let path = LedgerFixtures.temporaryPath()
        _ = try await SQLiteLedgerStore.open(path: path)
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-future')") }
        try queue.close()
        let error = await #expect(throws: LedgerError.self) { _ = try await SQLiteLedgerStore.open(path: path) }
        #expect(error?.kind == .migrationFailed)
    }

    @Test("a write while another connection holds the write lock fails as locked, naming the file")
    func locked() async throws {
        let path = LedgerFixtures.temporaryPath()
        _ = try await SQLiteLedgerStore.open(path: path)
        let store = try SQLiteLedgerStore(path: path, busyTimeout: 0.05)
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: path, configuration: configuration)
        try holder.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        let error = await #expect(throws: LedgerError.self) {
            _ = try await store.append([LedgerFixtures.entry("blocked")])
        }
        #expect(error?.kind == .locked)
        #expect(error?.description.contains(path) == true)
        try holder.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        #expect(try await store.append([LedgerFixtures.entry("later")]).stored == 1)
    }
}
