import Foundation
import PostgresNIO
import TokenomicsCore

extension PostgresLedgerStore {
    public func reprice(
        since: Date?, until: Date?, batchSize: Int, price: @escaping @Sendable (LedgerEntry) -> LedgerEntry,
        progress: @escaping @Sendable (Int) -> Void
    ) async throws -> RepriceResult {
        var result = RepriceResult()
        var lastID = ""
        while true {
            let after = lastID
            let (batch, last) = try await run {
                try await client.withTransaction(logger: Self.logger) { connection in
                    try await self.repriceBatch(
                        on: connection, after: after, since: since, until: until, limit: batchSize, price: price)
                }
            }
            result += batch
            progress(result.examined)
            guard let last else { return result }
            lastID = last
        }
    }

    /// Re-prices the next `limit` events after the id `after` (in id order) in the caller's
    /// transaction; returns what changed and the last id read, `nil` at the end.
    private func repriceBatch(
        on connection: PostgresConnection, after: String, since: Date?, until: Date?, limit: Int,
        price: (LedgerEntry) -> LedgerEntry
    ) async throws -> (RepriceResult, String?) {
        var bindings = PostgresBindings()
        bindings.append(after)
        var conditions = ["id > $1"]
        if let since {
            bindings.append(LedgerSchema.microseconds(since))
            conditions.append("ts_us >= $\(bindings.count)")
        }
        if let until {
            bindings.append(LedgerSchema.microseconds(until))
            conditions.append("ts_us < $\(bindings.count)")
        }
        bindings.append(Int64(limit))
        let select = PostgresQuery(
            unsafeSQL: "SELECT \(LedgerSchema.eventColumns.joined(separator: ", ")) FROM events WHERE "
                + conditions.joined(separator: " AND ") + " ORDER BY id LIMIT $\(bindings.count)",
            binds: bindings)
        let decoder = JSONDecoder()
        var olds: [LedgerEntry] = []
        for try await row in try await connection.query(select, logger: Self.logger) {
            olds.append(try Self.entry(from: row.makeRandomAccess(), decoder: decoder))
        }
        var result = RepriceResult()
        var rollups = LedgerRollups()
        for old in olds {
            guard let new = result.reprice(old, with: price) else { continue }
            try await record(old, new, on: connection)
            rollups.add(old, removing: true)
            rollups.add(new)
        }
        try await Self.store(rollups, on: connection, location: location)
        for table in ["rollups", LedgerSchema.dailyRollupsTable] {
            try await connection.query(
                PostgresQuery(unsafeSQL: "DELETE FROM \(table) WHERE requests = 0"), logger: Self.logger)
        }
        return (result, olds.count < limit ? nil : olds.last?.id)
    }

    /// Keeps an event's previous pricing in `repricings` and updates its pricing columns.
    private func record(_ old: LedgerEntry, _ new: LedgerEntry, on connection: PostgresConnection) async throws {
        let oldCost = try old.cost.map { try StoredAmount.checked($0, location: location, owner: "event \(old.id)") }
        let newCost = try new.cost.map { try StoredAmount.checked($0, location: location, owner: "event \(new.id)") }
        var history = PostgresBindings()
        history.append(old.id)
        history.append(old.catalogVersion)
        history.append(old.event.pricedModel)
        history.append(old.pricedTier.rawValue)
        history.append(oldCost?.nano)
        history.append(oldCost?.atto)
        history.append(new.catalogVersion)
        history.append(newCost?.nano)
        history.append(newCost?.atto)
        try await connection.query(
            PostgresQuery(
                unsafeSQL: "INSERT INTO repricings (event_id, old_catalog_version, old_priced_model, old_priced_tier, "
                    + "old_cost_nano, old_cost_atto, new_catalog_version, new_cost_nano, new_cost_atto) "
                    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                binds: history),
            logger: Self.logger)
        var update = PostgresBindings()
        update.append(new.event.pricedModel)
        update.append(new.catalogVersion)
        update.append(new.pricedTier.rawValue)
        update.append(new.longContextThreshold)
        update.append(Int64(new.cost == nil ? 0 : 1))
        update.append(new.unpricedReason)
        for amount in RepriceResult.repricedAmounts(new) {
            let value = try amount.map { try StoredAmount.checked($0, location: location, owner: "event \(new.id)") }
            update.append(value?.nano)
            update.append(value?.atto)
        }
        update.append(new.id)
        let columns = SQLiteLedgerStore.repricedColumns
        let assignments = columns.enumerated().map { "\($1) = $\($0 + 1)" }.joined(separator: ", ")
        try await connection.query(
            PostgresQuery(
                unsafeSQL: "UPDATE events SET \(assignments) WHERE id = $\(columns.count + 1)", binds: update),
            logger: Self.logger)
    }
}
