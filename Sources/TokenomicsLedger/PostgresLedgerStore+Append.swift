import Foundation
import PostgresNIO
import TokenomicsCore

extension PostgresLedgerStore {
    /// Rows per write of an append's `COPY`.
    static let rowsPerCopyWrite = 5_000

    /// Times an append is tried when another transaction stores one of its ids meanwhile.
    static let appendAttempts = 3

    public func append(_ batch: LedgerBatch) async throws -> AppendResult {
        guard !batch.isEmpty else { return AppendResult() }
        let location = location
        // In id hash order, as SQLite stores them: each insert into the index of hashes then
        // lands next to the previous one. (An ingest's batches come sorted already.)
        let batch = batch.sortedByHash()
        var attempt = 1
        while true {
            do {
                // The keys first, each added in its own short transaction: a key that another
                // append is adding then waits for that statement only, not for its whole batch.
                let keyIDs = try await client.withConnection { try await Self.keyIDs(batch.keys, on: $0) }
                let duplicates = try await client.withTransaction(logger: Self.logger) { connection in
                    let duplicates = try await Self.insert(batch, keyIDs: keyIDs, on: connection)
                    try await Self.store(
                        try batch.rollups(excluding: duplicates), keyIDs: keyIDs, on: connection, location: location)
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
    /// - Parameter keyIDs: the id of each of the batch's keys.
    /// - Returns: the indices of the duplicates in the batch.
    static func insert(_ batch: LedgerBatch, keyIDs: [Int64], on connection: PostgresConnection) async throws
        -> [Int]
    {
        let ids = batch.ids
        // An id repeated in the batch is a duplicate of its first occurrence.
        var seen = Set<String>(minimumCapacity: ids.count)
        var duplicates: [Int] = []
        var unique: [Int] = []
        unique.reserveCapacity(ids.count)
        for index in ids.indices {
            if seen.insert(ids[index]).inserted { unique.append(index) } else { duplicates.append(index) }
        }
        var holders: [Int64: String] = [:]
        let rows = try await connection.query(
            "SELECT id_hash, id FROM events WHERE id_hash = ANY(\(unique.map { batch.hashes[$0] }))", logger: logger
        ).decode((Int64, String).self)
        for try await (hash, id) in rows { holders[hash] = id }
        // Each hash is given to the first new id that has it; the others are stored unhashed
        // unless they are stored already.
        var hashed: [Int] = []  // in batch order: id hash order for a sorted batch
        var unhashed: [Int] = []
        hashed.reserveCapacity(unique.count)
        for index in unique {
            let (id, hash) = (ids[index], batch.hashes[index])
            switch holders[hash] {
            case id: duplicates.append(index)
            case nil:
                holders[hash] = id
                hashed.append(index)
            default: unhashed.append(index)
            }
        }
        if !unhashed.isEmpty {
            let candidates = unhashed.map { ids[$0] }
            let stored = Set(
                try await connection.query(
                    "SELECT id FROM events WHERE id_hash IS NULL AND id = ANY(\(candidates))", logger: logger
                ).collect().map { try $0.decode(String.self) })
            duplicates += unhashed.filter { stored.contains(ids[$0]) }
            unhashed.removeAll { stored.contains(ids[$0]) }
        }
        let newRows = hashed.map { ($0, true) } + unhashed.map { ($0, false) }
        guard !newRows.isEmpty else { return duplicates.sorted() }
        // One `COPY` of all the new rows, sent in parts: the server stores each part while the
        // next one is written.
        try await connection.copyFrom(
            table: "events", columns: ["id", "id_hash", "ts_us", "key_id", "record"], format: .text(.init()),
            logger: logger
        ) { writer in
            for start in stride(from: 0, to: newRows.count, by: rowsPerCopyWrite) {
                var text = CopyText(capacity: rowsPerCopyWrite * 300)
                for (index, isHashed) in newRows[start..<min(start + rowsPerCopyWrite, newRows.count)] {
                    text.field(batch.ids[index])
                    text.field(isHashed ? batch.hashes[index] : nil)
                    text.field(batch.timestamps[index])
                    text.field(keyIDs[batch.keyIndices[index]])
                    batch.withRecord(index) { text.field(bytes: $0) }
                    text.endRow()
                }
                try await writer.write(text.buffer)
            }
        }
        return duplicates.sorted()
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
