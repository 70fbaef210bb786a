import Foundation
import PostgresNIO
import TokenomicsCore

extension PostgresLedgerStore {
    /// The SQL type of each rollup column, in ``LedgerSchema/rollupKeyColumns`` then
    /// ``LedgerSchema/rollupSumColumns`` order: the table's column order.
    static let rollupColumnTypes: [RowArray.Element] =
        LedgerSchema.rollupKeyColumns.map { $0 == "hour" || $0 == "long_context_threshold" ? .bigint : .text }
        + LedgerSchema.rollupCountColumns.map { _ in .bigint } + [.double]
        + LedgerSchema.rollupAmountColumns.flatMap { _ in [RowArray.Element.bigint, .bigint] }

    /// The rollup upsert of a batch: `INSERT … SELECT * FROM UNNEST($1::rollups[]) ON CONFLICT
    /// (key) DO UPDATE` adding each row's sums to the stored ones, the rows sent like the events'.
    /// The keys of one batch are distinct (``LedgerRollups`` merges them), as PostgreSQL requires
    /// of one `ON CONFLICT DO UPDATE` statement.
    static let rollupUpsertSQL: String = {
        let updates = LedgerSchema.rollupSumColumns.map { "\($0) = rollups.\($0) + excluded.\($0)" }
        return "INSERT INTO rollups SELECT * FROM UNNEST($1::rollups[]) "
            + "ON CONFLICT (\(LedgerSchema.rollupKeyColumns.joined(separator: ", "))) "
            + "DO UPDATE SET \(updates.joined(separator: ", "))"
    }()

    /// Adds a batch's rollup rows to the stored rollups, in the caller's transaction.
    ///
    /// - Throws: ``LedgerError`` (`amountOutOfRange`) when a sum's nanodollars do not fit 64 bits.
    static func store(_ rollups: LedgerRollups, on connection: PostgresConnection, location: String) async throws {
        guard let rows = try rollupRows(rollups, location: location) else { return }
        try await upsert(rows, rowType: try await rowTypes(on: connection).rollups, on: connection)
    }

    /// Runs the rollup upsert of `rows`, given the OID of the rollups row type.
    static func upsert(_ rows: RowArray, rowType: UInt32, on connection: PostgresConnection) async throws {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(rows.parameter(rowType: rowType))
        try await connection.query(PostgresQuery(unsafeSQL: rollupUpsertSQL, binds: bindings), logger: logger)
    }

    /// The rows of a batch's rollups, or `nil` when there are none.
    ///
    /// - Throws: ``LedgerError`` (`amountOutOfRange`) when a sum's nanodollars do not fit 64 bits.
    static func rollupRows(_ rollups: LedgerRollups, location: String) throws -> RowArray? {
        guard !rollups.isEmpty else { return nil }
        var row = RowArray(columns: rollupColumnTypes, rows: rollups.rows.count)
        for (key, sums) in rollups.rows {
            row.append(key.hour)
            for text in key.text.prefix(4) { row.append(text) }
            row.append(key.longContextThreshold)
            for text in key.text.dropFirst(4) { row.append(text) }
            for count in LedgerRollups.counts(sums) { row.append(count) }
            row.append(sums.qualitySum)
            for amount in LedgerRollups.amounts(sums) {
                guard let stored = StoredAmount(amount) else {
                    throw LedgerError(.amountOutOfRange, location: location, "a rollup sum is out of the stored range")
                }
                row.append(stored.nano)
                row.append(stored.atto)
            }
            row.endRow()
        }
        return row
    }

    /// The aggregate select list of a rollups query. PostgreSQL sums `BIGINT` as `NUMERIC`: the
    /// counts are cast back to `BIGINT` (a sum beyond 2⁶³ is an error, as in SQLite); the amount
    /// columns travel as text, read into 128-bit integers, so their sums are exact whatever
    /// their size (an `_atto` column of a rollup row is below 10⁹ per batch added to it).
    static let rollupSumSelect: String =
        (LedgerSchema.rollupCountColumns.map { "SUM(\($0))::BIGINT AS \($0)" }
        + ["SUM(quality_sum) AS quality_sum"]
        + LedgerSchema.rollupAmountColumns.flatMap { ["\($0)_nano", "\($0)_atto"] }.map {
            "SUM(\($0))::TEXT AS \($0)"
        }).joined(separator: ", ")

    public func rollups(by dimensions: [LedgerGroupKey], since: Date?, until: Date?, hourly: Bool) async throws
        -> [SpendRow]
    {
        let columns = try LedgerSchema.rollupColumns(dimensions, location: location)
        var bindings = PostgresBindings()
        var select: [String] = []
        for (index, dimension) in dimensions.enumerated() {
            switch (dimension, columns[index]) {
            case (.tag(let name), _):
                // The tag name is a bound parameter: it never becomes SQL text.
                bindings.append(name)
                select.append("(NULLIF(tags, '')::jsonb ->> $\(bindings.count)) AS k\(index)")
            case (_, let column?):
                select.append("\(column)::TEXT AS k\(index)")
            case (_, nil):
                continue
            }
        }
        if hourly { select.append("hour") }
        let (from, to) = LedgerSchema.hourRange(since: since, until: until)
        var conditions: [String] = []
        if from != nil || to != nil {
            bindings.append(LedgerSchema.noHour)
            conditions.append("hour <> $\(bindings.count)")
        }
        if let from {
            bindings.append(from)
            conditions.append("hour >= $\(bindings.count)")
        }
        if let to {
            bindings.append(to)
            conditions.append("hour < $\(bindings.count)")
        }
        let groupBy = (0..<dimensions.count).map { "k\($0)" } + (hourly ? ["hour"] : [])
        let sql =
            "SELECT \((select + [Self.rollupSumSelect]).joined(separator: ", ")) FROM rollups"
            + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + (groupBy.isEmpty ? "" : " GROUP BY " + groupBy.joined(separator: ", "))
        let query = PostgresQuery(unsafeSQL: sql, binds: bindings)
        let count = dimensions.count
        return try await run {
            var rows: [SpendRow] = []
            for try await row in try await client.query(query, logger: Self.logger) {
                let row = row.makeRandomAccess()
                // An empty table still yields one all-NULL aggregate row without GROUP BY.
                guard let requests = try row["requests"].decode(Int64?.self), requests > 0 else { continue }
                let key = try (0..<count).map { LedgerSchema.keyValue(try row["k\($0)"].decode(String?.self)) }
                let hour = hourly ? try row["hour"].decode(Int64?.self) : nil
                rows.append(
                    SpendRow(
                        key: key,
                        hour: hour.flatMap { $0 == LedgerSchema.noHour ? nil : LedgerSchema.date(hour: $0) },
                        sums: try Self.rollupSums(from: row)))
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
