import Foundation
import GRDB
import GRDBSQLite
import TokenomicsCore

extension SQLiteLedgerStore {
    public func reprice(
        since: Date?, until: Date?, batchSize: Int, price: @escaping @Sendable (LedgerEntry) -> LedgerEntry,
        progress: @escaping @Sendable (Int) -> Void
    ) async throws -> RepriceResult {
        var result = RepriceResult()
        var lastSeq: Int64 = 0
        let path = path
        while true {
            let after = lastSeq
            let (batch, last) = try await write { db -> (RepriceResult, Int64?) in
                try Self.repriceBatch(
                    db, after: after, since: since, until: until, limit: batchSize, price: price, path: path)
            }
            result += batch
            progress(result.examined)
            guard let last else { return result }
            lastSeq = last
        }
    }

    /// Re-prices the next `limit` events after the row `after` (in storage order), in the
    /// caller's transaction; returns what changed and the last row read, `nil` at the end.
    private static func repriceBatch(
        _ db: Database, after: Int64, since: Date?, until: Date?, limit: Int,
        price: (LedgerEntry) -> LedgerEntry, path: String
    ) throws -> (RepriceResult, Int64?) {
        guard let (range, rangeArguments) = try range(since: since, until: until, in: db) else {
            return (RepriceResult(), nil)
        }
        let conditions = ["seq > ?"] + range
        let arguments: StatementArguments = [after] + rangeArguments
        let keys = try eventKeys(in: db)
        let select = try db.makeStatement(
            sql: "SELECT seq, id, ts_us, key_id, record FROM events WHERE " + conditions.joined(separator: " AND ")
                + " ORDER BY seq LIMIT ?")
        try select.setArguments(arguments + [limit])
        var rows: [(seq: Int64, entry: LedgerEntry)] = []
        try forEachRow(of: select, in: db) { row in
            rows.append((sqlite3_column_int64(row, 0), try entry(row, column: 1, keys: keys, path: path)))
        }
        var result = RepriceResult()
        var rollups = LedgerRollups()
        let update = try db.cachedStatement(sql: "UPDATE events SET key_id = ?, record = ? WHERE seq = ?")
        let history = try db.cachedStatement(
            sql: "INSERT INTO repricings (event_id, old_catalog_version, old_priced_model, old_priced_tier, "
                + "old_cost_nano, old_cost_atto, new_catalog_version, new_cost_nano, new_cost_atto) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for (seq, old) in rows {
            guard let new = result.reprice(old, with: price) else { continue }
            let oldCost = try old.cost.map { try StoredAmount.checked($0, location: path, owner: "event \(old.id)") }
            let newCost = try new.cost.map { try StoredAmount.checked($0, location: path, owner: "event \(new.id)") }
            try history.execute(arguments: [
                old.id, old.catalogVersion, old.event.pricedModel, old.pricedTier.rawValue, oldCost?.nano,
                oldCost?.atto, new.catalogVersion, newCost?.nano, newCost?.atto,
            ])
            let keyID = try keyIDs([EventKey(new)], in: db)[0]
            try update.execute(arguments: [keyID, Data(EventRecord.encode(new)), seq])
            rollups.add(old, removing: true)
            rollups.add(new)
        }
        try store(rollups, in: db, location: path)
        try db.execute(sql: "DELETE FROM rollups WHERE requests = 0")
        try db.execute(sql: "DELETE FROM \(LedgerSchema.dailyRollupsTable) WHERE requests = 0")
        let last: Int64? = rows.count < limit ? nil : rows.last?.seq
        return (result, last)
    }
}
