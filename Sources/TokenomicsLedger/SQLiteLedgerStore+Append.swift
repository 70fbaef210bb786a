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
            for entry in entries {
                statement.setUncheckedArguments(
                    StatementArguments(try Self.values(of: entry, path: path, encoder: encoder)))
                try statement.execute()
                if db.changesCount > 0 {
                    result.stored += 1
                } else {
                    result.duplicates += 1
                }
            }
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

    /// The column values of an entry, in ``eventColumns`` order.
    static func values(of entry: LedgerEntry, path: String, encoder: JSONEncoder) throws -> [DatabaseValue] {
        let event = entry.event
        let tokens = event.tokens
        let modality = event.modality
        var values: [DatabaseValue] = []
        values.reserveCapacity(eventColumns.count)
        values.append(event.id.databaseValue)
        values.append(event.timestamp.map { microseconds($0) }.databaseValue)
        values.append(event.provider.databaseValue)
        values.append(event.model.databaseValue)
        values.append(event.pricedModel.databaseValue)
        values.append(event.operation.databaseValue)
        values.append(event.serviceTier.rawValue.databaseValue)
        for count in [
            tokens.input, tokens.cacheRead, tokens.cacheWrite5m, tokens.cacheWrite1h, tokens.retrieval, tokens.output,
            tokens.reasoning, Int64(tokens.estimated.rawValue), modality.audioInputTokens, modality.audioOutputTokens,
            modality.imageInputTokens, modality.imageOutputTokens, modality.images, modality.requests,
            modality.webSearchQueries,
        ] {
            values.append(count.databaseValue)
        }
        for key in Attribution.Key.allCases { values.append(event.attribution[key].databaseValue) }
        let tags = event.attribution.tags
        values.append(tags.isEmpty ? .null : try json(tags, encoder: encoder).databaseValue)
        values.append(event.timing == Timing() ? .null : try json(event.timing, encoder: encoder).databaseValue)
        values.append(try event.outcome.map { try json($0, encoder: encoder) }.databaseValue)
        values.append(entry.catalogVersion.databaseValue)
        values.append(entry.pricedTier.rawValue.databaseValue)
        values.append(entry.longContextThreshold.databaseValue)
        values.append((entry.cost != nil ? 1 : 0).databaseValue)
        values.append(entry.unpricedReason.databaseValue)
        let parts = entry.breakdown
        let amounts: [Money?] = [
            entry.cost, parts.input, parts.cacheRead, parts.cacheWrite, parts.retrieval, parts.output, parts.reasoning,
            parts.audio, parts.image, parts.requests, parts.webSearch,
        ]
        for amount in amounts {
            guard let amount else {
                values.append(.null)
                values.append(.null)
                continue
            }
            guard let stored = StoredAmount(amount) else {
                throw LedgerError(
                    .amountOutOfRange, location: path, "event \(event.id): amount \(amount) is out of the stored range")
            }
            values.append(stored.nano.databaseValue)
            values.append(stored.atto.databaseValue)
        }
        return values
    }

    /// Microseconds since 1970, the stored form of a timestamp.
    static func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    private static func json(_ value: some Encodable, encoder: JSONEncoder) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
