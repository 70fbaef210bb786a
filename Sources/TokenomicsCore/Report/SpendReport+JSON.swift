import Foundation

extension SpendReport {
    /// The report as one JSON document.
    ///
    /// `total` and each of `groups` (with its `key` object, dimension name → value or `null`)
    /// hold `cost_usd` as an exact decimal string, `tokens` by class, `requests`, `cost_by_class`,
    /// `hidden`, `cache` and `outcomes`; `series` lists each bucket's `start`, `total` and the
    /// top groups' sums (`other` for the rest). Ratios without a denominator are `null`.
    public func json() -> String {
        var writer = JSONWriter(capacity: 4_096)
        writer.beginObject()
        writer.key("dimensions")
        writer.beginArray()
        for name in dimensions { writer.string(name) }
        writer.endArray()
        writer.key("since")
        if let since { writer.date(since) } else { writer.null() }
        writer.key("until")
        if let until { writer.date(until) } else { writer.null() }
        writer.key("bucket")
        writer.string(bucket?.rawValue)
        writer.key("total")
        Self.write(total, to: &writer)
        writer.key("groups")
        writer.beginArray()
        for group in groups {
            Self.write(group.sums, to: &writer) { writer in
                writer.key("key")
                writeKey(group.key, to: &writer)
            }
        }
        writer.endArray()
        writer.key("other")
        if let rest {
            Self.write(rest, to: &writer) { writer in
                writer.key("groups")
                writer.int(Int64(restCount))
            }
        } else {
            writer.null()
        }
        writer.key("series")
        writer.beginArray()
        for point in series {
            writer.beginObject()
            writer.key("start")
            writer.date(point.start)
            writer.key("total")
            Self.write(point.total, to: &writer)
            writer.key("groups")
            writer.beginArray()
            for (index, sums) in point.groups.enumerated() {
                Self.write(sums, to: &writer) { writer in
                    writer.key("key")
                    if index < groups.count {
                        writeKey(groups[index].key, to: &writer)
                    } else {
                        writer.string("other")
                    }
                }
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        writer.endLine()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private func writeKey(_ key: [String?], to writer: inout JSONWriter) {
        writer.beginObject()
        for (name, value) in zip(dimensions, key) {
            writer.key(name)
            writer.string(value)
        }
        writer.endObject()
    }

    /// Writes one set of sums as an object, with `leading` writing extra fields first.
    static func write(
        _ sums: SpendSums, to writer: inout JSONWriter, leading: (inout JSONWriter) -> Void = { _ in }
    ) {
        writer.beginObject()
        leading(&writer)
        writer.key("cost_usd")
        writer.money(sums.cost)
        writer.key("requests")
        writer.int(sums.requests)
        writer.key("unpriced_requests")
        writer.int(sums.unpricedRequests)
        writer.key("tokens")
        writer.beginObject()
        for (name, count) in tokenFields(sums) {
            writer.key(name)
            writer.int(count)
        }
        writer.endObject()
        writer.key("cost_by_class")
        writer.beginObject()
        for (name, amount) in costFields(sums) {
            writer.key(name)
            writer.money(amount)
        }
        writer.endObject()
        writeAnalysis(sums, to: &writer)
        writer.endObject()
    }

    private static func writeAnalysis(_ sums: SpendSums, to writer: inout JSONWriter) {
        writer.key("hidden")
        writer.beginObject()
        field("tokens", sums.hiddenTokens, &writer)
        field("tokens_reported", sums.hiddenTokensReported, &writer)
        field("tokens_estimated", sums.reasoningEstimated, &writer)
        field("token_share", sums.hiddenTokenShare, &writer)
        field("token_share_reported", sums.hiddenTokenShareReported, &writer)
        field("token_share_estimated", sums.hiddenTokenShareEstimated, &writer)
        field("cost_usd", sums.breakdown.reasoning, &writer)
        field("cost_usd_estimated", sums.reasoningEstimatedCost, &writer)
        field("cost_share", sums.hiddenCostShare, &writer)
        field("cost_share_reported", sums.hiddenCostShareReported, &writer)
        field("cost_share_estimated", sums.hiddenCostShareEstimated, &writer)
        writer.endObject()
        writer.key("cache")
        writer.beginObject()
        field("hit_rate", sums.cacheHitRate, &writer)
        field("read_cost_usd", sums.breakdown.cacheRead, &writer)
        field("read_savings_usd", sums.cacheReadSavings, &writer)
        field("write_cost_usd", sums.breakdown.cacheWrite, &writer)
        field("write_premium_usd", sums.cacheWritePremium, &writer)
        field("net_savings_usd", sums.cacheNetSavings, &writer)
        field("uncached_cost_usd", sums.uncachedCost, &writer)
        writer.endObject()
        writer.key("outcomes")
        writer.beginObject()
        field("count", sums.outcomes, &writer)
        field("accepted", sums.accepted, &writer)
        field("acceptance_rate", sums.acceptanceRate, &writer)
        field("cost_per_accepted_usd", sums.costPerAcceptedOutcome, &writer)
        field("mean_quality", sums.meanQuality, &writer)
        field("value_usd", sums.valued > 0 ? sums.value : nil, &writer)
        field("value_per_dollar", sums.valuePerDollar, &writer)
        field("value_per_1k_tokens_usd", sums.valuePerThousandTokens, &writer)
        writer.endObject()
    }

    /// The token classes and their counts, in report order, with the total last.
    static func tokenFields(_ sums: SpendSums) -> [(String, Int64)] {
        let tokens = sums.tokens
        return [
            ("input", tokens.input), ("cache_read", tokens.cacheRead), ("cache_write", tokens.cacheWrite),
            ("retrieval", tokens.retrieval), ("output", tokens.output), ("reasoning", tokens.reasoning),
            ("total", tokens.total),
        ]
    }

    /// The cost parts by class, in report order (non-token charges last).
    static func costFields(_ sums: SpendSums) -> [(String, Money)] {
        let parts = sums.breakdown
        return [
            ("input", parts.input), ("cache_read", parts.cacheRead), ("cache_write", parts.cacheWrite),
            ("retrieval", parts.retrieval), ("output", parts.output), ("reasoning", parts.reasoning),
            ("audio", parts.audio), ("image", parts.image), ("requests", parts.requests),
            ("web_search", parts.webSearch),
        ]
    }

    private static func field(_ name: String, _ value: Int64, _ writer: inout JSONWriter) {
        writer.key(name)
        writer.int(value)
    }

    private static func field(_ name: String, _ value: Double?, _ writer: inout JSONWriter) {
        writer.key(name)
        if let value { writer.double((value * 1e9).rounded() / 1e9) } else { writer.null() }
    }

    private static func field(_ name: String, _ value: Money?, _ writer: inout JSONWriter) {
        writer.key(name)
        if let value { writer.money(value) } else { writer.null() }
    }
}
