import Foundation
import GRDB
import GRDBSQLite
import TokenomicsCore

extension SQLiteLedgerStore {
    public func append(_ batch: LedgerBatch) async throws -> AppendResult {
        guard !batch.isEmpty else { return AppendResult() }
        let path = path
        let batch = batch.sortedByHash()
        return try await write { db in
            let (duplicates, keyIDs) = try Self.insert(batch, in: db)
            try Self.store(try batch.rollups(excluding: duplicates), keyIDs: keyIDs, in: db, location: path)
            return AppendResult(stored: batch.count - duplicates.count, duplicates: duplicates.count)
        }
    }

    /// `INSERT … ON CONFLICT DO NOTHING` of one event row: an id hash already stored leaves the
    /// row alone (and ``insert(_:in:)`` finds out whether the id is).
    static let insertSQL =
        "INSERT INTO events (id, id_hash, ts_us, key_id, record) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"

    /// Stores the events of a batch whose ids are not stored yet, in the caller's transaction, in
    /// the batch's order: put it in id hash order first (``LedgerBatch/sortByHash()``), so that
    /// each insert into the index of hashes lands next to the previous one, on pages already in
    /// memory (about a fifth less time per event than arrival order).
    ///
    /// An event is a duplicate when its id is stored. The id hash finds it in one index lookup;
    /// the rare other id with the same hash (about one pair in 10¹¹ among a million ids) is
    /// stored without a hash, and found through the index of such ids.
    ///
    /// - Returns: the indices of the duplicates in the batch (ascending), and the id of each of
    ///   its keys.
    static func insert(_ batch: LedgerBatch, in db: Database) throws -> (duplicates: [Int], keyIDs: [Int64]) {
        let keyIDs = try keyIDs(batch.keys, in: db)
        let insert = try db.cachedStatement(sql: insertSQL).sqliteStatement
        var duplicates: [Int] = []
        var firstRow: Int64?
        var lastRow: Int64?
        // The id and record are bound without copies (`SQLITE_STATIC`): they stay where they
        // are until the statement has run, inside these closures; the bindings are cleared after.
        defer { sqlite3_clear_bindings(insert) }
        for index in batch.ids.indices {
            var id = batch.ids[index]
            var hash: Int64? = batch.hashes[index]
            while true {
                let stored = try id.withUTF8 { idBytes in
                    try batch.withRecord(index) { record in
                        var row = RowBinder(insert)
                        row.bind(staticText: idBytes)
                        row.bind(hash)
                        row.bind(batch.timestamps[index])
                        row.bind(keyIDs[batch.keyIndices[index]])
                        row.bind(staticBlob: record)
                        return try RowBinder.step(insert, in: db) > 0
                    }
                }
                if stored {
                    lastRow = db.lastInsertedRowID
                    if firstRow == nil { firstRow = lastRow }
                    break
                }
                // The hash is taken: by this id (a duplicate), or by another one.
                if try isStored(id, hash: batch.hashes[index], in: db) {
                    duplicates.append(index)
                    break
                }
                hash = nil
            }
        }
        if let firstRow, let lastRow { try storeHours(batch.hours, rows: firstRow...lastRow, in: db) }
        return (duplicates, keyIDs)
    }

    /// Widens the stored run of rows of each hour of a batch to hold the rows it stored. They
    /// are stored in id hash order, so each hour's rows are spread over the batch's rows (one
    /// run, numbered one after another): the run of each hour is taken as the whole batch's.
    private static func storeHours(_ hours: Set<Int64>, rows: ClosedRange<Int64>, in db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO event_hours (hour, first_seq, last_seq) VALUES (?, ?, ?) ON CONFLICT (hour) "
                + "DO UPDATE SET first_seq = MIN(first_seq, excluded.first_seq), "
                + "last_seq = MAX(last_seq, excluded.last_seq)")
        for hour in hours { try statement.execute(arguments: [hour, rows.lowerBound, rows.upperBound]) }
    }

    /// Whether an id whose hash is stored is itself stored.
    private static func isStored(_ id: String, hash: Int64, in db: Database) throws -> Bool {
        let holder = try String.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM events WHERE id_hash = ?"), arguments: [hash])
        if holder == id { return true }
        return try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM events WHERE id_hash IS NULL AND id = ?"), arguments: [id])
            ?? false
    }

    /// The ids of some event keys in `event_keys`, adding those not there yet.
    static func keyIDs(_ keys: [EventKey], in db: Database) throws -> [Int64] {
        let columns = LedgerSchema.eventKeyColumns
        let find = try db.cachedStatement(
            sql: "SELECT key_id FROM event_keys WHERE " + columns.map { "\($0) = ?" }.joined(separator: " AND "))
        let add = try db.cachedStatement(
            sql: "INSERT INTO event_keys (\(columns.joined(separator: ", "))) VALUES ("
                + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")")
        return try keys.map { key in
            let text = key.text
            let values: [any DatabaseValueConvertible] =
                Array(text.prefix(4)) + [key.longContextThreshold] + Array(text.dropFirst(4))
            let arguments = StatementArguments(values)
            if let id = try Int64.fetchOne(find, arguments: arguments) { return id }
            try add.execute(arguments: arguments)
            return db.lastInsertedRowID
        }
    }

    public func quarantine(_ items: [QuarantineItem]) async throws {
        guard !items.isEmpty else { return }
        try await write { db in
            let statement = try db.cachedStatement(
                sql: "INSERT INTO quarantine (source, line, reason, raw) VALUES (?, ?, ?, ?)")
            for item in items {
                try statement.execute(arguments: [item.source, item.line, item.reason, item.raw])
            }
        }
    }

    public func removeQuarantined(ids: [Int64]) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try await write { db in
            let statement = try db.cachedStatement(sql: "DELETE FROM quarantine WHERE id = ?")
            var removed = 0
            for id in ids {
                try statement.execute(arguments: [id])
                removed += db.changesCount
            }
            return removed
        }
    }

    /// Microseconds since 1970, the stored form of a timestamp.
    static func microseconds(_ date: Date) -> Int64 {
        LedgerSchema.microseconds(date)
    }
}
