import Foundation
import PostgresNIO
import TokenomicsCore

extension PostgresLedgerStore {
    /// Rows per `INSERT`: each column travels as one array parameter, so the statement's size
    /// does not grow with it; the bound keeps one message to a few megabytes.
    static let rowsPerInsert = 10_000

    /// The SQL type of each of ``LedgerSchema/eventColumns``, read from the `v1-events` column
    /// definitions (the cache columns added by `v2-rollups` are `BIGINT`).
    static let eventColumnTypes: [ArrayColumn.Element] = {
        let v1 = LedgerSchema.eventColumnDefinitions(integer: "BIGINT").map { definition in
            definition.split(separator: " ")[1] == "TEXT" ? ArrayColumn.Element.text : .bigint
        }
        return v1 + Array(repeating: .bigint, count: LedgerSchema.eventColumns.count - v1.count)
    }()

    /// `INSERT … SELECT * FROM UNNEST($1::TEXT[], $2::BIGINT[], …) ON CONFLICT (id) DO NOTHING
    /// RETURNING id`: one array parameter per column; a stored id leaves the row alone and is not
    /// returned, so the returned ids are those of the stored rows.
    static let insertSQL: String = {
        let arrays = eventColumnTypes.enumerated().map { "$\($0.offset + 1)::\($0.element.sqlName)[]" }
        return "INSERT INTO events (\(LedgerSchema.eventColumns.joined(separator: ", "))) "
            + "SELECT * FROM UNNEST(\(arrays.joined(separator: ", "))) ON CONFLICT (id) DO NOTHING RETURNING id"
    }()

    public func append(_ entries: [LedgerEntry]) async throws -> AppendResult {
        guard !entries.isEmpty else { return AppendResult() }
        // An id repeated in the batch is a duplicate of its first occurrence: only first
        // occurrences are sent, so every returned id names exactly one entry.
        var seen = Set<String>(minimumCapacity: entries.count)
        let unique = entries.filter { seen.insert($0.id).inserted }
        // Bind every row before the transaction: an amount out of range refuses the batch
        // without a round trip.
        var tags: [String?] = []
        tags.reserveCapacity(unique.count)
        var queries: [PostgresQuery] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var start = 0
        while start < unique.count {
            let end = min(start + Self.rowsPerInsert, unique.count)
            var columns = EventColumns(rows: end - start)
            for entry in unique[start..<end] {
                let text = LedgerSchema.tagsJSON(entry.event.attribution.tags)
                tags.append(text)
                try bind(entry, tags: text, to: &columns, encoder: encoder)
            }
            queries.append(PostgresQuery(unsafeSQL: Self.insertSQL, binds: columns.bindings))
            start = end
        }
        let location = location
        let stored = try await run {
            try await client.withTransaction(logger: Self.logger) { connection in
                var stored = Set<String>(minimumCapacity: unique.count)
                for query in queries {
                    for try await id in try await connection.query(query, logger: Self.logger).decode(String.self) {
                        stored.insert(id)
                    }
                }
                // The rollups of the stored rows only, in the same transaction.
                var rollups = LedgerRollups()
                for (index, entry) in unique.enumerated() where stored.contains(entry.id) {
                    rollups.add(entry, tags: tags[index])
                }
                try await Self.store(rollups, on: connection, location: location)
                return stored.count
            }
        }
        return AppendResult(stored: stored, duplicates: entries.count - stored)
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

    /// The columns of a batch of events, each an array parameter, filled one row at a time in
    /// ``LedgerSchema/eventColumns`` order.
    struct EventColumns {
        private var columns: [ArrayColumn]
        private var next = 0

        /// Empty columns with room for `rows` rows.
        init(rows: Int) {
            columns = PostgresLedgerStore.eventColumnTypes.map { ArrayColumn($0, capacity: rows) }
        }

        /// Appends the next column's text value.
        mutating func append(_ value: String?) {
            columns[next].append(value)
            next += 1
        }

        /// Appends the next column's integer value.
        mutating func append(_ value: Int64?) {
            columns[next].append(value)
            next += 1
        }

        /// Ends a row: the next value goes to the first column.
        mutating func endRow() {
            precondition(next == columns.count, "a row bound \(next) of \(columns.count) columns")
            next = 0
        }

        /// The parameters: one array per column.
        var bindings: PostgresBindings {
            var bindings = PostgresBindings(capacity: columns.count)
            for column in columns { bindings.append(column) }
            return bindings
        }
    }

    /// Binds an entry's column values, in ``LedgerSchema/eventColumns`` order.
    private func bind(
        _ entry: LedgerEntry, tags: String?, to row: inout EventColumns, encoder: JSONEncoder
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
        let cache = entry.cache
        for amount in [
            entry.cost, parts.input, parts.cacheRead, parts.cacheWrite, parts.retrieval, parts.output, parts.reasoning,
            parts.audio, parts.image, parts.requests, parts.webSearch,
            cache.readsAtInputRate, cache.writesAtInputRate, cache.writes1h,
        ] {
            guard let amount else {
                row.append(nil as Int64?)
                row.append(nil as Int64?)
                continue
            }
            guard let stored = StoredAmount(amount) else {
                throw LedgerError(
                    .amountOutOfRange, location: location,
                    "event \(event.id): amount \(amount) is out of the stored range"
                )
            }
            row.append(stored.nano)
            row.append(stored.atto)
        }
        row.endRow()
    }

    private static func json(_ value: some Encodable, encoder: JSONEncoder) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
