import Foundation
import PostgresNIO
import TokenomicsCore

extension PostgresLedgerStore {
    /// Rows per `INSERT`: a batch is sent in several statements so that the next one is bound
    /// while the server runs the current one.
    static let rowsPerInsert = 5_000

    /// The columns of an `event_row`, the events table's.
    static let eventRowColumns: [RowArray.Element] = [.text, .bigint, .bigint, .bigint, .bytea]

    /// `INSERT … SELECT * FROM UNNEST($1::event_row[])`: the rows as one array of `event_row`
    /// records. No `ON CONFLICT`: ``insert(_:on:)`` has found the stored ids first (speculative
    /// insertion made each row cost the server about twice as much).
    static let insertSQL =
        "INSERT INTO events (id, id_hash, ts_us, key_id, record) SELECT * FROM UNNEST($1::event_row[])"

    /// Times an append is tried when another transaction stores one of its ids meanwhile.
    static let appendAttempts = 3

    public func append(_ batch: LedgerBatch) async throws -> AppendResult {
        guard !batch.isEmpty else { return AppendResult() }
        let location = location
        var attempt = 1
        while true {
            do {
                let duplicates = try await client.withTransaction(logger: Self.logger) { connection in
                    let (duplicates, keyIDs) = try await Self.insert(batch, on: connection)
                    try await Self.store(
                        batch.rollups(excluding: duplicates), keyIDs: keyIDs, on: connection, location: location)
                    return duplicates
                }
                return AppendResult(stored: batch.count - duplicates.count, duplicates: duplicates.count)
            } catch  where Self.isRetryable(error) && attempt < Self.appendAttempts {
                // Another transaction stored one of these ids after they were looked up (or the
                // server broke a deadlock by rolling this one back): try the batch again.
                attempt += 1
            } catch {
                // Any other failure is reported as every other query's is.
                return try await run { throw error }
            }
        }
    }

    /// Whether a failed append is worth trying again: it broke the unique index of id hashes
    /// (another transaction stored the id meanwhile), or the server chose it to break a deadlock.
    static func isRetryable(_ error: any Error) -> Bool {
        guard let state = (cause(error) as? PSQLError)?.serverInfo?[.sqlState] else { return false }
        return state == "23505" || state == "40P01"
    }

    /// Stores the events of a batch whose ids are not stored yet, in the caller's transaction.
    ///
    /// An event is a duplicate when its id is stored, or appears earlier in the batch. The ids'
    /// hashes are looked up first (one index probe each); the rare other id with a hash already
    /// taken is stored without a hash, and found through the index of such ids.
    ///
    /// - Returns: the indices of the duplicates in the batch, and the id of each of its keys.
    static func insert(_ batch: LedgerBatch, on connection: PostgresConnection) async throws
        -> (duplicates: [Int], keyIDs: [Int64])
    {
        let entries = batch.entries
        // An id repeated in the batch is a duplicate of its first occurrence.
        var seen = Set<String>(minimumCapacity: entries.count)
        var duplicates: [Int] = []
        var unique: [Int] = []
        unique.reserveCapacity(entries.count)
        for index in entries.indices {
            if seen.insert(entries[index].id).inserted { unique.append(index) } else { duplicates.append(index) }
        }
        var holders: [Int64: String] = [:]
        let rows = try await connection.query(
            "SELECT id_hash, id FROM events WHERE id_hash = ANY(\(unique.map { batch.hashes[$0] }))", logger: logger
        ).decode((Int64, String).self)
        for try await (hash, id) in rows { holders[hash] = id }
        // Each hash is given to the first new id that has it; the others are stored unhashed
        // unless they are stored already.
        var hashed: [Int] = []
        var unhashed: [Int] = []
        hashed.reserveCapacity(unique.count)
        for index in unique {
            let (id, hash) = (entries[index].id, batch.hashes[index])
            switch holders[hash] {
            case id: duplicates.append(index)
            case nil:
                holders[hash] = id
                hashed.append(index)
            default: unhashed.append(index)
            }
        }
        if !unhashed.isEmpty {
            let ids = unhashed.map { entries[$0].id }
            let stored = Set(
                try await connection.query(
                    "SELECT id FROM events WHERE id_hash IS NULL AND id = ANY(\(ids))", logger: logger
                ).collect().map { try $0.decode(String.self) })
            duplicates += unhashed.filter { stored.contains(entries[$0].id) }
            unhashed.removeAll { stored.contains(entries[$0].id) }
        }
        let keyIDs = try await keyIDs(batch.keys, on: connection)
        let rowType = try await rowType("event_row", on: connection)
        let chunks =
            stride(from: 0, to: hashed.count, by: rowsPerInsert).map {
                (hashed[$0..<min($0 + rowsPerInsert, hashed.count)], true)
            } + (unhashed.isEmpty ? [] : [(unhashed[...], false)])
        guard !chunks.isEmpty else { return (duplicates.sorted(), keyIDs) }
        // Each next statement's rows are written while the server runs the previous one.
        var next = Self.rows(chunks[0].0, of: batch, keyIDs: keyIDs, hashed: chunks[0].1)
        for index in chunks.indices {
            let following = chunks.indices.contains(index + 1) ? chunks[index + 1] : nil
            let prepared = following.map { chunk in
                Task { Self.rows(chunk.0, of: batch, keyIDs: keyIDs, hashed: chunk.1) }
            }
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(next.parameter(rowType: rowType))
            try await connection.query(PostgresQuery(unsafeSQL: insertSQL, binds: bindings), logger: logger)
            if let prepared { next = await prepared.value }
        }
        return (duplicates.sorted(), keyIDs)
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
                // In key order, so that appends adding the same keys lock them in the same order.
                unsafeSQL: "INSERT INTO event_keys (\(names)) SELECT * FROM UNNEST(\(arrays)) ORDER BY "
                    + columns.indices.map { String($0 + 1) }.joined(separator: ", ") + " ON CONFLICT DO NOTHING",
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
