import Foundation
import GRDB
import GRDBSQLite

extension SQLiteLedgerStore {
    /// The money columns (see ``LedgerSchema/amountColumns``).
    static let amountColumns = LedgerSchema.amountColumns
    /// The token columns (see ``LedgerSchema/tokenColumns``).
    static let tokenColumns = LedgerSchema.tokenColumns
    /// The attribution columns (see ``LedgerSchema/attributionColumns``).
    static let attributionColumns = LedgerSchema.attributionColumns
    /// Every column of the events table, in the order ``insertSQL`` binds them.
    static let eventColumns = LedgerSchema.eventColumns

    /// `INSERT … ON CONFLICT(id) DO NOTHING` of one event: a stored id leaves the row alone.
    static let insertSQL =
        "INSERT INTO events (\(eventColumns.joined(separator: ", "))) VALUES ("
        + Array(repeating: "?", count: eventColumns.count).joined(separator: ", ")
        + ") ON CONFLICT(id) DO NOTHING"

    /// The rollup upsert, with `?` parameters.
    static let rollupUpsertSQL = LedgerSchema.rollupUpsertSQL { _ in "?" }

    /// The daily rollup upsert, with `?` parameters.
    static let dailyRollupUpsertSQL = LedgerSchema.rollupUpsertSQL(table: LedgerSchema.dailyRollupsTable) { _ in "?" }

    /// Fills the `v2-rollups` columns of the events stored before them, and sums those events
    /// into the rollups table.
    private static func backfillRollups(_ db: Database) throws {
        var rollups = LedgerRollups()
        let decoder = JSONDecoder()
        let columns =
            LedgerSchema.v2EventAmountColumns.flatMap { ["\($0)_nano", "\($0)_atto"] }
            + LedgerSchema.v2EventOtherColumns(integer: "", real: "").map(\.0)
        let update = try db.makeStatement(
            sql: "UPDATE events SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?")
        let rows = try Row.fetchAll(
            db, sql: "SELECT \(LedgerSchema.v1EventColumns.joined(separator: ", ")) FROM events")
        for row in rows {
            let entry = try entry(from: row, decoder: decoder)
            rollups.add(entry)
            var values: [(any DatabaseValueConvertible)?] = []
            for amount in LedgerSchema.v2Amounts(entry) {
                let stored = amount.flatMap { StoredAmount($0) }
                values += [stored?.nano, stored?.atto]
            }
            values += [LedgerSchema.reasoningEstimated(entry), LedgerSchema.outcomeSuccess(entry)]
            values += [entry.event.outcome?.quality, entry.id]
            try update.execute(arguments: StatementArguments(values))
        }
        // The ledger's file, for errors: the migrator is shared by every ledger.
        try store(
            rollups, in: db,
            location: sqlite3_db_filename(db.sqliteConnection, "main").map { String(cString: $0) } ?? "ledger")
    }

    /// Adds a batch's rollup rows to the stored hourly and daily rollups.
    static func store(_ rollups: LedgerRollups, in db: Database, location: String) throws {
        guard !rollups.isEmpty else { return }
        try store(rollups, sql: rollupUpsertSQL, in: db, location: location)
        try store(rollups.daily, sql: dailyRollupUpsertSQL, in: db, location: location)
    }

    private static func store(_ rollups: LedgerRollups, sql: String, in db: Database, location: String) throws {
        let statement = try db.cachedStatement(sql: sql)
        let sqlite = statement.sqliteStatement
        for (key, sums) in rollups.rows {
            var row = RowBinder(sqlite)
            row.bind(key.hour)
            for text in key.text.prefix(4) { row.bind(text) }
            row.bind(key.longContextThreshold)
            for text in key.text.dropFirst(4) { row.bind(text) }
            for count in LedgerRollups.counts(sums) { row.bind(count) }
            row.bind(sums.qualitySum)
            for amount in LedgerRollups.amounts(sums) {
                let stored = try StoredAmount.checked(amount, location: location, owner: "a rollup sum")
                row.bind(stored.nano)
                row.bind(stored.atto)
            }
            _ = try RowBinder.step(sqlite, in: db)
        }
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
            let columns = LedgerSchema.rollupColumnDefinitions(integer: "INTEGER", real: "REAL")
            for table in ["rollups", LedgerSchema.dailyRollupsTable] {
                try db.execute(sql: "CREATE TABLE \(table) (\(columns.joined(separator: ", ")))")
                try db.execute(
                    sql: "CREATE UNIQUE INDEX \(table)_key ON \(table) "
                        + "(\(LedgerSchema.rollupKeyColumns.joined(separator: ", ")))")
            }
            try backfillRollups(db)
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
        return migrator
    }
}
