import Foundation
import PostgresNIO
import TokenomicsCore

extension PostgresLedgerStore {
    /// The SQL type of each rollup column, in ``LedgerSchema/rollupKeyColumns`` then
    /// ``LedgerSchema/rollupSumColumns`` order: the table's column order.
    static let rollupColumnTypes: [RowArray.Element] =
        [.bigint, .bigint] + LedgerSchema.rollupCountColumns.map { _ in .bigint } + [.double]
        + LedgerSchema.rollupAmountColumns.flatMap { _ in [RowArray.Element.bigint, .bigint] }

    /// The rollup upsert of a batch into `table` (`rollups` or `rollups_daily`, whose columns are
    /// the same): `INSERT … SELECT * FROM UNNEST($1::rollups[]) ON CONFLICT (key) DO UPDATE` adding
    /// each row's sums to the stored ones, the rows sent like the events'. The keys of one batch are
    /// distinct (``LedgerRollups`` merges them), as PostgreSQL requires of one `ON CONFLICT DO
    /// UPDATE` statement.
    static func rollupUpsertSQL(table: String) -> String {
        let updates = LedgerSchema.rollupSumColumns.map { "\($0) = \(table).\($0) + excluded.\($0)" }
        return "INSERT INTO \(table) SELECT * FROM UNNEST($1::rollups[]) "
            + "ON CONFLICT (\(LedgerSchema.rollupKeyColumns.joined(separator: ", "))) "
            + "DO UPDATE SET \(updates.joined(separator: ", "))"
    }

    /// Adds rollup rows to the stored hourly and daily rollups, in the caller's transaction.
    ///
    /// - Throws: ``LedgerError`` (`amountOutOfRange`) when a sum's nanodollars do not fit 64 bits.
    static func store(_ rollups: LedgerRollups, on connection: PostgresConnection, location: String) async throws {
        guard !rollups.isEmpty else { return }
        let keys = Array(Set(rollups.rows.keys.map(\.key)))
        let ids = Dictionary(uniqueKeysWithValues: zip(keys, try await keyIDs(keys, on: connection)))
        func rows(_ rollups: LedgerRollups) -> [(Int64, Int64, SpendSums)] {
            rollups.rows.map { key, sums in (key.hour, ids[key.key] ?? -1, sums) }
        }
        try await upsert(
            hourly: rows(rollups), daily: rows(rollups.daily), on: connection, location: location)
    }

    /// Adds a batch's sums to the stored hourly and daily rollups, given its keys' ids.
    static func store(
        _ rollups: LedgerBatch.Rollups, keyIDs: [Int64], on connection: PostgresConnection, location: String
    ) async throws {
        func rows(_ sums: [LedgerBatch.Rollups.Slot: SpendSums]) -> [(Int64, Int64, SpendSums)] {
            sums.map { slot, sums in (slot.hour, keyIDs[slot.key], sums) }
        }
        try await upsert(
            hourly: rows(rollups.hourly), daily: rows(rollups.daily), on: connection, location: location)
    }

    /// Runs the hourly and daily upserts of rows of hour, key id and sums.
    private static func upsert(
        hourly: [(Int64, Int64, SpendSums)], daily: [(Int64, Int64, SpendSums)], on connection: PostgresConnection,
        location: String
    ) async throws {
        guard !hourly.isEmpty else { return }
        let rowType = try await rowType("rollups", on: connection)
        for (table, rows) in [("rollups", hourly), (LedgerSchema.dailyRollupsTable, daily)] {
            var array = RowArray(columns: rollupColumnTypes, rows: rows.count)
            // In key order, so that concurrent appends lock the rows they share in the same order.
            for (hour, keyID, sums) in rows.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
                try LedgerRollups.write(hour: hour, keyID: keyID, sums, to: &array, location: location)
                array.endRow()
            }
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(array.parameter(rowType: rowType))
            try await connection.query(
                PostgresQuery(unsafeSQL: rollupUpsertSQL(table: table), binds: bindings), logger: logger)
        }
    }

    public func rollups(by dimensions: [LedgerGroupKey], since: Date?, until: Date?, per grain: RollupGrain)
        async throws
        -> [SpendRow]
    {
        // PostgreSQL sums `BIGINT` as `NUMERIC`: counts are cast back to `BIGINT` (a sum beyond
        // 2⁶³ is an error, as in SQLite); amounts travel as text, read into 128-bit integers, so
        // their sums are exact whatever their size.
        guard
            let query = LedgerSchema.spendQuery(
                dimensions, since: since, until: until, grain: grain, placeholder: { "$\($0)" },
                sum: { expression, column in
                    if column == "quality_sum" { return "SUM(\(expression)) AS \(column)" }
                    let isAmount = column.hasSuffix("_nano") || column.hasSuffix("_atto")
                    return "SUM(\(expression))::\(isAmount ? "TEXT" : "BIGINT") AS \(column)"
                })
        else {
            var scan = EventScan(dimensions: dimensions, grain: grain)
            try await forEachEntry(since: since, until: until) { scan.add($0) }
            return scan.rows
        }
        var bindings = PostgresBindings()
        for parameter in query.parameters {
            switch parameter {
            case .text(let text): bindings.append(text)
            case .integer(let value): bindings.append(value)
            }
        }
        let sql = PostgresQuery(unsafeSQL: query.sql, binds: bindings)
        let count = dimensions.count
        return try await run {
            var rows: [SpendRow] = []
            for try await row in try await client.query(sql, logger: Self.logger) {
                let row = row.makeRandomAccess()
                // An empty table still yields one all-NULL aggregate row without GROUP BY.
                guard let requests = try row["requests"].decode(Int64?.self), requests > 0 else { continue }
                let key = try (0..<count).map { LedgerSchema.keyValue(try row["k\($0)"].decode(String?.self)) }
                let hour = grain == .total ? nil : try row["hour"].decode(Int64?.self)
                rows.append(
                    SpendRow(
                        key: key, hour: LedgerSchema.rowHour(hour, grain: grain), sums: try Self.rollupSums(from: row)))
            }
            return rows
        }
    }

    /// The sums of a row of ``rollupSumSelect``.
    private static func rollupSums(from row: PostgresRandomAccessRow) throws -> SpendSums {
        let counts = try LedgerSchema.rollupCountColumns.map { try row[$0].decode(Int64?.self) ?? 0 }
        let amounts = try LedgerSchema.rollupAmountColumns.map { name in
            Money(attodollars: try sum(row["\(name)_nano"]) * StoredAmount.attoPerNano + sum(row["\(name)_atto"]))
        }
        return LedgerRollups.sums(
            counts: counts, qualitySum: try row["quality_sum"].decode(Double?.self) ?? 0, amounts: amounts)
    }
}
