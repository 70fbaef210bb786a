import Foundation
import PostgresNIO
import TokenomicsCore

extension PostgresLedgerStore {
    public func reprice(
        since: Date?, until: Date?, batchSize: Int, price: @escaping @Sendable (LedgerEntry) -> LedgerEntry,
        progress: @escaping @Sendable (Int) -> Void
    ) async throws -> RepriceResult {
        var result = RepriceResult()
        var lastSeq: Int64 = 0
        while true {
            let after = lastSeq
            let (batch, last) = try await run {
                try await client.withTransaction(logger: Self.logger) { connection in
                    try await self.repriceBatch(
                        on: connection, after: after, since: since, until: until, limit: batchSize, price: price)
                }
            }
            result += batch
            progress(result.examined)
            guard let last else { return result }
            lastSeq = last
        }
    }

    /// Re-prices the next `limit` events after the row `after` (in storage order) in the
    /// caller's transaction; returns what changed and the last row read, `nil` at the end.
    private func repriceBatch(
        on connection: PostgresConnection, after: Int64, since: Date?, until: Date?, limit: Int,
        price: (LedgerEntry) -> LedgerEntry
    ) async throws -> (RepriceResult, Int64?) {
        var bindings = PostgresBindings()
        bindings.append(after)
        var conditions = ["seq > $1"]
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
            unsafeSQL: "SELECT seq, id, ts_us, key_id, record FROM events WHERE "
                + conditions.joined(separator: " AND ") + " ORDER BY seq LIMIT $\(bindings.count)",
            binds: bindings)
        let keys = try await Self.eventKeys(on: connection)
        var olds: [(seq: Int64, entry: LedgerEntry)] = []
        let rows = try await connection.query(select, logger: Self.logger)
        for try await (seq, id, microseconds, keyID, record) in rows.decode(
            (Int64, String, Int64?, Int64, ByteBuffer).self)
        {
            olds.append((seq, try Self.entry(id, microseconds, keyID, record, keys: keys, location: location)))
        }
        var result = RepriceResult()
        var rollups = LedgerRollups()
        for (seq, old) in olds {
            guard let new = result.reprice(old, with: price) else { continue }
            try await record(old, new, seq: seq, on: connection)
            rollups.add(old, removing: true)
            rollups.add(new)
        }
        try await Self.store(rollups, on: connection, location: location)
        for table in ["rollups", LedgerSchema.dailyRollupsTable] {
            try await connection.query(
                PostgresQuery(unsafeSQL: "DELETE FROM \(table) WHERE requests = 0"), logger: Self.logger)
        }
        return (result, olds.count < limit ? nil : olds.last?.seq)
    }

    /// Keeps an event's previous pricing in `repricings` and stores its new key and record.
    private func record(_ old: LedgerEntry, _ new: LedgerEntry, seq: Int64, on connection: PostgresConnection)
        async throws
    {
        let oldCost = try old.cost.map { try StoredAmount.checked($0, location: location, owner: "event \(old.id)") }
        let newCost = try new.cost.map { try StoredAmount.checked($0, location: location, owner: "event \(new.id)") }
        try await connection.query(
            """
            INSERT INTO repricings (event_id, old_catalog_version, old_priced_model, old_priced_tier,
                old_cost_nano, old_cost_atto, new_catalog_version, new_cost_nano, new_cost_atto)
            VALUES (\(old.id), \(old.catalogVersion), \(old.event.pricedModel), \(old.pricedTier.rawValue),
                \(oldCost?.nano), \(oldCost?.atto), \(new.catalogVersion), \(newCost?.nano), \(newCost?.atto))
            """, logger: Self.logger)
        let keyID = try await Self.keyIDs([EventKey(new)], on: connection)[0]
        var record = ByteBuffer()
        record.writeBytes(EventRecord.encode(new))
        try await connection.query(
            "UPDATE events SET key_id = \(keyID), record = \(record) WHERE seq = \(seq)", logger: Self.logger)
    }
}
