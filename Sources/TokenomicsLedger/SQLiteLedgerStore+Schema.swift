import GRDB

extension SQLiteLedgerStore {
    /// The money columns of the events table, each stored as `NAME_nano` and `NAME_atto`: the
    /// total cost, then the parts of ``TokenomicsCore/CostBreakdown`` in its order.
    static let amountColumns = [
        "cost", "input_cost", "cache_read_cost", "cache_write_cost", "retrieval_cost", "output_cost",
        "reasoning_cost", "audio_cost", "image_cost", "requests_cost", "web_search_cost",
    ]

    /// The token columns, in the order of the sums in ``LedgerTotals/tokens``.
    static let tokenColumns = [
        "input", "cache_read", "cache_write_5m", "cache_write_1h", "retrieval", "output", "reasoning",
    ]

    /// The columns of the named attribution keys, in ``TokenomicsCore/Attribution/Key`` order
    /// (`user` is a keyword in PostgreSQL, hence `user_name`).
    static let attributionColumns = [
        "org", "project", "team", "user_name", "application", "workflow", "step", "trace_id", "span_id",
        "parent_span_id",
    ]

    /// Every column of the events table, in the order ``insertSQL`` binds them.
    static let eventColumns: [String] =
        ["id", "ts_us", "provider", "model", "priced_model", "operation", "service_tier"]
        + tokenColumns + ["estimated"]
        + [
            "audio_input", "audio_output", "image_input", "image_output", "images", "requests",
            "web_search_queries",
        ]
        + attributionColumns + ["tags", "timing", "outcome"]
        + ["catalog_version", "priced_tier", "long_context_threshold", "priced", "unpriced_reason"]
        + amountColumns.flatMap { ["\($0)_nano", "\($0)_atto"] }

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
            let integer =
                tokenColumns + ["estimated"]
                + [
                    "audio_input", "audio_output", "image_input", "image_output", "images", "requests",
                    "web_search_queries",
                ]
            let amounts = amountColumns.flatMap { ["\($0)_nano INTEGER", "\($0)_atto INTEGER"] }
            let columns =
                [
                    "id TEXT PRIMARY KEY NOT NULL", "ts_us INTEGER", "provider TEXT NOT NULL", "model TEXT NOT NULL",
                    "priced_model TEXT", "operation TEXT NOT NULL", "service_tier TEXT NOT NULL",
                ]
                + integer.map { "\($0) INTEGER NOT NULL" }
                + attributionColumns.map { "\($0) TEXT" } + ["tags TEXT", "timing TEXT", "outcome TEXT"]
                + [
                    "catalog_version TEXT NOT NULL", "priced_tier TEXT NOT NULL", "long_context_threshold INTEGER",
                    "priced INTEGER NOT NULL", "unpriced_reason TEXT",
                ]
                + amounts
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
