import Foundation
import PostgresNIO
import TokenomicsCore

extension PostgresLedgerStore {
    /// Rows per `INSERT`: a batch is sent in several statements so that the next one is bound
    /// while the server runs the current one.
    static let rowsPerInsert = 5_000

    /// The columns of an `event_row`: the events table's without its row number.
    static let eventRowColumns: [RowArray.Element] = [.text, .bigint, .bigint, .bigint, .bytea]

    /// `INSERT … SELECT * FROM UNNEST($1::event_row[]) ON CONFLICT DO NOTHING RETURNING id`: an
    /// id hash already stored leaves the row alone and is not returned, so the returned ids are
    /// those of the stored rows.
    static let insertSQL =
        "INSERT INTO events (id, id_hash, ts_us, key_id, record) SELECT * FROM UNNEST($1::event_row[]) "
        + "ON CONFLICT DO NOTHING RETURNING id"

    public func append(_ batch: LedgerBatch) async throws -> AppendResult {
        guard !batch.isEmpty else { return AppendResult() }
        let location = location
        let duplicates = try await run {
            try await client.withTransaction(logger: Self.logger) { connection in
                let (duplicates, keyIDs) = try await Self.insert(batch, on: connection)
                try await Self.store(
                    batch.rollups(excluding: duplicates), keyIDs: keyIDs, on: connection, location: location)
                return duplicates
            }
        }
        return AppendResult(stored: batch.count - duplicates.count, duplicates: duplicates.count)
    }

    /// Stores the events of a batch whose ids are not stored yet, in the caller's transaction.
    ///
    /// An event is a duplicate when its id is stored, or appears earlier in the batch. The id
    /// hash finds it through the unique index; the rare other id with the same hash is stored
    /// without a hash and found through the index of such ids.
    ///
    /// - Returns: the indices of the duplicates in the batch, and the id of each of its keys.
    static func insert(_ batch: LedgerBatch, on connection: PostgresConnection) async throws
        -> (duplicates: [Int], keyIDs: [Int64])
    {
        let entries = batch.entries
        // An id repeated in the batch is a duplicate of its first occurrence: only first
        // occurrences are sent, so every returned id names exactly one entry.
        var seen = Set<String>(minimumCapacity: entries.count)
        var duplicates: [Int] = []
        var unique: [Int] = []
        unique.reserveCapacity(entries.count)
        for index in entries.indices {
            if seen.insert(entries[index].id).inserted { unique.append(index) } else { duplicates.append(index) }
        }
        let keyIDs = try await keyIDs(batch.keys, on: connection)
        let rowType = try await rowType("event_row", on: connection)
        var stored = Set<String>(minimumCapacity: unique.count)
        let chunks = stride(from: 0, to: unique.count, by: rowsPerInsert).map {
            unique[$0..<min($0 + rowsPerInsert, unique.count)]
        }
        // Each next statement's rows are written while the server runs the previous one.
        var rows = Self.rows(chunks[0], of: batch, keyIDs: keyIDs)
        for index in chunks.indices {
            let next = chunks.indices.contains(index + 1) ? chunks[index + 1] : nil
            let following = next.map { next in Task { Self.rows(next, of: batch, keyIDs: keyIDs) } }
            for id in try await insert(rows, rowType: rowType, on: connection) { stored.insert(id) }
            if let following { rows = await following.value }
        }
        guard stored.count < unique.count else { return (duplicates, keyIDs) }
        // The ids not stored had their hash taken: by themselves (duplicates), or by another id.
        let refused = unique.filter { !stored.contains(entries[$0].id) }
        let holders = try await connection.query(
            "SELECT id FROM events WHERE id_hash = ANY(\(refused.map { batch.hashes[$0] }))", logger: logger
        ).collect().map { try $0.decode(String.self) }
        let held = Set(holders)
        let others = refused.filter { !held.contains(entries[$0].id) }
        var unhashed = Set<String>()
        if !others.isEmpty {
            let ids = others.map { entries[$0].id }
            unhashed = Set(
                try await connection.query(
                    "SELECT id FROM events WHERE id_hash IS NULL AND id = ANY(\(ids))", logger: logger
                ).collect().map { try $0.decode(String.self) })
        }
        var colliding: [Int] = []
        for index in refused {
            let id = entries[index].id
            if held.contains(id) || unhashed.contains(id) { duplicates.append(index) } else { colliding.append(index) }
        }
        if !colliding.isEmpty {
            // Stored without a hash: a NULL never conflicts.
            _ = try await insert(
                Self.rows(colliding[...], of: batch, keyIDs: keyIDs, hashed: false), rowType: rowType, on: connection)
        }
        return (duplicates.sorted(), keyIDs)
    }

