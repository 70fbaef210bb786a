import Foundation

extension SpendReport {
    /// The report as CSV (RFC 4180): one row per group (and per bucket when the report has a
    /// time series), the groups beyond the top as one row keyed `(other)`.
    ///
    /// Columns: `bucket_start` (with a series), one per dimension, then requests, unpriced
    /// requests, tokens by class, cost and cost by class (exact decimals), hidden-token and
    /// hidden-cost shares, cache-hit rate, cache net savings, accepted outcomes, cost per accepted
    /// outcome and outcome value. Empty cells stand for "none" (e.g. no outcomes).
    public func csv() -> String {
        var header = bucket == nil ? [] : ["bucket_start"]
        header += dimensions
        header += ["requests", "unpriced_requests"]
        header += Self.tokenFields(SpendSums()).map { "tokens_\($0.0)" }
        header += ["cost_usd"] + Self.costFields(SpendSums()).map { "cost_\($0.0)_usd" }
        header += [
            "hidden_token_share", "hidden_cost_share", "cache_hit_rate", "cache_net_savings_usd", "accepted_outcomes",
            "cost_per_accepted_usd", "outcome_value_usd",
        ]
        var lines = [Self.csvLine(header)]
        let other = Array(repeating: Optional("(other)"), count: max(1, dimensions.count))
        if bucket == nil {
            for group in groups { lines.append(Self.csvLine(group.key.map { $0 ?? "" } + Self.cells(group.sums))) }
            if let rest {
                lines.append(Self.csvLine(other.prefix(dimensions.count).map { $0 ?? "" } + Self.cells(rest)))
            }
        } else {
            for point in series {
                let start = Timestamp.rfc3339(point.start)
                for (index, sums) in point.groups.enumerated() where sums.requests > 0 {
                    let key = index < groups.count ? groups[index].key : Array(other.prefix(dimensions.count))
                    lines.append(Self.csvLine([start] + key.map { $0 ?? "" } + Self.cells(sums)))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func cells(_ sums: SpendSums) -> [String] {
        var cells = ["\(sums.requests)", "\(sums.unpricedRequests)"]
        cells += tokenFields(sums).map { "\($0.1)" }
        cells += [sums.cost.decimalString()] + costFields(sums).map { $0.1.decimalString() }
        cells += [
            ratio(sums.hiddenTokenShare), ratio(sums.hiddenCostShare), ratio(sums.cacheHitRate),
            sums.cacheNetSavings.decimalString(), "\(sums.accepted)",
            sums.costPerAcceptedOutcome?.decimalString() ?? "", sums.valued > 0 ? sums.value.decimalString() : "",
        ]
        return cells
    }

    private static func ratio(_ value: Double?) -> String {
        value.map { String(format: "%.6f", $0) } ?? ""
    }

    /// One CSV line, quoting fields that hold a comma, quote or line break.
    static func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",")
    }
}
