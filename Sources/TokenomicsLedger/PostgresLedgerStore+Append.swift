import Foundation
import PostgresNIO
import TokenomicsCore

extension PostgresLedgerStore {
    /// Rows per `INSERT`: as many as PostgreSQL's 65,535 parameters allow, rounded down.
    static let rowsPerInsert = 1_000

    /// `INSERT … VALUES ($1, …), (…) ON CONFLICT (id) DO NOTHING RETURNING id` for `rows` rows: a
    /// stored id leaves the row alone and is not returned, so the returned rows are the stored ones.
    static func insertSQL(rows: Int) -> String {
        let width = LedgerSchema.eventColumns.count
        let values = (0..<rows).map { row in
            "(" + (1...width).map { "$\(row * width + $0)" }.joined(separator: ", ") + ")"
        }
        return "INSERT INTO events (\(LedgerSchema.eventColumns.joined(separator: ", "))) VALUES "
            + values.joined(separator: ", ") + " ON CONFLICT (id) DO NOTHING RETURNING id"
    }

    /// The SQL of a full-size insert, built once.
    private static let fullInsertSQL = insertSQL(rows: rowsPerInsert)

    public func append(_ entries: [LedgerEntry]) async throws -> AppendResult {
        guard !entries.isEmpty else { return AppendResult() }
        // Bind every row before the transaction: an amount out of range refuses the batch
        // without a round trip.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var queries: [PostgresQuery] = []
        var start = 0
        while start < entries.count {
            let end = min(start + Self.rowsPerInsert, entries.count)
            var bindings = PostgresBindings(capacity: (end - start) * LedgerSchema.eventColumns.count)
            for entry in entries[start..<end] {
                try bind(entry, to: &bindings, encoder: encoder)
            }
            let sql = end - start == Self.rowsPerInsert ? Self.fullInsertSQL : Self.insertSQL(rows: end - start)
            queries.append(PostgresQuery(unsafeSQL: sql, binds: bindings))
            start = end
        }
        let stored = try await run {
            try await client.withTransaction(logger: Self.logger) { connection in
                var stored = 0
                for query in queries {
                    for try await _ in try await connection.query(query, logger: Self.logger) { stored += 1 }
                }
                return stored
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

    /// Binds an entry's column values, in ``LedgerSchema/eventColumns`` order.
    private func bind(_ entry: LedgerEntry, to row: inout PostgresBindings, encoder: JSONEncoder) throws {
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
        row.append(attribution.tags.isEmpty ? nil : try Self.json(attribution.tags, encoder: encoder))
        let timing = event.timing
        row.append(timing == Timing() ? nil : try Self.json(timing, encoder: encoder))
        row.append(try event.outcome.map { try Self.json($0, encoder: encoder) })
        row.append(entry.catalogVersion)
        row.append(entry.pricedTier.rawValue)
        row.append(entry.longContextThreshold)
        row.append(Int64(entry.cost != nil ? 1 : 0))
        row.append(entry.unpricedReason)
        let parts = entry.breakdown
        for amount in [
            entry.cost, parts.input, parts.cacheRead, parts.cacheWrite, parts.retrieval, parts.output, parts.reasoning,
            parts.audio, parts.image, parts.requests, parts.webSearch,
        ] {
            guard let amount else {
                row.appendNull()
                row.appendNull()
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
    }

    private static func json(_ value: some Encodable, encoder: JSONEncoder) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
