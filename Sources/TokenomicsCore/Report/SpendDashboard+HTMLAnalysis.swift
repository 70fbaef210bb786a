/// The dashboard's analysis charts: hidden-token share, cache economics, and value per dollar.
extension SpendDashboard {
    /// The colour of estimated hidden tokens (a light tint of the reasoning colour).
    private static let estimatedColour = "#F2A77C"

    /// The total, then each top model, then the other models: the rows of the per-model charts.
    private var modelRows: [(label: String, sums: SpendSums, isTotal: Bool)] {
        var rows = [("All models", byModel.total, true)]
        rows += byModel.groups.map { (Self.keyText($0.key), $0.sums, false) }
        if let rest = byModel.rest { rows.append((Self.restText(byModel.restCount, noun: "model"), rest, false)) }
        return rows
    }

    /// Hidden reasoning tokens as a share of tokens and of cost, reported and estimated apart.
    func hiddenShareHTML() -> String {
        let title = "Hidden reasoning share"
        let total = byModel.total
        guard total.hiddenTokens > 0 else {
            return Self.card(title, subtitle: "No hidden reasoning tokens in this range.", body: "")
        }
        let reasoning = HTMLStyle.colour(.reasoning)
        let tokenRows = modelRows.map { row in
            Self.shareRow(
                row.label, reported: row.sums.hiddenTokenShareReported, estimated: row.sums.hiddenTokenShareEstimated,
                what: "tokens", colours: (reasoning, Self.estimatedColour), isTotal: row.isTotal)
        }
        let costRows = modelRows.map { row in
            Self.shareRow(
                row.label, reported: row.sums.hiddenCostShareReported, estimated: row.sums.hiddenCostShareEstimated,
                what: "cost", colours: (reasoning, Self.estimatedColour), isTotal: row.isTotal)
        }
        var body = "<div class=\"pair\"><div><h3>Share of tokens</h3>"
        body += SVGBarChart(rows: tokenRows, unit: .percent).svg(label: title + ": share of tokens")
        body += "</div><div><h3>Share of cost</h3>"
        body += SVGBarChart(rows: costRows, unit: .percent).svg(label: title + ": share of cost")
        body += "</div></div>"
        body += Self.legend([
            (reasoning, "Reported by the provider", HTMLText.count(total.hiddenTokensReported, "token")),
            (Self.estimatedColour, "Estimated by Tokenomics", HTMLText.count(total.reasoningEstimated, "token")),
        ])
        let subtitle =
            "Reasoning tokens are billed as output but never shown: " + HTMLText.percent(total.hiddenTokenShare)
            + " of tokens and " + HTMLText.percent(total.hiddenCostShare) + " of cost in this range."
        return Self.card(title, subtitle: subtitle, body: body)
    }

    /// A bar of a hidden share split into its reported and estimated parts.
    private static func shareRow(
        _ label: String, reported: Double?, estimated: Double?, what: String, colours: (String, String), isTotal: Bool
    ) -> SVGBarChart.Row {
        let share = reported.map { $0 + (estimated ?? 0) }
        var value = HTMLText.percent(share)
        if let estimated, estimated > 0 { value += " (" + HTMLText.percent(estimated) + " est.)" }
        return SVGBarChart.Row(
            label: label,
            segments: [
                SVGBarChart.Segment(
                    value: reported ?? 0, colour: colours.0,
                    tooltip: label + ": reported hidden share of " + what + " " + HTMLText.percent(reported)),
                SVGBarChart.Segment(
                    value: estimated ?? 0, colour: colours.1,
                    tooltip: label + ": estimated hidden share of " + what + " " + HTMLText.percent(estimated)),
            ], value: value, isStrong: isTotal)
    }

