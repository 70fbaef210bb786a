import Foundation

/// The dashboard's spend charts: spend over time by model, spend by team, and the token mix.
extension SpendDashboard {
    /// The most buckets drawn with the gaps between them filled (beyond, only buckets with events).
    private static let maximumFilledBuckets = 2_000

    /// The model series: each top model, then "other" when there are more models than the top.
    var modelSeries: [SVGColumnChart.Series] {
        var series = byModel.groups.enumerated().map {
            SVGColumnChart.Series(name: Self.keyText($0.element.key), colour: HTMLStyle.colour($0.offset))
        }
        if byModel.rest != nil {
            series.append(
                SVGColumnChart.Series(name: Self.restText(byModel.restCount, noun: "model"), colour: HTMLStyle.other))
        }
        return series
    }

    /// Spend over time, stacked by model.
    func spendOverTimeHTML() -> String {
        let title = "Spend over time by model"
        guard let bucket = byModel.bucket, !byModel.series.isEmpty else {
            return Self.card(title, subtitle: "No time series: the events carry no timestamp.", body: "")
        }
        let series = modelSeries
        let columns = Self.filled(byModel.series, bucket: bucket, width: series.count).map { entry in
            let date = HTMLText.bucketLabel(entry.start, bucket: bucket)
            let tooltips = zip(series, entry.groups).map { name, sums in
                name.name + " · " + date + ": " + HTMLText.dollars(sums.cost) + " (" + HTMLText.exactDollars(sums.cost)
                    + "), " + HTMLText.count(sums.requests, "request")
                    + (sums.unpricedRequests > 0 ? ", " + Self.unpricedText(sums.unpricedRequests) : "")
            }
            let total = entry.total.cost.approximateDollars
            return SVGColumnChart.Column(
                label: date, values: entry.groups.map(\.cost.approximateDollars), tooltips: tooltips,
                total: (
                    date + ": " + HTMLText.dollars(entry.total.cost) + " in all, "
                        + HTMLText.count(entry.total.requests, "request"), Self.shortDollars(total)
                ))
        }
        let chart = SVGColumnChart(series: series, columns: columns, unit: .dollars)
        var costs = byModel.groups.map(\.sums.cost)
        if let rest = byModel.rest { costs.append(rest.cost) }
        let legend = Self.legend(zip(series, costs).map { ($0.colour, $0.name, HTMLText.dollars($1)) })
        return Self.card(
            title, subtitle: "Cost per " + bucket.name + ", stacked by model; hover for exact amounts.",
            body: chart.svg(label: title) + legend)
    }

    /// The series with a bucket, of empty sums, for every step between two with events.
    private static func filled(_ series: [SpendReport.Bucket], bucket: TimeBucket, width: Int) -> [SpendReport.Bucket] {
        guard let first = series.first, let last = series.last else { return [] }
        let step: Double =
            switch bucket {
            case .fiveMinutes: 300
            case .hour: 3_600
            case .day: 86_400
            case .week: 7 * 86_400
            case .month: 32 * 86_400
            }
        guard (last.start.timeIntervalSince(first.start) / step) < Double(maximumFilledBuckets) * 1.1 else {
            return series
        }
        let byStart = Dictionary(series.map { ($0.start, $0) }, uniquingKeysWith: { first, _ in first })
        var filled: [SpendReport.Bucket] = []
        var start = first.start
        while start <= last.start && filled.count < maximumFilledBuckets * 2 {
            filled.append(
                byStart[start]
                    ?? SpendReport.Bucket(
                        start: start, total: SpendSums(), groups: Array(repeating: SpendSums(), count: width)))
            start = bucket.start(of: start.addingTimeInterval(step))
        }
        return filled
    }

