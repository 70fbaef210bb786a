import Foundation
import GRDB
import GRDBSQLite
import TokenomicsCore

extension SQLiteLedgerStore {
    public func count() async throws -> Int {
        try await run { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0 }
    }

    public func quarantined(limit: Int?) async throws -> [QuarantineItem] {
        try await run { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, source, line, reason, raw FROM quarantine ORDER BY id LIMIT ?",
                arguments: [limit ?? -1])
            return rows.map { row in
                QuarantineItem(
                    id: row["id"], source: row["source"], line: row["line"], reason: row["reason"], raw: row["raw"])
            }
        }
    }

    public func entries(since: Date?, until: Date?, limit: Int?) async throws -> [LedgerEntry] {
        let path = path
        return try await run { db in
            var entries: [LedgerEntry] = []
            try Self.forEachEntry(in: db, since: since, until: until, ordered: true, limit: limit, path: path) {
                entries.append($0)
            }
            return entries
        }
    }

    public func totals(since: Date?, until: Date?) async throws -> LedgerTotals {
        let path = path
        return try await run { db in
            var totals = LedgerTotals()
            try Self.forEachEntry(in: db, since: since, until: until, path: path) { totals.add($0) }
            return totals
        }
    }

    public func groups(by key: LedgerGroupKey, since: Date?, until: Date?) async throws -> [LedgerGroup] {
        let path = path
        return try await run { db in
            var totals: [String?: LedgerTotals] = [:]
            try Self.forEachEntry(in: db, since: since, until: until, path: path) { entry in
                totals[EventScan.value(of: key, in: entry), default: LedgerTotals()].add(entry)
            }
            return LedgerGroup.sorted(totals)
        }
    }

    /// Reads the stored entries with a timestamp in `[since, until)` (all of them, those without
    /// one included, when neither bound is set).
    ///
    /// - Parameters:
    ///   - ordered: whether in timestamp then id order (else in storage order).
    ///   - limit: the most to read.
    ///   - body: called with each entry.
    static func forEachEntry(
        in db: Database, since: Date?, until: Date?, ordered: Bool = false, limit: Int? = nil, path: String,
        _ body: (LedgerEntry) throws -> Void
    ) throws {
        let keys = try eventKeys(in: db)
        guard let (conditions, arguments) = try range(since: since, until: until, in: db) else { return }
        let sql =
            "SELECT id, ts_us, key_id, record FROM events"
            + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + (ordered ? " ORDER BY ts_us, id" : "") + " LIMIT ?"
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments + [limit ?? -1])
        try forEachRow(of: statement, in: db) { sqlite in
            try body(try entry(sqlite, column: 0, keys: keys, path: path))
        }
    }

    /// The conditions on `seq` and `ts_us` (and their arguments) that select the events of
    /// `[since, until)`, or `nil` when no event can be in it.
    ///
    /// The events table has no index on the timestamp (it cost a fifth of the time of storing
    /// an event): `event_hours` keeps the first and last row of each hour instead, and rows are
    /// stored in about time order, so that the rows of a range are a short run of `seq` to scan.
    static func range(since: Date?, until: Date?, in db: Database) throws -> ([String], StatementArguments)? {
        guard since != nil || until != nil else { return ([], []) }
        var conditions: [String] = []
        var arguments = StatementArguments()
        // An hour more on each side: the rows' hours come from whole microseconds, the range's
        // from the bounds themselves; the timestamp conditions below are exact either way.
        let hours = LedgerSchema.hourRange(since: since, until: until)
        let bounds = try Row.fetchOne(
            db,
            sql: "SELECT MIN(first_seq) AS first, MAX(last_seq) AS last FROM event_hours WHERE hour >= ? AND hour < ?",
            arguments: [hours.from.map { $0 - 1 } ?? Int64.min + 1, hours.to.map { $0 + 1 } ?? Int64.max])
        guard let first: Int64 = bounds?["first"], let last: Int64 = bounds?["last"] else { return nil }
        conditions.append("seq BETWEEN ? AND ?")
        arguments += [first, last]
        if let since {
            conditions.append("ts_us >= ?")
            arguments += [microseconds(since)]
        }
        if let until {
            conditions.append("ts_us < ?")
            arguments += [microseconds(until)]
        }
        return (conditions, arguments)
    }

    /// Steps a statement to its end, calling `body` with it at each row.
    static func forEachRow(
        of statement: Statement, in db: Database, _ body: (SQLiteStatement) throws -> Void
    ) throws {
        let sqlite = statement.sqliteStatement
        defer { sqlite3_reset(sqlite) }
        while true {
            let code = sqlite3_step(sqlite)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try body(sqlite)
        }
    }

    /// The entry of a row whose columns from `column` on are `id, ts_us, key_id, record`.
    static func entry(_ row: SQLiteStatement, column: Int32, keys: [Int64: EventKey], path: String) throws
        -> LedgerEntry
    {
        let id = String(cString: sqlite3_column_text(row, column))
        let microseconds =
            sqlite3_column_type(row, column + 1) == SQLITE_NULL ? nil : sqlite3_column_int64(row, column + 1)
        let keyID = sqlite3_column_int64(row, column + 2)
        guard let key = keys[keyID] else {
            throw LedgerError(.storage, location: path, "event \(id) names event key \(keyID), which is not stored")
        }
        let bytes = sqlite3_column_blob(row, column + 3)
        let count = Int(sqlite3_column_bytes(row, column + 3))
        do {
            return try EventRecord.decode(
                UnsafeRawBufferPointer(start: bytes, count: count), id: id, microseconds: microseconds, key: key)
        } catch {
            throw LedgerError(.storage, location: path, "event \(id): \(error.message)")
        }
    }

    /// Every stored event key by id.
    static func eventKeys(in db: Database) throws -> [Int64: EventKey] {
        let columns = LedgerSchema.eventKeyColumns
        var keys: [Int64: EventKey] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT key_id, \(columns.joined(separator: ", ")) FROM event_keys")
        while let row = try rows.next() {
            let values = columns.map { row[$0] as DatabaseValue }
            let text = values.enumerated().filter { $0.offset != 4 }.map { String.fromDatabaseValue($0.element) ?? "" }
            keys[row["key_id"]] = EventKey(text: text, longContextThreshold: Int64.fromDatabaseValue(values[4]) ?? -1)
        }
        return keys
    }
}