    /// Cache economics: hit rate, read savings, write premium, net savings, and what was paid
    /// against what would have been paid without a cache.
    func cacheHTML() -> String {
        let title = "Cache economics"
        let total = byModel.total
        guard total.tokens.cacheRead > 0 || total.tokens.cacheWrite > 0 else {
            return Self.card(title, subtitle: "No prompt caching in this range: no cache reads or writes.", body: "")
        }
        var facts = "<dl class=\"facts\">"
        for (term, detail) in [
            ("Cache hit rate", HTMLText.percent(total.cacheHitRate) + " of prompt tokens"),
            ("Saved by cache reads", HTMLText.dollarsSpan(total.cacheReadSavings)),
            ("Cache write premium", HTMLText.dollarsSpan(total.cacheWritePremium)),
            ("Net savings", HTMLText.dollarsSpan(total.cacheNetSavings)),
        ] {
            facts += "<dt>" + HTMLText.escape(term) + "</dt><dd>" + detail + "</dd>"
        }
        facts += "</dl>"
        let comparison = SVGBarChart(
            rows: [
                Self.moneyRow("Without cache", total.uncachedCost, colour: HTMLStyle.other),
                Self.moneyRow("Paid", total.cost, colour: HTMLStyle.colour(.cacheRead)),
            ], unit: .dollars, rowHeight: 36)
        let hitRows = modelRows.map { row in
            SVGBarChart.Row(
                label: row.label,
                segments: [
                    SVGBarChart.Segment(
                        value: row.sums.cacheHitRate ?? 0, colour: HTMLStyle.colour(.cacheRead),
                        tooltip: row.label + ": " + HTMLText.count(row.sums.tokens.cacheRead) + " of "
                            + HTMLText.count(row.sums.tokens.prompt) + " prompt tokens read from cache")
                ], value: HTMLText.percent(row.sums.cacheHitRate), isStrong: row.isTotal)
        }
        var body = "<div class=\"pair\"><div><h3>Paid vs would have paid without cache</h3>" + facts
        body += comparison.svg(label: title + ": paid vs without cache")
        body += "</div><div><h3>Cache hit rate by model</h3>"
        body += SVGBarChart(rows: hitRows, unit: .percent).svg(label: title + ": hit rate by model") + "</div></div>"
        return Self.card(
            title, subtitle: "Cache reads are cheaper than input; cache writes may cost more. Net of both:",
            body: body)
    }

    /// A bar of one amount, labelled with it.
    private static func moneyRow(_ label: String, _ money: Money, colour: String) -> SVGBarChart.Row {
        SVGBarChart.Row(
            label: label,
            segments: [
                SVGBarChart.Segment(
                    value: money.approximateDollars, colour: colour,
                    tooltip: label + ": " + HTMLText.exactDollars(money))
            ], value: HTMLText.dollars(money))
    }

    /// "Spend is not value": value per dollar of cost by group, where outcomes carry a value.
    func valueHTML() -> String {
        let valued = topSpenders.groups.filter { $0.sums.valuePerDollar != nil }
        guard topSpenders.total.valued > 0, !valued.isEmpty else { return "" }
        let title = "Spend is not value"
        let rows = valued.sorted { ($0.sums.valuePerDollar ?? 0) > ($1.sums.valuePerDollar ?? 0) }.map { group in
            let label = Self.keyText(group.key)
            let perDollar = group.sums.valuePerDollar ?? 0
            return SVGBarChart.Row(
                label: label,
                segments: [
                    SVGBarChart.Segment(
                        value: perDollar, colour: HTMLStyle.colour(2),
                        tooltip: label + ": " + HTMLText.exactDollars(group.sums.value) + " of value for "
                            + HTMLText.exactDollars(group.sums.cost) + " of cost")
                ],
                value: HTMLText.fixed(perDollar, places: 2) + "× · " + HTMLText.dollars(group.sums.value) + " for "
                    + HTMLText.dollars(group.sums.cost))
        }
        let dimension = topSpenders.dimensions.joined(separator: " · ")
        let subtitle =
            "Outcome value per dollar of cost by " + (dimension.isEmpty ? "group" : dimension)
            + ", best first: the largest spender is not always the best buy. From "
            + HTMLText.count(topSpenders.total.valued, "event") + " that recorded a value."
        let chart = SVGBarChart(rows: rows, unit: .ratio, width: 1_080)
        return Self.card(title, subtitle: subtitle, body: chart.svg(label: title))
    }
}