    /// Runs one insert of event rows; returns the ids stored.
    private static func insert(_ rows: RowArray, rowType: UInt32, on connection: PostgresConnection) async throws
        -> [String]
    {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(rows.parameter(rowType: rowType))
        var ids: [String] = []
        let query = PostgresQuery(unsafeSQL: insertSQL, binds: bindings)
        for try await id in try await connection.query(query, logger: logger).decode(String.self) { ids.append(id) }
        return ids
    }

    /// The `event_row`s of some entries of a batch.
    static func rows(_ indices: ArraySlice<Int>, of batch: LedgerBatch, keyIDs: [Int64], hashed: Bool = true)
        -> RowArray
    {
        var rows = RowArray(columns: eventRowColumns, rows: indices.count)
        for index in indices {
            rows.append(batch.entries[index].id)
            rows.append(hashed ? batch.hashes[index] : nil)
            rows.append(batch.timestamps[index])
            rows.append(keyIDs[batch.keyIndices[index]])
            batch.withRecord(index) { rows.append(bytes: $0) }
            rows.endRow()
        }
        return rows
    }

    /// The ids of some event keys in `event_keys`, adding those not there yet.
    static func keyIDs(_ keys: [EventKey], on connection: PostgresConnection) async throws -> [Int64] {
        guard !keys.isEmpty else { return [] }
        let columns = LedgerSchema.eventKeyColumns
        var bindings = PostgresBindings(capacity: columns.count)
        for (index, column) in columns.enumerated() {
            if column == "long_context_threshold" {
                bindings.append(keys.map(\.longContextThreshold))
            } else {
                let position = index < 4 ? index : index - 1
                bindings.append(keys.map { $0.text[position] })
            }
        }
        let arrays = columns.enumerated().map { index, column in
            "$\(index + 1)::" + (column == "long_context_threshold" ? "bigint[]" : "text[]")
        }.joined(separator: ", ")
        let names = columns.joined(separator: ", ")
        try await connection.query(
            PostgresQuery(
                unsafeSQL: "INSERT INTO event_keys (\(names)) SELECT * FROM UNNEST(\(arrays)) ON CONFLICT DO NOTHING",
                binds: bindings), logger: logger)
        let matches = columns.map { "k.\($0) = u.\($0)" }.joined(separator: " AND ")
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: "SELECT u.n, k.key_id FROM UNNEST(\(arrays)) WITH ORDINALITY AS u(\(names), n) "
                    + "JOIN event_keys k ON \(matches)",
                binds: bindings), logger: logger
        ).decode((Int64, Int64).self)
        var ids = [Int64](repeating: -1, count: keys.count)
        for try await (ordinal, id) in rows { ids[Int(ordinal) - 1] = id }
        guard !ids.contains(-1) else {
            throw LedgerError(.storage, location: "event_keys", "an event key was neither found nor added")
        }
        return ids
    }

    public func quarantine(_ items: [QuarantineItem]) async throws {
        guard !items.isEmpty else { return }
        try await run {
            try await client.withTransaction(logger: Self.logger) { connection in
                for item in items {
                    try await connection.query(
                        """
                        INSERT INTO quarantine (source, line, reason, raw)
                        VALUES (\(item.source), \(item.line.map { Int64($0) }), \(item.reason), \(item.raw))
                        """, logger: Self.logger)
                }
            }
        }
    }

    public func removeQuarantined(ids: [Int64]) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try await run {
            try await client.query("DELETE FROM quarantine WHERE id = ANY(\(ids)) RETURNING id").collect().count
        }
    }
}
