import Foundation
import PostgresNIO
import TokenomicsCore

/// The events table as it was before `v4-compact-events` (one column per field), read only by
/// the migrations that bring an older ledger up to date.
extension PostgresLedgerStore {
    /// Moves the events of the `legacy_events` table into the new `events` table, and their sums
    /// into the new rollups, in batches of 10,000; then drops it.
    static func convertLegacyEvents(on connection: PostgresConnection, location: String) async throws {
        let decoder = JSONDecoder()
        var entries: [LedgerEntry] = []
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: "SELECT \(LedgerSchema.eventColumns.joined(separator: ", ")) FROM legacy_events"),
            logger: logger)
        for try await row in rows {
            entries.append(try legacyEntry(from: row.makeRandomAccess(), decoder: decoder))
        }
        for start in stride(from: 0, to: entries.count, by: 10_000) {
            let batch = LedgerBatch(entries[start..<min(start + 10_000, entries.count)]).sortedByHash()
            let keyIDs = try await keyIDs(batch.keys, on: connection)
            let duplicates = try await insert(batch, keyIDs: keyIDs, on: connection)
            try await store(
                try batch.rollups(excluding: duplicates), keyIDs: keyIDs, on: connection, location: location)
        }
        try await connection.query("DROP TABLE legacy_events", logger: logger)
    }

    /// The entry a row of the events table before `v4` holds (``LedgerSchema/eventColumns``).
    static func legacyEntry(from row: PostgresRandomAccessRow, decoder: JSONDecoder) throws -> LedgerEntry {
        func text(_ name: String) throws -> String { try row[name].decode(String.self) }
        func optionalText(_ name: String) throws -> String? { try row[name].decode(String?.self) }
        func integer(_ name: String) throws -> Int64 { try row[name].decode(Int64.self) }
        var attribution = Attribution()
        for key in Attribution.Key.allCases {
            attribution[key] = try optionalText(LedgerSchema.attributionColumns[key.rawValue])
        }
        if let tags = try optionalText("tags") {
            attribution.tags = try decoder.decode([String: String].self, from: Data(tags.utf8))
        }
        let timing = try optionalText("timing").map { try decoder.decode(Timing.self, from: Data($0.utf8)) }
        let outcome = try optionalText("outcome").map { try decoder.decode(Outcome.self, from: Data($0.utf8)) }
        let event = UsageEvent(
            id: try text("id"),
            timestamp: try row["ts_us"].decode(Int64?.self).map { LedgerSchema.date(microseconds: $0) },
            provider: try text("provider"), model: try text("model"), pricedModel: try optionalText("priced_model"),
            operation: try text("operation"),
            serviceTier: ServiceTier(rawValue: try text("service_tier")) ?? .standard,
            tokens: TokenCounts(
                input: try integer("input"), cacheRead: try integer("cache_read"),
                cacheWrite5m: try integer("cache_write_5m"), cacheWrite1h: try integer("cache_write_1h"),
                retrieval: try integer("retrieval"), output: try integer("output"), reasoning: try integer("reasoning"),
                estimated: TokenClassSet(rawValue: UInt8(truncatingIfNeeded: try integer("estimated")))),
            modality: ModalityCounts(
                audioInputTokens: try integer("audio_input"), audioOutputTokens: try integer("audio_output"),
                imageInputTokens: try integer("image_input"), imageOutputTokens: try integer("image_output"),
                images: try integer("images"), requests: try integer("requests"),
                webSearchQueries: try integer("web_search_queries")),
            timing: timing ?? Timing(), attribution: attribution, outcome: outcome)
        let amounts: [Money?] = try LedgerSchema.amountColumns.map { name in
            guard let nano = try row["\(name)_nano"].decode(Int64?.self),
                let atto = try row["\(name)_atto"].decode(Int64?.self)
            else { return nil }
            return StoredAmount.money(nano: nano, atto: atto)
        }
        // The cache baseline: zero for rows stored before `v2-rollups`, and for rows read
        // without its columns (the `v2-rollups` backfill reads the `v1-events` columns).
        let cache = try LedgerSchema.v2EventAmountColumns.prefix(3).map { name -> Money in
            guard row.contains("\(name)_nano"), let nano = try row["\(name)_nano"].decode(Int64?.self),
                let atto = try row["\(name)_atto"].decode(Int64?.self)
            else { return .zero }
            return StoredAmount.money(nano: nano, atto: atto)
        }
        return LedgerEntry(
            event: event, catalogVersion: try text("catalog_version"),
            pricedTier: ServiceTier(rawValue: try text("priced_tier")) ?? .standard,
            longContextThreshold: try row["long_context_threshold"].decode(Int64?.self), cost: amounts[0],
            breakdown: LedgerSchema.breakdown(amounts.dropFirst().map { $0 ?? .zero }[...]),
            unpricedReason: try optionalText("unpriced_reason"),
            cache: CacheAccounting(readsAtInputRate: cache[0], writesAtInputRate: cache[1], writes1h: cache[2]))
    }
}
