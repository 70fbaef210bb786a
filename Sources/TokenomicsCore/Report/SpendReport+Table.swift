import Foundation

extension SpendReport {
    /// The report as aligned text for a terminal: headline, groups, the token-class mix, hidden
    /// tokens, cache economics, outcomes, and the time series when there is one.
    ///
    /// - Parameter ledger: where the ledger is, for the heading.
    public func table(ledger: String) -> String {
        var out: [String] = []
        var heading = "Spend in \(ledger)"
        if since != nil || until != nil {
            heading +=
                ", " + (since.map(Timestamp.rfc3339) ?? "start") + " to " + (until.map(Timestamp.rfc3339) ?? "now")
        }
        if !dimensions.isEmpty { heading += ", by " + dimensions.joined(separator: ", ") }
        out.append(heading)
        out.append(
            "Total \(ReportText.dollars(total.cost)) for \(ReportText.count(total.requests)) requests and "
                + "\(ReportText.count(total.tokens.total)) tokens")
        if total.unpricedRequests > 0 {
            out.append(
                "  \(ReportText.count(total.unpricedRequests)) unpriced events: their tokens are counted, "
                    + "their cost is unknown and not in the total (see `tokenomics reprice`)")
        }
        if total.requests == 0 {
            out.append("No events in this range.")
            return out.joined(separator: "\n") + "\n"
        }
        if !dimensions.isEmpty { out += [""] + groupTable() }
        out += [""] + classTable()
        out += [""] + analysisLines(total)
        if let bucket, !series.isEmpty { out += [""] + seriesTable(bucket) }
        return out.joined(separator: "\n") + "\n"
    }

    private func groupTable() -> [String] {
        var rows: [[String]] = [
            dimensions + ["requests", "tokens", "hidden", "cache hit", "cost", "share", "per accepted"]
        ]
        let listed = groups.map { ($0.key.map { $0 ?? "(none)" }, $0.sums) }
        let others = rest.map {
            [(["(\(restCount) more)"] + Array(repeating: "", count: max(0, dimensions.count - 1)), $0)]
        }
        for (key, sums) in listed + (others ?? []) {
            rows.append(
                key + [
                    ReportText.count(sums.requests), ReportText.count(sums.tokens.total),
                    ReportText.percent(sums.hiddenTokenShare), ReportText.percent(sums.cacheHitRate),
                    ReportText.dollars(sums.cost), ReportText.percent(share(of: sums.cost)),
                    sums.costPerAcceptedOutcome.map(ReportText.dollars) ?? "—",
                ])
        }
        return ReportText.align(rows, leftColumns: dimensions.count)
    }

    private func classTable() -> [String] {
        var rows: [[String]] = [["class", "tokens", "of tokens", "cost", "of cost"]]
        let tokens = Dictionary(uniqueKeysWithValues: Self.tokenFields(total))
        for (name, amount) in Self.costFields(total) {
            let count = tokens[name]
            guard count.map({ $0 > 0 }) ?? (amount != .zero) else { continue }
            rows.append([
                name == "reasoning" ? "reasoning (hidden)" : name, count.map(ReportText.count) ?? "",
                count.map { ReportText.percent(total.tokens.total > 0 ? Double($0) / Double(total.tokens.total) : nil) }
                    ?? "", ReportText.dollars(amount), ReportText.percent(share(of: amount)),
            ])
        }
        return ReportText.align(rows, leftColumns: 1)
    }

    /// Hidden tokens, cache economics and outcomes of a set of sums, one paragraph each.
    private func analysisLines(_ sums: SpendSums) -> [String] {
        var lines = [
            "Hidden reasoning: \(ReportText.count(sums.hiddenTokens)) tokens, "
                + "\(ReportText.percent(sums.hiddenTokenShare)) of tokens "
                + "(\(ReportText.percent(sums.hiddenTokenShareReported)) reported, "
                + "\(ReportText.percent(sums.hiddenTokenShareEstimated)) estimated); "
                + "\(ReportText.dollars(sums.breakdown.reasoning)), \(ReportText.percent(sums.hiddenCostShare)) of cost "
                + "(\(ReportText.percent(sums.hiddenCostShareReported)) reported, "
                + "\(ReportText.percent(sums.hiddenCostShareEstimated)) estimated)"
        ]
        lines.append(
            "Cache: hit rate \(ReportText.percent(sums.cacheHitRate)); reads cost "
                + "\(ReportText.dollars(sums.breakdown.cacheRead)) instead of "
                + "\(ReportText.dollars(sums.cache.readsAtInputRate)) at the input rate, saving "
                + "\(ReportText.dollars(sums.cacheReadSavings)); writes cost \(ReportText.dollars(sums.breakdown.cacheWrite)) "
                + "(\(ReportText.dollars(sums.cacheWritePremium)) above the input rate); net saving "
                + "\(ReportText.dollars(sums.cacheNetSavings)) against \(ReportText.dollars(sums.uncachedCost)) uncached"
        )
        if sums.outcomes > 0 {
            var line =
                "Outcomes: \(ReportText.count(sums.accepted)) of \(ReportText.count(sums.outcomes)) accepted "
                + "(\(ReportText.percent(sums.acceptanceRate))), "
                + "\(sums.costPerAcceptedOutcome.map(ReportText.dollars) ?? "—") per accepted outcome"
            if sums.valued > 0 {
                line +=
                    "; value \(ReportText.dollars(sums.value)), "
                    + (sums.valuePerDollar.map { String(format: "%.2f", $0) } ?? "—") + " per dollar of tokens"
            }
            lines.append(line)
        } else {
            lines.append("Outcomes: none recorded (cost per accepted outcome needs events with an outcome)")
        }
        return lines
    }

    private func seriesTable(_ bucket: TimeBucket) -> [String] {
        let names = groups.map { $0.key.map { $0 ?? "(none)" }.joined(separator: "/") } + (rest == nil ? [] : ["other"])
        var rows: [[String]] = [[bucket.rawValue, "requests", "cost"] + (dimensions.isEmpty ? [] : names)]
        for point in series {
            rows.append(
                [
                    ReportText.bucketLabel(point.start, bucket), ReportText.count(point.total.requests),
                    ReportText.dollars(point.total.cost),
                ]
                    + (dimensions.isEmpty ? [] : point.groups.map { ReportText.dollars($0.cost) }))
        }
        return ReportText.align(rows, leftColumns: 1)
    }

    private func share(of amount: Money) -> Double? {
        total.cost > .zero ? amount.approximateDollars / total.cost.approximateDollars : nil
    }
}
