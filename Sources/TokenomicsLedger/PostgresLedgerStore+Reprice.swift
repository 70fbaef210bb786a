import Foundation
import PostgresNIO
import TokenomicsCore

extension PostgresLedgerStore {
    public func reprice(
        since: Date?, until: Date?, batchSize: Int, price: @escaping @Sendable (LedgerEntry) -> LedgerEntry,
        progress: @escaping @Sendable (Int) -> Void
    ) async throws -> RepriceResult {
        var result = RepriceResult()
        var position = RepricePosition.hashed(after: nil)
        while true {
            let from = position
            let (batch, next) = try await run {
                try await client.withTransaction(logger: Self.logger) { connection in
                    try await self.repriceBatch(
                        on: connection, from: from, since: since, until: until, limit: batchSize, price: price)
                }
            }
            result += batch
            progress(result.examined)
            guard let next else { return result }
            position = next
        }
    }

    /// Where re-pricing has got to: the events are read in id hash order, then those stored
    /// without a hash in id order (both through an index).
    enum RepricePosition: Sendable {
        /// After the event with this hash (`nil`: from the start).
        case hashed(after: Int64?)
        /// After the unhashed event with this id.
        case unhashed(after: String)
    }

    /// Re-prices the next `limit` events from `from` in the caller's transaction; returns what
    /// changed and where to go on from, `nil` at the end.
    private func repriceBatch(
        on connection: PostgresConnection, from: RepricePosition, since: Date?, until: Date?, limit: Int,
        price: (LedgerEntry) -> LedgerEntry
    ) async throws -> (RepriceResult, RepricePosition?) {
        var bindings = PostgresBindings()
        var conditions: [String]
        let order: String
        switch from {
        case .hashed(let after):
            conditions = ["id_hash IS NOT NULL"]
            if let after {
                bindings.append(after)
                conditions.append("id_hash > $1")
            }
            order = "id_hash"
        case .unhashed(let after):
            bindings.append(after)
            conditions = ["id_hash IS NULL", "id > $1"]
            order = "id"
        }
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
            unsafeSQL: "SELECT id_hash, id, ts_us, key_id, record FROM events WHERE "
                + conditions.joined(separator: " AND ") + " ORDER BY \(order) LIMIT $\(bindings.count)",
            binds: bindings)
        let keys = try await Self.eventKeys(on: connection)
        var olds: [(hash: Int64?, entry: LedgerEntry)] = []
        let rows = try await connection.query(select, logger: Self.logger)
        for try await (hash, id, microseconds, keyID, record) in rows.decode(
            (Int64?, String, Int64?, Int64, ByteBuffer).self)
        {
            olds.append((hash, try Self.entry(id, microseconds, keyID, record, keys: keys, location: location)))
        }
        var result = RepriceResult()
        var rollups = LedgerRollups()
        for (hash, old) in olds {
            guard let new = result.reprice(old, with: price) else { continue }
            try await record(old, new, hash: hash, on: connection)
            rollups.add(old, removing: true)
            rollups.add(new)
        }
        try await Self.store(rollups, on: connection, location: location)
        for table in ["rollups", LedgerSchema.dailyRollupsTable] {
            try await connection.query(
                PostgresQuery(unsafeSQL: "DELETE FROM \(table) WHERE requests = 0"), logger: Self.logger)
        }
        let next: RepricePosition?
        switch (from, olds.last) {
        case (.hashed, let last?) where olds.count == limit: next = .hashed(after: last.hash)
        case (.hashed, _): next = .unhashed(after: "")
        case (.unhashed, let last?) where olds.count == limit: next = .unhashed(after: last.entry.id)
        case (.unhashed, _): next = nil
        }
        return (result, next)
    }

    /// Keeps an event's previous pricing in `repricings` and stores its new key and record.
    private func record(_ old: LedgerEntry, _ new: LedgerEntry, hash: Int64?, on connection: PostgresConnection)
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
        if let hash {
            try await connection.query(
                "UPDATE events SET key_id = \(keyID), record = \(record) WHERE id_hash = \(hash)", logger: Self.logger)
        } else {
            try await connection.query(
                "UPDATE events SET key_id = \(keyID), record = \(record) WHERE id_hash IS NULL AND id = \(new.id)",
                logger: Self.logger)
        }
    }
}
