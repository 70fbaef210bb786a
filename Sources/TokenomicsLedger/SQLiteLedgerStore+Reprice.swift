import Foundation
import GRDB
import TokenomicsCore

extension SQLiteLedgerStore {
    public func reprice(
        since: Date?, until: Date?, batchSize: Int, price: @escaping @Sendable (LedgerEntry) -> LedgerEntry,
        progress: @escaping @Sendable (Int) -> Void
    ) async throws -> RepriceResult {
        var result = RepriceResult()
        var lastID: String?
        let path = path
        while true {
            let after = lastID
            let (batch, last) = try await write { db -> (RepriceResult, String?) in
                try Self.repriceBatch(
                    db, after: after, since: since, until: until, limit: batchSize, price: price, path: path)
            }
            result += batch
            progress(result.examined)
            guard let last else { return result }
            lastID = last
        }
    }

    /// Re-prices the next `limit` events after the id `after` (in id order), in the caller's
    /// transaction; returns what changed and the last id read, `nil` at the end.
    private static func repriceBatch(
        _ db: Database, after: String?, since: Date?, until: Date?, limit: Int,
        price: (LedgerEntry) -> LedgerEntry, path: String
    ) throws -> (RepriceResult, String?) {
        var conditions = ["id > ?"]
        var arguments: StatementArguments = [after ?? ""]
        if let since {
            conditions.append("ts_us >= ?")
            arguments += [microseconds(since)]
        }
        if let until {
            conditions.append("ts_us < ?")
            arguments += [microseconds(until)]
        }
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT \(eventColumns.joined(separator: ", ")) FROM events WHERE "
                + conditions.joined(separator: " AND ") + " ORDER BY id LIMIT ?",
            arguments: arguments + [limit])
        var result = RepriceResult()
        var rollups = LedgerRollups()
        let decoder = JSONDecoder()
        let update = try db.cachedStatement(sql: repriceUpdateSQL)
        let history = try db.cachedStatement(
            sql: "INSERT INTO repricings (event_id, old_catalog_version, old_priced_model, old_priced_tier, "
                + "old_cost_nano, old_cost_atto, new_catalog_version, new_cost_nano, new_cost_atto) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for row in rows {
            let old = try entry(from: row, decoder: decoder)
            guard let new = result.reprice(old, with: price) else { continue }
            let oldCost = try old.cost.map { try StoredAmount.checked($0, location: path, owner: "event \(old.id)") }
            let newCost = try new.cost.map { try StoredAmount.checked($0, location: path, owner: "event \(new.id)") }
            try history.execute(arguments: [
                old.id, old.catalogVersion, old.event.pricedModel, old.pricedTier.rawValue, oldCost?.nano,
                oldCost?.atto,
                new.catalogVersion, newCost?.nano, newCost?.atto,
            ])
            var values: [(any DatabaseValueConvertible)?] = [
                new.event.pricedModel, new.catalogVersion, new.pricedTier.rawValue, new.longContextThreshold,
                new.cost == nil ? 0 : 1, new.unpricedReason,
            ]
            for amount in RepriceResult.repricedAmounts(new) {
                let value = try amount.map { try StoredAmount.checked($0, location: path, owner: "event \(new.id)") }
                values += [value?.nano, value?.atto]
            }
            values.append(new.id)
            try update.execute(arguments: StatementArguments(values))
            rollups.add(old, removing: true)
            rollups.add(new)
        }
        try store(rollups, in: db, location: path)
        try db.execute(sql: "DELETE FROM rollups WHERE requests = 0")
        try db.execute(sql: "DELETE FROM \(LedgerSchema.dailyRollupsTable) WHERE requests = 0")
        let last: String? = rows.count < limit ? nil : rows.last?["id"]
        return (result, last)
    }

    /// The columns re-pricing sets, in the order both backends bind them.
    static let repricedColumns: [String] =
        ["priced_model", "catalog_version", "priced_tier", "long_context_threshold", "priced", "unpriced_reason"]
        + (LedgerSchema.amountColumns + LedgerSchema.v2EventAmountColumns.prefix(4)).flatMap {
            ["\($0)_nano", "\($0)_atto"]
        }

    /// `UPDATE events` of the pricing columns of one event.
    static let repriceUpdateSQL =
        "UPDATE events SET \(repricedColumns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"
}
