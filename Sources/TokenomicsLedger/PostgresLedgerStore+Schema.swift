import Foundation
import PostgresNIO

extension PostgresLedgerStore {
    /// The table recording the names of the applied migrations.
    static let migrationsTable = "tokenomics_migrations"

    /// A named migration: the statements that apply it, in order, then an optional step run in
    /// Swift on the same connection and transaction (given the ledger's location for errors).
    struct Migration: Sendable {
        var name: String
        var statements: [String]
        var then: (@Sendable (PostgresConnection, String) async throws -> Void)? = nil
    }

    /// The named migrations, in order, with the same names as ``SQLiteLedgerStore/migrator``.
    /// Append-only: a released migration is never edited; a schema change is a new migration.
    static let migrations: [Migration] = [
        Migration(
            name: "v1-events",
            statements: [
                "CREATE TABLE events (\(LedgerSchema.eventColumnDefinitions(integer: "BIGINT").joined(separator: ", ")))",
                "CREATE INDEX events_ts ON events (ts_us)",
            ]),
        Migration(
            name: "v1-quarantine",
            statements: [
                """
                CREATE TABLE quarantine (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    source TEXT NOT NULL,
                    line BIGINT,
                    reason TEXT NOT NULL,
                    raw TEXT NOT NULL,
                    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """
            ]),
        Migration(
            name: "v2-rollups",
            statements: [
                "ALTER TABLE events "
                    + (LedgerSchema.v2EventAmountColumns.flatMap { ["\($0)_nano BIGINT", "\($0)_atto BIGINT"] }
                    + LedgerSchema.v2EventOtherColumns(integer: "BIGINT", real: "DOUBLE PRECISION").map {
                        "\($0) \($1)"
                    }).map { "ADD COLUMN \($0)" }.joined(separator: ", "),
                v2EventBackfillSQL,
                "CREATE TABLE rollups (\(LedgerSchema.legacyRollupColumnDefinitions(integer: "BIGINT", real: "DOUBLE PRECISION").joined(separator: ", ")))",
                "CREATE UNIQUE INDEX rollups_key ON rollups (\(rollupIndexColumns.joined(separator: ", ")))",
                "CREATE TABLE rollups_daily (LIKE rollups)",
                "CREATE UNIQUE INDEX rollups_daily_key ON rollups_daily (\(rollupIndexColumns.joined(separator: ", ")))",
                // The rollups of the events already stored were summed here until
                // `v4-compact-events`, which sums every event's again.
            ]),
        Migration(
            name: "v3-repricings",
            statements: [
                """
                CREATE TABLE repricings (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    event_id TEXT NOT NULL,
                    repriced_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                    old_catalog_version TEXT NOT NULL,
                    old_priced_model TEXT,
                    old_priced_tier TEXT NOT NULL,
                    old_cost_nano BIGINT,
                    old_cost_atto BIGINT,
                    new_catalog_version TEXT NOT NULL,
                    new_cost_nano BIGINT,
                    new_cost_atto BIGINT
                )
                """,
                "CREATE INDEX repricings_event ON repricings (event_id)",
            ]),
        Migration(
            name: "v4-compact-events",
            statements: [
                "CREATE TABLE event_keys (key_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + LedgerSchema.eventKeyColumns.map {
                        $0 == "long_context_threshold" ? "\($0) BIGINT NOT NULL" : "\($0) TEXT NOT NULL"
                    }.joined(separator: ", ") + ")",
                "CREATE UNIQUE INDEX event_keys_key ON event_keys (\(LedgerSchema.eventKeyColumns.joined(separator: ", ")))",
                // The events written so far move to the new table, row by row, and their rollups
                // are summed again under the new key; then the old tables go.
                "ALTER TABLE events RENAME TO legacy_events",
                "ALTER INDEX events_ts RENAME TO legacy_events_ts",
                "CREATE TABLE events (\(LedgerSchema.compactEventColumns(integer: "BIGINT", blob: "BYTEA")))",
                "CREATE UNIQUE INDEX events_id_hash ON events (id_hash)",
                "CREATE INDEX events_unhashed ON events (id) WHERE id_hash IS NULL",
                "CREATE INDEX events_ts ON events (ts_us)",
                "DROP TABLE rollups",
                "DROP TABLE rollups_daily",
                "CREATE TABLE rollups (\(LedgerSchema.rollupColumnDefinitions(integer: "BIGINT", real: "DOUBLE PRECISION").joined(separator: ", ")))",
                "CREATE UNIQUE INDEX rollups_key ON rollups (hour, key_id)",
                "CREATE TABLE rollups_daily (LIKE rollups)",
                "CREATE UNIQUE INDEX rollups_daily_key ON rollups_daily (hour, key_id)",
            ],
            then: convertLegacyEvents),
    ]

    /// Fills the `v2-rollups` columns of events stored before them, from their other columns:
    /// estimated reasoning (bit 32 of `estimated`), and the outcome's acceptance, quality and
    /// value (exact: `numeric` arithmetic). Their cache baseline stays unknown (NULL, read as 0).
    static let v2EventBackfillSQL = """
        UPDATE events SET
            reasoning_estimated = CASE WHEN (estimated & 32) <> 0 THEN reasoning ELSE 0 END,
            reasoning_estimated_cost_nano = CASE WHEN priced = 0 THEN NULL
                WHEN (estimated & 32) <> 0 THEN reasoning_cost_nano ELSE 0 END,
            reasoning_estimated_cost_atto = CASE WHEN priced = 0 THEN NULL
                WHEN (estimated & 32) <> 0 THEN reasoning_cost_atto ELSE 0 END,
            outcome_success = CASE (outcome::jsonb ->> 'success') WHEN 'true' THEN 1 WHEN 'false' THEN 0 END,
            outcome_quality = (outcome::jsonb ->> 'quality')::double precision,
            outcome_value_nano = floor((outcome::jsonb ->> 'valueUSD')::numeric * 1000000000)::bigint,
            outcome_value_atto = ((outcome::jsonb ->> 'valueUSD')::numeric * 1000000000000000000
                - floor((outcome::jsonb ->> 'valueUSD')::numeric * 1000000000) * 1000000000)::bigint
        WHERE outcome IS NOT NULL OR (estimated & 32) <> 0
        """

    /// The rollup key columns of `v2-rollups` in the order of its unique index: the hour, then
    /// the columns that tell most rows apart first.
    static let rollupIndexColumns: [String] = {
        let leading = ["hour", "step", "workflow", "application", "team", "project", "org"]
        return leading + LedgerSchema.legacyRollupKeyColumns.filter { !leading.contains($0) }
    }()

    /// A constant key for the advisory lock that serialises concurrent migrations.
    private static let migrationLock: Int64 = 0x746F_6B65_6E6F_6D

    public func migrate() async throws {
        if let schema {
            // `schema` passed ``isPlainIdentifier(_:)``: it never needs quoting.
            _ = try await run {
                try await client.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"))
            }
        }
        let location = location
        var failing = ""
        do {
            try await client.withTransaction(logger: Self.logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: Self.logger)
                let tables = try await connection.query(
                    "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()",
                    logger: Self.logger
                ).collect().map { try $0.decode(String.self) }
                if !tables.isEmpty && !tables.contains(Self.migrationsTable) {
                    throw LedgerError(
                        .notALedger, location: location,
                        "is a PostgreSQL database but not a Tokenomics ledger (tables: \(tables.sorted().joined(separator: ", ")))"
                    )
                }
                try await connection.query(
                    PostgresQuery(
                        unsafeSQL:
                            "CREATE TABLE IF NOT EXISTS \(Self.migrationsTable) "
                            + "(name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"),
                    logger: Self.logger)
                let applied = Set(
                    try await connection.query(
                        PostgresQuery(unsafeSQL: "SELECT name FROM \(Self.migrationsTable)"), logger: Self.logger
                    ).collect().map { try $0.decode(String.self) })
                let known = Set(Self.migrations.map(\.name))
                if !applied.isSubset(of: known) {
                    throw LedgerError(
                        .migrationFailed, location: location,
                        "was written by a newer version of tokenomics (unknown migrations: "
                            + applied.subtracting(known).sorted().joined(separator: ", ") + ")")
                }
                for migration in Self.migrations where !applied.contains(migration.name) {
                    failing = migration.name
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Self.logger)
                    }
                    try await migration.then?(connection, location)
                    try await connection.query(
                        "INSERT INTO tokenomics_migrations (name) VALUES (\(migration.name))", logger: Self.logger)
                }
            }
        } catch {
            if let cause = Self.cause(error) as? LedgerError { throw cause }
            let what = failing.isEmpty ? "migration failed" : "migration \(failing) failed"
            throw LedgerError(.migrationFailed, location: location, "\(what): \(Self.message(of: error))")
        }
    }
}
