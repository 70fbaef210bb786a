import Foundation
import GRDB
import GRDBSQLite
import TokenomicsCore

extension SQLiteLedgerStore {
    /// The rollup upsert, with `?` parameters.
    static let rollupUpsertSQL = LedgerSchema.rollupUpsertSQL { _ in "?" }

    /// The daily rollup upsert, with `?` parameters.
    static let dailyRollupUpsertSQL = LedgerSchema.rollupUpsertSQL(table: LedgerSchema.dailyRollupsTable) { _ in "?" }

    /// Adds a batch's rollup rows to the stored hourly and daily rollups.
    static func store(_ rollups: LedgerRollups, in db: Database, location: String) throws {
        guard !rollups.isEmpty else { return }
        try store(rollups, sql: rollupUpsertSQL, in: db, location: location)
        try store(rollups.daily, sql: dailyRollupUpsertSQL, in: db, location: location)
    }

    private static func store(_ rollups: LedgerRollups, sql: String, in db: Database, location: String) throws {
        let keys = Array(Set(rollups.rows.keys.map(\.key)))
        let ids = Dictionary(uniqueKeysWithValues: zip(keys, try keyIDs(keys, in: db)))
        let statement = try db.cachedStatement(sql: sql).sqliteStatement
        for (key, sums) in rollups.rows {
            try storeRollup(
                hour: key.hour, keyID: ids[key.key] ?? -1, sums, with: statement, in: db, location: location)
        }
    }

    /// Adds a batch's sums to the stored hourly and daily rollups, given its keys' ids.
    static func store(_ rollups: LedgerBatch.Rollups, keyIDs: [Int64], in db: Database, location: String) throws {
        for (sql, rows) in [(rollupUpsertSQL, rollups.hourly), (dailyRollupUpsertSQL, rollups.daily)] {
            let statement = try db.cachedStatement(sql: sql).sqliteStatement
            for (slot, sums) in rows {
                try storeRollup(
                    hour: slot.hour, keyID: keyIDs[slot.key], sums, with: statement, in: db, location: location)
            }
        }
    }

    /// Runs a rollup upsert for one row.
    private static func storeRollup(
        hour: Int64, keyID: Int64, _ sums: SpendSums, with statement: SQLiteStatement, in db: Database,
        location: String
    ) throws {
        var row = RowBinder(statement)
        try LedgerRollups.write(hour: hour, keyID: keyID, sums, to: &row, location: location)
        _ = try RowBinder.step(statement, in: db)
    }

    /// The named migrations, in order. Append-only: a released migration is never edited; a
    /// schema change is a new migration.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-events") { db in
            let columns = LedgerSchema.eventColumnDefinitions(integer: "INTEGER")
            try db.execute(sql: "CREATE TABLE events (\(columns.joined(separator: ", ")))")
            try db.execute(sql: "CREATE INDEX events_ts ON events (ts_us)")
        }
        migrator.registerMigration("v1-quarantine") { db in
            try db.execute(
                sql: """
                    CREATE TABLE quarantine (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        source TEXT NOT NULL,
                        line INTEGER,
                        reason TEXT NOT NULL,
                        raw TEXT NOT NULL,
                        recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    )
                    """)
        }
        migrator.registerMigration("v2-rollups") { db in
            for column in LedgerSchema.v2EventAmountColumns {
                try db.execute(sql: "ALTER TABLE events ADD COLUMN \(column)_nano INTEGER")
                try db.execute(sql: "ALTER TABLE events ADD COLUMN \(column)_atto INTEGER")
            }
            for (column, type) in LedgerSchema.v2EventOtherColumns(integer: "INTEGER", real: "REAL") {
                try db.execute(sql: "ALTER TABLE events ADD COLUMN \(column) \(type)")
            }
            let columns = LedgerSchema.legacyRollupColumnDefinitions(integer: "INTEGER", real: "REAL")
            for table in ["rollups", LedgerSchema.dailyRollupsTable] {
                try db.execute(sql: "CREATE TABLE \(table) (\(columns.joined(separator: ", ")))")
                try db.execute(
                    sql: "CREATE UNIQUE INDEX \(table)_key ON \(table) "
                        + "(\(LedgerSchema.legacyRollupKeyColumns.joined(separator: ", ")))")
            }
            // The rollups of the events already stored were summed here until `v4-compact-events`,
            // which sums every event's again.
        }
        migrator.registerMigration("v3-repricings") { db in
            try db.execute(
                sql: """
                    CREATE TABLE repricings (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        event_id TEXT NOT NULL,
                        repriced_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                        old_catalog_version TEXT NOT NULL,
                        old_priced_model TEXT,
                        old_priced_tier TEXT NOT NULL,
                        old_cost_nano INTEGER,
                        old_cost_atto INTEGER,
                        new_catalog_version TEXT NOT NULL,
                        new_cost_nano INTEGER,
                        new_cost_atto INTEGER
                    )
                    """)
            try db.execute(sql: "CREATE INDEX repricings_event ON repricings (event_id)")
        }
        migrator.registerMigration("v4-compact-events") { db in
            let keyColumns = LedgerSchema.eventKeyColumns.map {
                $0 == "long_context_threshold" ? "\($0) INTEGER NOT NULL" : "\($0) TEXT NOT NULL"
            }
            try db.execute(
                sql: "CREATE TABLE event_keys (key_id INTEGER PRIMARY KEY, \(keyColumns.joined(separator: ", ")))")
            try db.execute(
                sql: "CREATE UNIQUE INDEX event_keys_key ON event_keys "
                    + "(\(LedgerSchema.eventKeyColumns.joined(separator: ", ")))")
            // The events written so far move to the new table, row by row, and their rollups are
            // summed again under the new key; then the old tables go.
            try db.execute(sql: "ALTER TABLE events RENAME TO legacy_events")
            try db.execute(
                sql:
                    "CREATE TABLE events (\(LedgerSchema.compactEventColumns(integer: "INTEGER", rowNumber: "INTEGER PRIMARY KEY")))"
            )
            try db.execute(sql: "CREATE UNIQUE INDEX events_id_hash ON events (id_hash)")
            try db.execute(sql: "CREATE INDEX events_unhashed ON events (id) WHERE id_hash IS NULL")
            // Instead of an index on the timestamp: the first and last row of each hour.
            try db.execute(
                sql: "CREATE TABLE event_hours (hour INTEGER PRIMARY KEY, first_seq INTEGER NOT NULL, "
                    + "last_seq INTEGER NOT NULL)")
            let columns = LedgerSchema.rollupColumnDefinitions(integer: "INTEGER", real: "REAL")
            // Kept in key order without a row id: a new rollup row is one B-tree insert (not a row
            // and an index entry), and the rows of a new hour go at the end.
            for table in ["rollups", LedgerSchema.dailyRollupsTable] {
                try db.execute(sql: "DROP TABLE \(table)")
                try db.execute(
                    sql: "CREATE TABLE \(table) (\(columns.joined(separator: ", ")), PRIMARY KEY (hour, key_id)) "
                        + "WITHOUT ROWID")
            }
            try convertLegacyEvents(db)
            try db.execute(sql: "DROP TABLE legacy_events")
        }
        return migrator
    }
}
