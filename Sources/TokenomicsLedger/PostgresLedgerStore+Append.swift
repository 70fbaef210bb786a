import Foundation
import PostgresNIO
import TokenomicsCore

extension PostgresLedgerStore {
    /// Rows per `INSERT`: a batch is sent in several statements so that the next one is bound
    /// while the server runs the current one.
    static let rowsPerInsert = 2_500

    /// The SQL type of each of ``LedgerSchema/eventColumns``, read from the `v1-events` column
    /// definitions, then those `v2-rollups` added.
    static let eventColumnTypes: [RowArray.Element] = {
        let v1 = LedgerSchema.eventColumnDefinitions(integer: "BIGINT").map { definition in
            definition.split(separator: " ")[1] == "TEXT" ? RowArray.Element.text : .bigint
        }
        let v2 = LedgerSchema.v2EventOtherColumns(integer: "BIGINT", real: "DOUBLE PRECISION").map { _, type in
            type == "BIGINT" ? RowArray.Element.bigint : .double
        }
        return v1 + Array(repeating: .bigint, count: LedgerSchema.v2EventAmountColumns.count * 2) + v2
    }()

    /// `INSERT … SELECT * FROM UNNEST($1::events[]) ON CONFLICT (id) DO NOTHING RETURNING id`: the
    /// rows as one array of the table's row type, whose columns are ``LedgerSchema/eventColumns``
    /// in order (`v1-events` created the first ones, `v2-rollups` added the rest at the end). A
    /// stored id leaves the row alone and is not returned, so the returned ids are those of the
    /// stored rows.
    static let insertSQL =
        "INSERT INTO events SELECT * FROM UNNEST($1::events[]) ON CONFLICT (id) DO NOTHING RETURNING id"

    public func append(_ entries: [LedgerEntry]) async throws -> AppendResult {
        guard !entries.isEmpty else { return AppendResult() }
        // An id repeated in the batch is a duplicate of its first occurrence: only first
        // occurrences are sent, so every returned id names exactly one entry.
        var seen = Set<String>(minimumCapacity: entries.count)
        let unique = entries.filter { seen.insert($0.id).inserted }
        let tags = unique.map { LedgerSchema.tagsJSON($0.event.attribution.tags) }
        let location = location
        // The rollups of the whole batch are summed while the rows are sent: they are the ones to
        // store unless some ids were stored already.
        let everything = Task { Self.rollups(of: unique) }
        let chunks = stride(from: 0, to: unique.count, by: Self.rowsPerInsert).map {
            $0..<min($0 + Self.rowsPerInsert, unique.count)
        }
        // The first statement is bound before the transaction, each next one while the server
        // runs the previous one: an amount out of range refuses the batch (rolled back).
        let first = try insertRows(unique[chunks[0]], tags: tags[chunks[0]])
        let stored = try await run {
            try await client.withTransaction(logger: Self.logger) { connection in
                let types = try await Self.rowTypes(on: connection)
                var stored = Set<String>(minimumCapacity: unique.count)
                var rows = first
                for index in chunks.indices {
                    let next = chunks.indices.contains(index + 1) ? chunks[index + 1] : nil
                    let following = next.map { next in Task { try self.insertRows(unique[next], tags: tags[next]) } }
                    var bindings = PostgresBindings(capacity: 1)
                    bindings.append(rows.parameter(rowType: types.events))
                    let query = PostgresQuery(unsafeSQL: Self.insertSQL, binds: bindings)
                    for try await id in try await connection.query(query, logger: Self.logger).decode(String.self) {
                        stored.insert(id)
                    }
                    if let following { rows = try await following.value }
                }
                // The rollups of the stored rows only, in the same transaction.
                let rollups =
                    stored.count == unique.count
                    ? await everything.value : Self.rollups(of: unique, storedIDs: stored)
                try await Self.upsert(rollups, rowType: types.rollups, on: connection, location: location)
                return stored.count
            }
        }
        return AppendResult(stored: stored, duplicates: entries.count - stored)
    }

    /// The rows of some entries, with their tags as canonical JSON.
    private func insertRows(_ entries: ArraySlice<LedgerEntry>, tags: ArraySlice<String?>) throws -> RowArray {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var rows = RowArray(columns: Self.eventColumnTypes, rows: entries.count)
        for (entry, tags) in zip(entries, tags) {
            try bind(entry, tags: tags, to: &rows, encoder: encoder)
        }
        return rows
    }

    /// The rollups of the entries, or of those whose id is in `storedIDs`.
    private static func rollups(of entries: [LedgerEntry], storedIDs: Set<String>? = nil) -> LedgerRollups {
        var rollups = LedgerRollups()
        for entry in entries where storedIDs?.contains(entry.id) ?? true {
            rollups.add(entry)
        }
        return rollups
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

    /// Binds an entry's column values, in ``LedgerSchema/eventColumns`` order.
    private func bind(
        _ entry: LedgerEntry, tags: String?, to row: inout RowArray, encoder: JSONEncoder
    ) throws {
        let event = entry.event
        let tokens = event.tokens
        let modality = event.modality
        row.append(event.id)
        row.append(event.timestamp.map { LedgerSchema.microseconds($0) })
        row.append(event.provider)
        row.append(event.model)
        row.append(event.pricedModel)
        row.append(event.operation)
        row.append(event.serviceTier.rawValue)
        for value in [
            tokens.input, tokens.cacheRead, tokens.cacheWrite5m, tokens.cacheWrite1h, tokens.retrieval, tokens.output,
            tokens.reasoning, Int64(tokens.estimated.rawValue),
            modality.audioInputTokens, modality.audioOutputTokens, modality.imageInputTokens,
            modality.imageOutputTokens, modality.images, modality.requests, modality.webSearchQueries,
        ] {
            row.append(value)
        }
        let attribution = event.attribution
        for key in Attribution.Key.allCases { row.append(attribution[key]) }
        row.append(tags)
        let timing = event.timing
        row.append(timing == Timing() ? nil : try Self.json(timing, encoder: encoder))
        row.append(try event.outcome.map { try Self.json($0, encoder: encoder) })
        row.append(entry.catalogVersion)
        row.append(entry.pricedTier.rawValue)
        row.append(entry.longContextThreshold)
        row.append(Int64(entry.cost != nil ? 1 : 0))
        row.append(entry.unpricedReason)
        let parts = entry.breakdown
        let amounts: [Money?] =
            [
                entry.cost, parts.input, parts.cacheRead, parts.cacheWrite, parts.retrieval, parts.output,
                parts.reasoning, parts.audio, parts.image, parts.requests, parts.webSearch,
            ] + LedgerSchema.v2Amounts(entry)
        for amount in amounts {
            guard let amount else {
                row.append(nil as Int64?)
                row.append(nil as Int64?)
                continue
            }
            let stored = try StoredAmount.checked(amount, location: location, owner: "event \(event.id)")
            row.append(stored.nano)
            row.append(stored.atto)
        }
        row.append(LedgerSchema.reasoningEstimated(entry))
        row.append(LedgerSchema.outcomeSuccess(entry))
        row.append(event.outcome?.quality)
        row.endRow()
    }

    private static func json(_ value: some Encodable, encoder: JSONEncoder) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
