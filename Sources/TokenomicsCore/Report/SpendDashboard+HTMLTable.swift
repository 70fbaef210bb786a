/// The dashboard's table of top spenders.
extension SpendDashboard {
    /// The top spenders, one row per group of ``topSpenders`` (its dimensions are the key
    /// columns), then the groups beyond the top as one row, then the total.
    func topSpendersHTML() -> String {
        let report = topSpenders
        let title = "Top spenders"
        guard !report.groups.isEmpty else { return Self.card(title, subtitle: "No groups.", body: "") }
        let total = report.total.cost.approximateDollars
        var table = "<div class=\"scroll\"><table>\n<thead><tr>"
        let keyHeaders = report.dimensions.isEmpty ? ["group"] : report.dimensions
        for header in keyHeaders { table += "<th class=\"key\">" + HTMLText.escape(header) + "</th>" }
        for header in [
            "Cost", "Share of total", "Requests", "Tokens", "Hidden share", "Cache hit rate", "Cost / accepted",
            "Value / $",
        ] {
            table += "<th>" + header + "</th>"
        }
        table += "</tr></thead>\n<tbody>\n"
        for group in report.groups {
            let cells = keyHeaders.indices.map { index in
                index < group.key.count ? (group.key[index] ?? "(none)") : ""
            }
            table += Self.tableRow(keys: cells, group.sums, total: total, class: nil)
        }
        if let rest = report.rest {
            let cells =
                [Self.restText(report.restCount, noun: "group")] + Array(repeating: "", count: keyHeaders.count - 1)
            table += Self.tableRow(keys: cells, rest, total: total, class: "rest")
        }
        let totalCells = ["Total"] + Array(repeating: "", count: keyHeaders.count - 1)
        table += Self.tableRow(keys: totalCells, report.total, total: total, class: "total")
        table += "</tbody>\n</table></div>"
        let by = report.dimensions.joined(separator: " · ")
        return Self.card(
            title,
            subtitle: "Largest cost first" + (by.isEmpty ? "" : ", by " + by) + ". — means no data for that figure"
                + (report.total.unpricedRequests > 0 ? "; * the group has events unpriced (not in cost)." : "."),
            body: table)
    }

    /// One table row: the key cells (plain text), then the figures of `sums`.
    private static func tableRow(keys: [String], _ sums: SpendSums, total: Double, class name: String?) -> String {
        var row = name.map { "<tr class=\"" + $0 + "\">" } ?? "<tr>"
        for key in keys {
            let text = HTMLText.escape(key)
            row += key.count > 24 ? "<td class=\"key\" title=\"" + text + "\">" : "<td class=\"key\">"
            row += text + "</td>"
        }
        var cost = HTMLText.dollarsSpan(sums.cost)
        if sums.cost == .zero && sums.unpricedRequests > 0 {
            cost = "<span title=\"" + unpricedText(sums.unpricedRequests) + "\">unpriced</span>"
        } else if sums.unpricedRequests > 0 {
            cost += " <span title=\"" + unpricedText(sums.unpricedRequests) + "\">*</span>"
        }
        let share = total > 0 ? sums.cost.approximateDollars / total : nil
        let barWidth = HTMLText.fixed(min(1, max(0, share ?? 0)) * 100, places: 1)
        let shareCell =
            "<span class=\"track\"><span class=\"share\" style=\"width:" + barWidth + "%\"></span></span>"
            + HTMLText.percent(share)
        let perAccepted = sums.costPerAcceptedOutcome.map(HTMLText.dollarsSpan) ?? "—"
        let perDollar = sums.valuePerDollar.map { HTMLText.fixed($0, places: 2) + "×" } ?? "—"
        for cell in [
            cost, shareCell, HTMLText.count(sums.requests),
            "<span title=\"" + HTMLText.count(sums.tokens.total) + "\">"
                + HTMLText.compactCount(Double(sums.tokens.total)) + "</span>",
            HTMLText.percent(sums.hiddenTokenShare), HTMLText.percent(sums.cacheHitRate), perAccepted, perDollar,
        ] {
            row += "<td>" + cell + "</td>"
        }
        return row + "</tr>\n"
    }
}
