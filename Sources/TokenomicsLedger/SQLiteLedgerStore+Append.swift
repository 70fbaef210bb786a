import Foundation
import GRDB
import TokenomicsCore

extension SQLiteLedgerStore {
    public func append(_ entries: [LedgerEntry]) async throws -> AppendResult {
        guard !entries.isEmpty else { return AppendResult() }
        let path = path
        return try await write { db in
            // One prepared statement, reused for every row of the batch (and cached across batches).
            let statement = try db.cachedStatement(sql: Self.insertSQL)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            var result = AppendResult()
            var rollups = LedgerRollups()
            let sqlite = statement.sqliteStatement
            for entry in entries {
                var row = RowBinder(sqlite)
                let tags = LedgerSchema.tagsJSON(entry.event.attribution.tags)
                try Self.bind(entry, tags: tags, to: &row, path: path, encoder: encoder)
                if try RowBinder.step(sqlite, in: db) > 0 {
                    result.stored += 1
                    rollups.add(entry)
                } else {
                    result.duplicates += 1
                }
            }
            try Self.store(rollups, in: db, location: path)
            return result
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

    /// Binds an entry's column values, in ``eventColumns`` order.
    static func bind(
        _ entry: LedgerEntry, tags: String?, to row: inout RowBinder, path: String, encoder: JSONEncoder
    ) throws {
        let event = entry.event
        let tokens = event.tokens
        let modality = event.modality
        row.bind(event.id)
        row.bind(event.timestamp.map { microseconds($0) })
        row.bind(event.provider)
        row.bind(event.model)
        row.bind(event.pricedModel)
        row.bind(event.operation)
        row.bind(event.serviceTier.rawValue)
        row.bind(tokens.input)
        row.bind(tokens.cacheRead)
        row.bind(tokens.cacheWrite5m)
        row.bind(tokens.cacheWrite1h)
        row.bind(tokens.retrieval)
        row.bind(tokens.output)
        row.bind(tokens.reasoning)
        row.bind(Int64(tokens.estimated.rawValue))
        row.bind(modality.audioInputTokens)
        row.bind(modality.audioOutputTokens)
        row.bind(modality.imageInputTokens)
        row.bind(modality.imageOutputTokens)
        row.bind(modality.images)
        row.bind(modality.requests)
        row.bind(modality.webSearchQueries)
        let attribution = event.attribution
        for key in Attribution.Key.allCases { row.bind(attribution[key]) }
        row.bind(tags)
        let timing = event.timing
        row.bind(timing == Timing() ? nil : try json(timing, encoder: encoder))
        row.bind(try event.outcome.map { try json($0, encoder: encoder) })
        row.bind(entry.catalogVersion)
        row.bind(entry.pricedTier.rawValue)
        row.bind(entry.longContextThreshold)
        row.bind(Int64(entry.cost != nil ? 1 : 0))
        row.bind(entry.unpricedReason)
        try bind(entry.cost, to: &row, path: path, id: event.id)
        let parts = entry.breakdown
        for part in [
            parts.input, parts.cacheRead, parts.cacheWrite, parts.retrieval, parts.output, parts.reasoning, parts.audio,
            parts.image, parts.requests, parts.webSearch,
        ] {
            try bind(part, to: &row, path: path, id: event.id)
        }
        for amount in LedgerSchema.v2Amounts(entry) {
            try bind(amount, to: &row, path: path, id: event.id)
        }
        row.bind(LedgerSchema.reasoningEstimated(entry))
        row.bind(LedgerSchema.outcomeSuccess(entry))
        if let quality = event.outcome?.quality { row.bind(quality) } else { row.bindNull() }
    }

    /// Binds an amount as its two columns (both NULL for no amount).
    private static func bind(_ amount: Money?, to row: inout RowBinder, path: String, id: String) throws {
        guard let amount else {
            row.bindNull()
            row.bindNull()
            return
        }
        let stored = try StoredAmount.checked(amount, location: path, owner: "event \(id)")
        row.bind(stored.nano)
        row.bind(stored.atto)
    }

    /// Microseconds since 1970, the stored form of a timestamp.
    static func microseconds(_ date: Date) -> Int64 {
        LedgerSchema.microseconds(date)
    }

    private static func json(_ value: some Encodable, encoder: JSONEncoder) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
