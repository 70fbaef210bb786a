import Foundation
import PostgresNIO
import TokenomicsCore

extension PostgresLedgerStore {
    public func count() async throws -> Int {
        try await run {
            var count: Int64 = 0
            for try await value in try await client.query("SELECT COUNT(*) FROM events").decode(Int64.self) {
                count = value
            }
            return Int(count)
        }
    }

    public func quarantined(limit: Int?) async throws -> [QuarantineItem] {
        try await run {
            // LIMIT NULL is no limit.
            let rows = try await client.query(
                "SELECT id, source, line, reason, raw FROM quarantine ORDER BY id LIMIT \(limit.map { Int64($0) })"
            ).decode((Int64, String, Int64?, String, String).self)
            var items: [QuarantineItem] = []
            for try await (id, source, line, reason, raw) in rows {
                items.append(
                    QuarantineItem(id: id, source: source, line: line.map { Int($0) }, reason: reason, raw: raw))
            }
            return items
        }
    }

    public func entries(since: Date?, until: Date?, limit: Int?) async throws -> [LedgerEntry] {
        var bindings = PostgresBindings()
        let condition = Self.range(since: since, until: until, bindings: &bindings)
        bindings.append(limit.map { Int64($0) })
        let query = PostgresQuery(
            unsafeSQL: "SELECT \(LedgerSchema.eventColumns.joined(separator: ", ")) FROM events \(condition) "
                + "ORDER BY ts_us, id LIMIT $\(bindings.count)",
            binds: bindings)
        return try await run {
            let decoder = JSONDecoder()
            var entries: [LedgerEntry] = []
            for try await row in try await client.query(query) {
                entries.append(try Self.entry(from: row.makeRandomAccess(), decoder: decoder))
            }
            return entries
        }
    }

    public func totals(since: Date?, until: Date?) async throws -> LedgerTotals {
        var bindings = PostgresBindings()
        let condition = Self.range(since: since, until: until, bindings: &bindings)
        let query = PostgresQuery(unsafeSQL: "SELECT \(Self.sums) FROM events \(condition)", binds: bindings)
        return try await run {
            var totals = LedgerTotals()
            for try await row in try await client.query(query) {
                totals = try Self.totals(from: row.makeRandomAccess())
            }
            return totals
        }
    }

    public func groups(by key: LedgerGroupKey, since: Date?, until: Date?) async throws -> [LedgerGroup] {
        var bindings = PostgresBindings()
        let expression: String
        switch key {
        case .provider, .model, .pricedModel, .serviceTier, .catalogVersion, .tags, .longContextThreshold,
            .attribution:
            expression = LedgerSchema.eventColumn(key)
        case .tag(let name):
            // The tag name is a bound parameter: it never becomes SQL text.
            bindings.append(name)
            expression = "(tags::jsonb ->> $1)"
        }
        let condition = Self.range(since: since, until: until, bindings: &bindings)
        let query = PostgresQuery(
            unsafeSQL: "SELECT \(expression) AS group_key, \(Self.sums) FROM events \(condition) GROUP BY group_key",
            binds: bindings)
        let groups = try await run {
            var groups: [LedgerGroup] = []
            for try await row in try await client.query(query) {
                let row = row.makeRandomAccess()
                groups.append(
                    LedgerGroup(key: try row["group_key"].decode(String?.self), totals: try Self.totals(from: row)))
            }
            return groups
        }
        return groups.sorted { ($0.totals.cost, $1.key ?? "") > ($1.totals.cost, $0.key ?? "") }
    }

    /// The `WHERE` clause of a time range, its values appended to `bindings`.
    static func range(since: Date?, until: Date?, bindings: inout PostgresBindings) -> String {
        var clauses: [String] = []
        if let since {
            bindings.append(LedgerSchema.microseconds(since))
            clauses.append("ts_us >= $\(bindings.count)")
        }
        if let until {
            bindings.append(LedgerSchema.microseconds(until))
            clauses.append("ts_us < $\(bindings.count)")
        }
        return clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
    }

    /// The aggregate columns every totals query selects. The amount sums are `NUMERIC` (exact,
    /// never overflowing) and travel as text to be read into 128-bit integers.
    static let sums: String = {
        var columns = ["COUNT(*) AS requests", "COALESCE(SUM(priced), 0)::bigint AS priced_requests"]
        columns += LedgerSchema.tokenColumns.map { "COALESCE(SUM(\($0)), 0)::bigint AS \($0)" }
        columns += LedgerSchema.amountColumns.flatMap { name in
            ["\(name)_nano", "\(name)_atto"].map { "COALESCE(SUM(\($0)), 0)::text AS \($0)" }
        }
        return columns.joined(separator: ", ")
    }()

    /// The totals of a row of ``sums``.
    static func totals(from row: PostgresRandomAccessRow) throws -> LedgerTotals {
        let amounts = try LedgerSchema.amountColumns.map { name in
            try sum(row["\(name)_nano"]) * StoredAmount.attoPerNano + sum(row["\(name)_atto"])
        }.map { Money(attodollars: $0) }
        func tokens(_ name: String) throws -> Int64 { try row[name].decode(Int64.self) }
        return LedgerTotals(
            requests: Int(try row["requests"].decode(Int64.self)),
            pricedRequests: Int(try row["priced_requests"].decode(Int64.self)),
            tokens: TokenCounts(
                input: try tokens("input"), cacheRead: try tokens("cache_read"),
                cacheWrite5m: try tokens("cache_write_5m"), cacheWrite1h: try tokens("cache_write_1h"),
                retrieval: try tokens("retrieval"), output: try tokens("output"), reasoning: try tokens("reasoning")),
            cost: amounts[0], breakdown: LedgerSchema.breakdown(amounts.dropFirst()))
    }

    /// A `NUMERIC` sum sent as text.
    static func sum(_ cell: PostgresCell) throws -> Int128 {
        let text = try cell.decode(String.self)
        guard let value = Int128(text) else {
            throw LedgerError(.storage, location: cell.columnName, "sum \(text) does not fit 128 bits")
        }
        return value
    }

    /// The entry a row of ``LedgerSchema/eventColumns`` holds.
    static func entry(from row: PostgresRandomAccessRow, decoder: JSONDecoder) throws -> LedgerEntry {
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
