import Foundation
import GRDB
import TokenomicsCore

extension SQLiteLedgerStore {
    public func count() async throws -> Int {
        try await run { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0 }
    }

    public func quarantined(limit: Int?) async throws -> [QuarantineItem] {
        try await run { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, source, line, reason, raw FROM quarantine ORDER BY id LIMIT ?",
                arguments: [limit ?? -1])
            return rows.map { row in
                QuarantineItem(
                    id: row["id"], source: row["source"], line: row["line"], reason: row["reason"], raw: row["raw"])
            }
        }
    }

    public func entries(since: Date?, until: Date?, limit: Int?) async throws -> [LedgerEntry] {
        let (condition, arguments) = Self.range(since: since, until: until)
        return try await run { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT \(Self.eventColumns.joined(separator: ", ")) FROM events \(condition) "
                    + "ORDER BY ts_us, id LIMIT ?",
                arguments: arguments + [limit ?? -1])
            let decoder = JSONDecoder()
            return try rows.map { try Self.entry(from: $0, decoder: decoder) }
        }
    }

    public func totals(since: Date?, until: Date?) async throws -> LedgerTotals {
        let (condition, arguments) = Self.range(since: since, until: until)
        return try await run { db in
            let row = try Row.fetchOne(db, sql: "SELECT \(Self.sums) FROM events \(condition)", arguments: arguments)
            return row.map { Self.totals(from: $0) } ?? LedgerTotals()
        }
    }

    public func groups(by key: LedgerGroupKey, since: Date?, until: Date?) async throws -> [LedgerGroup] {
        let (condition, rangeArguments) = Self.range(since: since, until: until)
        let expression: String
        var arguments = StatementArguments()
        switch key {
        case .provider, .model, .pricedModel, .serviceTier, .catalogVersion, .tags, .longContextThreshold,
            .attribution:
            expression = LedgerSchema.eventColumn(key)
        case .tag(let name):
            // The JSON path is a bound parameter: a tag name never becomes SQL text.
            expression = "json_extract(tags, ?)"
            arguments += ["$.\"" + name.replacingOccurrences(of: "\"", with: "\\\"") + "\""]
        }
        arguments += rangeArguments
        let bound = arguments
        let sql = "SELECT \(expression) AS group_key, \(Self.sums) FROM events \(condition) GROUP BY group_key"
        let groups = try await run { db in
            try Row.fetchAll(db, sql: sql, arguments: bound).map { row in
                LedgerGroup(key: row["group_key"], totals: Self.totals(from: row))
            }
        }
        return groups.sorted { ($0.totals.cost, $1.key ?? "") > ($1.totals.cost, $0.key ?? "") }
    }

    /// The `WHERE` clause and arguments of a time range.
    static func range(since: Date?, until: Date?) -> (String, StatementArguments) {
        var clauses: [String] = []
        var arguments = StatementArguments()
        if let since {
            clauses.append("ts_us >= ?")
            arguments += [microseconds(since)]
        }
        if let until {
            clauses.append("ts_us < ?")
            arguments += [microseconds(until)]
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), arguments)
    }

    /// The aggregate columns every totals query selects.
    static let sums: String = {
        var columns = ["COUNT(*) AS requests", "COALESCE(SUM(priced), 0) AS priced_requests"]
        columns += tokenColumns.map { "COALESCE(SUM(\($0)), 0) AS \($0)" }
        columns += amountColumns.flatMap {
            ["COALESCE(SUM(\($0)_nano), 0) AS \($0)_nano", "COALESCE(SUM(\($0)_atto), 0) AS \($0)_atto"]
        }
        return columns.joined(separator: ", ")
    }()

    /// Totals from a row of ``sums``.
    static func totals(from row: Row) -> LedgerTotals {
        let amounts = amountColumns.map { StoredAmount.money(nano: row["\($0)_nano"], atto: row["\($0)_atto"]) }
        return LedgerTotals(
            requests: row["requests"], pricedRequests: row["priced_requests"],
            tokens: TokenCounts(
                input: row["input"], cacheRead: row["cache_read"], cacheWrite5m: row["cache_write_5m"],
                cacheWrite1h: row["cache_write_1h"], retrieval: row["retrieval"], output: row["output"],
                reasoning: row["reasoning"]),
            cost: amounts[0], breakdown: LedgerSchema.breakdown(amounts.dropFirst()))
    }

    /// The entry a row of ``eventColumns`` holds.
    static func entry(from row: Row, decoder: JSONDecoder) throws -> LedgerEntry {
        var attribution = Attribution()
        for key in Attribution.Key.allCases { attribution[key] = row[attributionColumns[key.rawValue]] }
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
        let amounts: [Money?] = amountColumns.map { name in
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
