import Foundation
import PostgresNIO
import TokenomicsCore

extension PostgresLedgerStore {
    public func count() async throws -> Int {
        try await run {
            var count: Int64 = 0
            for try await value in try await client.query("SELECT COUNT(*) FROM events").decode(Int64.self) {
                count = value
            }
            return Int(count)
        }
    }

    public func quarantined(limit: Int?) async throws -> [QuarantineItem] {
        try await run {
            // LIMIT NULL is no limit.
            let rows = try await client.query(
                "SELECT id, source, line, reason, raw FROM quarantine ORDER BY id LIMIT \(limit.map { Int64($0) })"
            ).decode((Int64, String, Int64?, String, String).self)
            var items: [QuarantineItem] = []
            for try await (id, source, line, reason, raw) in rows {
                items.append(
                    QuarantineItem(id: id, source: source, line: line.map { Int($0) }, reason: reason, raw: raw))
            }
            return items
        }
    }

    public func entries(since: Date?, until: Date?, limit: Int?) async throws -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        try await forEachEntry(since: since, until: until, ordered: true, limit: limit) { entries.append($0) }
        return entries
    }

    public func totals(since: Date?, until: Date?) async throws -> LedgerTotals {
        var totals = LedgerTotals()
        try await forEachEntry(since: since, until: until) { totals.add($0) }
        return totals
    }

    public func groups(by key: LedgerGroupKey, since: Date?, until: Date?) async throws -> [LedgerGroup] {
        var totals: [String?: LedgerTotals] = [:]
        try await forEachEntry(since: since, until: until) { entry in
            totals[EventScan.value(of: key, in: entry), default: LedgerTotals()].add(entry)
        }
        return LedgerGroup.sorted(totals)
    }

    /// Reads the stored entries with a timestamp in `[since, until)` (all of them, those without
    /// one included, when neither bound is set).
    ///
    /// - Parameters:
    ///   - ordered: whether in timestamp then id order (else in storage order).
    ///   - limit: the most to read.
    ///   - body: called with each entry.
    func forEachEntry(
        since: Date?, until: Date?, ordered: Bool = false, limit: Int? = nil, _ body: (LedgerEntry) throws -> Void
    ) async throws {
        var bindings = PostgresBindings()
        let condition = Self.range(since: since, until: until, bindings: &bindings)
        bindings.append(limit.map { Int64($0) })
        let query = PostgresQuery(
            unsafeSQL: "SELECT id, ts_us, key_id, record FROM events \(condition)"
                + (ordered ? " ORDER BY ts_us, id" : "") + " LIMIT $\(bindings.count)",
            binds: bindings)
        let location = location
        try await run {
            try await client.withConnection { connection in
                let keys = try await Self.eventKeys(on: connection)
                let rows = try await connection.query(query, logger: Self.logger)
                for try await (id, microseconds, keyID, record) in rows.decode((String, Int64?, Int64, ByteBuffer).self)
                {
                    try body(try Self.entry(id, microseconds, keyID, record, keys: keys, location: location))
                }
            }
        }
    }

    /// The entry of a stored row.
    static func entry(
        _ id: String, _ microseconds: Int64?, _ keyID: Int64, _ record: ByteBuffer, keys: [Int64: EventKey],
        location: String
    ) throws -> LedgerEntry {
        guard let key = keys[keyID] else {
            throw LedgerError(.storage, location: location, "event \(id) names event key \(keyID), which is not stored")
        }
        do {
            return try record.withUnsafeReadableBytes { bytes throws(EventRecord.RecordError) in
                try EventRecord.decode(bytes, id: id, microseconds: microseconds, key: key)
            }
        } catch {
            throw LedgerError(.storage, location: location, "event \(id): \(error.message)")
        }
    }

    /// Every stored event key by id.
    static func eventKeys(on connection: PostgresConnection) async throws -> [Int64: EventKey] {
        let columns = LedgerSchema.eventKeyColumns
        let rows = try await connection.query(
            PostgresQuery(unsafeSQL: "SELECT key_id, \(columns.joined(separator: ", ")) FROM event_keys"),
            logger: logger)
        var keys: [Int64: EventKey] = [:]
        for try await row in rows {
            let row = row.makeRandomAccess()
            let text = try columns.filter { $0 != "long_context_threshold" }.map { try row[$0].decode(String.self) }
            keys[try row["key_id"].decode(Int64.self)] = EventKey(
                text: text, longContextThreshold: try row["long_context_threshold"].decode(Int64.self))
        }
        return keys
    }

    /// The `WHERE` clause of a time range, its values appended to `bindings`.
    static func range(since: Date?, until: Date?, bindings: inout PostgresBindings) -> String {
        var clauses: [String] = []
        if let since {
            bindings.append(LedgerSchema.microseconds(since))
            clauses.append("ts_us >= $\(bindings.count)")
        }
        if let until {
            bindings.append(LedgerSchema.microseconds(until))
            clauses.append("ts_us < $\(bindings.count)")
        }
        return clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
    }

    /// A `NUMERIC` sum sent as text.
    static func sum(_ cell: PostgresCell) throws -> Int128 {
        let text = try cell.decode(String.self)
        guard let value = Int128(text) else {
            throw LedgerError(.storage, location: cell.columnName, "sum \(text) does not fit 128 bits")
        }
        return value
    }
}
