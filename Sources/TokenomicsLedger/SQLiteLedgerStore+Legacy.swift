import Foundation
import GRDB
import GRDBSQLite
import TokenomicsCore

/// The events table as it was before `v4-compact-events` (one column per field), read only by
/// the migrations that bring an older ledger up to date.
extension SQLiteLedgerStore {
    /// Moves the events of the `legacy_events` table into the new `events` table, and their sums
    /// into the new rollups, in batches of 10,000.
    static func convertLegacyEvents(_ db: Database) throws {
        let decoder = JSONDecoder()
        let rows = try Row.fetchCursor(
            db, sql: "SELECT \(LedgerSchema.eventColumns.joined(separator: ", ")) FROM legacy_events ORDER BY rowid")
        var batch = LedgerBatch(capacity: 10_000)
        while let row = try rows.next() {
            batch.append(try legacyEntry(from: row, decoder: decoder))
            if batch.count == 10_000 {
                try store(batch, in: db)
                batch = LedgerBatch(capacity: 10_000)
            }
        }
        try store(batch, in: db)
    }

    /// Stores a batch of converted events and their rollups.
    private static func store(_ batch: LedgerBatch, in db: Database) throws {
        let batch = batch.sortedByHash()
        let (duplicates, keyIDs) = try insert(batch, in: db)
        // The ledger's file, for errors: the migrator is shared by every ledger.
        let location = sqlite3_db_filename(db.sqliteConnection, "main").map { String(cString: $0) } ?? "ledger"
        try store(try batch.rollups(excluding: duplicates), keyIDs: keyIDs, in: db, location: location)
    }

    /// The entry a row of the events table before `v4` holds (``LedgerSchema/eventColumns``).
    static func legacyEntry(from row: Row, decoder: JSONDecoder) throws -> LedgerEntry {
        var attribution = Attribution()
        for key in Attribution.Key.allCases { attribution[key] = row[LedgerSchema.attributionColumns[key.rawValue]] }
        if let tags: String = row["tags"] {
            attribution.tags = try decoder.decode([String: String].self, from: Data(tags.utf8))
        }
        let timing = try (row["timing"] as String?).map { try decoder.decode(Timing.self, from: Data($0.utf8)) }
        let outcome = try (row["outcome"] as String?).map { try decoder.decode(Outcome.self, from: Data($0.utf8)) }
        let micros: Int64? = row["ts_us"]
        let event = UsageEvent(
            id: row["id"], timestamp: micros.map { Date(timeIntervalSince1970: Double($0) / 1_000_000) },
            provider: row["provider"], model: row["model"], pricedModel: row["priced_model"],
            operation: row["operation"], serviceTier: ServiceTier(rawValue: row["service_tier"]) ?? .standard,
            tokens: TokenCounts(
                input: row["input"], cacheRead: row["cache_read"], cacheWrite5m: row["cache_write_5m"],
                cacheWrite1h: row["cache_write_1h"], retrieval: row["retrieval"], output: row["output"],
                reasoning: row["reasoning"],
                estimated: TokenClassSet(rawValue: UInt8(truncatingIfNeeded: row["estimated"] as Int64))),
            modality: ModalityCounts(
                audioInputTokens: row["audio_input"], audioOutputTokens: row["audio_output"],
                imageInputTokens: row["image_input"], imageOutputTokens: row["image_output"], images: row["images"],
                requests: row["requests"], webSearchQueries: row["web_search_queries"]),
            timing: timing ?? Timing(), attribution: attribution, outcome: outcome)
        let amounts: [Money?] = LedgerSchema.amountColumns.map { name in
            guard let nano: Int64 = row["\(name)_nano"], let atto: Int64 = row["\(name)_atto"] else { return nil }
            return StoredAmount.money(nano: nano, atto: atto)
        }
        let cache = LedgerSchema.v2EventAmountColumns.prefix(3).map { name -> Money in
            guard let nano: Int64 = row["\(name)_nano"], let atto: Int64 = row["\(name)_atto"] else { return .zero }
            return StoredAmount.money(nano: nano, atto: atto)
        }
        return LedgerEntry(
            event: event, catalogVersion: row["catalog_version"],
            pricedTier: ServiceTier(rawValue: row["priced_tier"]) ?? .standard,
            longContextThreshold: row["long_context_threshold"], cost: amounts[0],
            breakdown: LedgerSchema.breakdown(amounts.dropFirst().map { $0 ?? .zero }[...]),
            unpricedReason: row["unpriced_reason"],
            cache: CacheAccounting(readsAtInputRate: cache[0], writesAtInputRate: cache[1], writes1h: cache[2]))
    }
}
