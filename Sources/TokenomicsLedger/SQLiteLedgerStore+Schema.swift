import GRDB

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
        return migrator
    }
}