    /// Spend by team, as horizontal bars.
    func teamHTML() -> String {
        let title = "Spend by team"
        let total = byTeam.total.cost.approximateDollars
        var rows = byTeam.groups.map { group in
            Self.costRow(Self.keyText(group.key), group.sums, total: total, colour: HTMLStyle.palette[0])
        }
        if let rest = byTeam.rest {
            rows.append(
                Self.costRow(Self.restText(byTeam.restCount, noun: "team"), rest, total: total, colour: HTMLStyle.other)
            )
        }
        guard !rows.isEmpty else { return Self.card(title, subtitle: "No events.", body: "") }
        let chart = SVGBarChart(rows: rows, unit: .dollars)
        return Self.card(title, subtitle: "Cost and share of the total, largest first.", body: chart.svg(label: title))
    }

    /// A bar of one group's cost, labelled with its amount and share.
    static func costRow(_ label: String, _ sums: SpendSums, total: Double, colour: String) -> SVGBarChart.Row {
        let share = total > 0 ? sums.cost.approximateDollars / total : nil
        var tooltip =
            label + ": " + HTMLText.exactDollars(sums.cost) + ", " + HTMLText.count(sums.requests, "request") + ", "
        tooltip += HTMLText.count(sums.tokens.total, "token")
        if sums.unpricedRequests > 0 { tooltip += ", " + unpricedText(sums.unpricedRequests) }
        return SVGBarChart.Row(
            label: label,
            segments: [SVGBarChart.Segment(value: sums.cost.approximateDollars, colour: colour, tooltip: tooltip)],
            value: sums.cost == .zero && sums.unpricedRequests > 0
                ? unpricedText(sums.unpricedRequests) : HTMLText.dollars(sums.cost) + " · " + HTMLText.percent(share))
    }

    /// The token mix: tokens by class, and the cost by class beside it.
    func tokenMixHTML() -> String {
        let title = "Token mix"
        let sums = byModel.total
        let classes = TokenClass.allCases
        let tokenSegments = classes.map { tokenClass in
            SVGBarChart.Segment(
                value: Double(sums.tokens[tokenClass]), colour: HTMLStyle.colour(tokenClass),
                tooltip: Self.name(tokenClass) + ": " + HTMLText.count(sums.tokens[tokenClass], "token"))
        }
        var costSegments = classes.map { tokenClass in
            SVGBarChart.Segment(
                value: sums.breakdown[tokenClass].approximateDollars, colour: HTMLStyle.colour(tokenClass),
                tooltip: Self.name(tokenClass) + ": " + HTMLText.exactDollars(sums.breakdown[tokenClass]))
        }
        let fees = sums.breakdown.audio + sums.breakdown.image + sums.breakdown.requests + sums.breakdown.webSearch
        costSegments.append(
            SVGBarChart.Segment(
                value: fees.approximateDollars, colour: HTMLStyle.other,
                tooltip: "Audio, image, request and search fees: " + HTMLText.exactDollars(fees)))
        let bars = SVGShareBar(rows: [
            SVGShareBar.Row(label: "Tokens", segments: tokenSegments),
            SVGShareBar.Row(label: "Cost", segments: costSegments),
        ])
        let tokenShares = SVGShareBar.shares(bars.rows[0])
        var items = classes.enumerated().map { index, tokenClass in
            (
                HTMLStyle.colour(tokenClass), Self.name(tokenClass),
                HTMLText.compactCount(Double(sums.tokens[tokenClass])) + " · " + HTMLText.percent(tokenShares[index])
            )
        }
        if fees > .zero { items.append((HTMLStyle.other, "Fees (cost only)", HTMLText.dollars(fees))) }
        return Self.card(
            title, subtitle: "Share of tokens and of cost by token class: output and reasoning cost more per token.",
            body: bars.svg(label: title) + Self.legend(items))
    }

    /// A token class's name for readers.
    static func name(_ tokenClass: TokenClass) -> String {
        switch tokenClass {
        case .input: "Input"
        case .cacheRead: "Cache read"
        case .cacheWrite: "Cache write"
        case .retrieval: "Retrieval"
        case .output: "Output"
        case .reasoning: "Reasoning (hidden)"
        }
    }
}
