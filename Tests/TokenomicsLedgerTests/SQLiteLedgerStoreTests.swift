import Foundation
import GRDB
import Testing
import TokenomicsCore
@testable import TokenomicsLedger

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
        #expect(migrations == ["v1-events", "v1-quarantine", "v2-rollups", "v3-repricings", "v4-compact-events"])
    }

    @Test(
        "a ledger of the first version (events in their own columns, no rollups) keeps every event when reopened, with rollups summed"
    )
    func legacyLedgerUpgraded() async throws {
        let entries = LegacyLedger.entries()
        let fresh = try await SQLiteLedgerStore.open(path: LedgerFixtures.temporaryPath())
        _ = try await fresh.append(entries)
        // A ledger as `v1-quarantine` left it, its events written as that version wrote them.
        let path = LedgerFixtures.temporaryPath()
        let queue = try DatabaseQueue(path: path)
        try SQLiteLedgerStore.migrator.migrate(queue, upTo: "v1-quarantine")
        try await queue.write { db in
            let columns = LedgerSchema.v1EventColumns
            let insert = try db.makeStatement(
                sql: "INSERT INTO events (\(columns.joined(separator: ", "))) VALUES ("
                    + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")")
            for entry in entries {
                let values: [(any DatabaseValueConvertible)?] = try LegacyLedger.values(entry).map {
                    switch $0 {
                    case .text(let text): text
                    case .integer(let value): value
                    }
                }
                try insert.execute(arguments: StatementArguments(values))
            }
        }
        try queue.close()
        let reopened = try await SQLiteLedgerStore.open(path: path)
        try await LegacyLedger.expectUpgraded(reopened, holding: entries, like: fresh)
    }

    @Test("re-appending stored events at other hours leaves no empty rollup rows behind")
    func duplicatesAddNoRollupRows() async throws {
        let path = LedgerFixtures.temporaryPath()
        let store = try await SQLiteLedgerStore.open(path: path)
        _ = try await store.append((0..<10).map { LedgerFixtures.entry("d\($0)") })
        let later = LedgerFixtures.march1.addingTimeInterval(7 * 3_600)
        #expect(try await store.append((0..<10).map { LedgerFixtures.entry("d\($0)", at: later) }).duplicates == 10)
        let queue = try DatabaseQueue(path: path)
        let rows = try await queue.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM rollups) + (SELECT COUNT(*) FROM rollups_daily)")
        }
        #expect(rows == 2)
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
            #expect(applied == 5)
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
