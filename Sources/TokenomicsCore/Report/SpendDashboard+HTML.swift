import Foundation

/// The dashboard as one self-contained HTML page: inline style and SVG charts, no scripts, no
/// fonts or images to download.
extension SpendDashboard {
    /// The dashboard as a complete HTML5 document.
    ///
    /// The page holds a header (title, ledger, generation time, range), the headline figures, and
    /// charts of spend over time by model, spend by team, the token-class mix, the hidden-token
    /// share, cache economics and what the spend bought, then a table of the top spenders. Amounts
    /// are shown to the cent with the exact amount in a tooltip; unpriced events are counted apart,
    /// never as $0. Every text from the data is escaped. With no events the page says so and draws
    /// no chart.
    ///
    /// - Returns: the document, starting `<!DOCTYPE html>`.
    /// - Complexity: O(*g* + *b*·*t*) for *g* groups, *b* buckets and *t* top models.
    public func html() -> String {
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<title>" + HTMLText.escape(title) + "</title>\n<style>\n" + HTMLStyle.css + "\n</style>\n"
        page += "</head>\n<body>\n<main>\n"
        page += headerHTML()
        page += figuresHTML()
        if byModel.total.requests == 0 {
            page += "<div class=\"empty\">No events in this range: there is nothing to chart yet.</div>\n"
        } else {
            page += spendOverTimeHTML()
            page += "<div class=\"grid\">\n" + teamHTML() + tokenMixHTML() + "</div>\n"
            page += hiddenShareHTML()
            page += cacheHTML()
            page += valueHTML()
            page += topSpendersHTML()
        }
        page += "<footer>Made by Tokenomics. Amounts are US dollars; hover over a bar or an amount for the"
        page += " exact figure. Unpriced events count in requests and tokens, never in cost.</footer>\n"
        page += "</main>\n</body>\n</html>\n"
        return page
    }

    /// The title and the facts about the report: ledger, generation time, range.
    private func headerHTML() -> String {
        var header = "<header>\n<h1>" + HTMLText.escape(title) + "</h1>\n<div class=\"meta\">"
        header += "<span>Ledger <b>" + HTMLText.escape(ledger) + "</b></span>"
        header += "<span>Generated <b>" + HTMLText.dateTime(generatedAt) + "</b></span>"
        header += "<span>Range <b>" + HTMLText.escape(rangeText) + "</b></span>"
        if let bucket = byModel.bucket { header += "<span>Buckets <b>" + bucket.name + "</b> (UTC)</span>" }
        return header + "</div>\n</header>\n"
    }

    /// The report's range in words.
    private var rangeText: String {
        switch (byModel.since, byModel.until) {
        case (let since?, let until?): HTMLText.day(since) + " to " + HTMLText.day(until) + " (end excluded)"
        case (let since?, nil): "since " + HTMLText.day(since)
        case (nil, let until?): "before " + HTMLText.day(until)
        case (nil, nil):
            if let first = byModel.series.first, let last = byModel.series.last {
                // Bucket starts, both buckets included.
                "all events, " + (last.start > first.start ? "buckets " : "bucket ") + HTMLText.day(first.start)
                    + (last.start > first.start ? " to " + HTMLText.day(last.start) : "")
            } else {
                "all events"
            }
        }
    }

    /// The headline figures, and the unpriced-events warning.
    private func figuresHTML() -> String {
        let total = byModel.total
        var html = "<div class=\"figures\">\n"
        html += Self.figure("Total cost", HTMLText.dollarsSpan(total.cost), note: "priced events, USD")
        html += Self.figure("Requests", HTMLText.count(total.requests), note: "events recorded")
        html += Self.figure(
            "Tokens", HTMLText.compactCount(Double(total.tokens.total)),
            note: HTMLText.count(total.tokens.total) + " in six classes")
        if total.requests > 0 {
            html += Self.figure(
                "Hidden reasoning", HTMLText.percent(total.hiddenTokenShare),
                note: "of tokens · " + HTMLText.percent(total.hiddenCostShare) + " of cost")
            html += Self.figure(
                "Cache net savings", HTMLText.dollarsSpan(total.cacheNetSavings),
                note: "hit rate " + HTMLText.percent(total.cacheHitRate) + " of prompt tokens")
        }
        if let perDollar = total.valuePerDollar {
            html += Self.figure(
                "Value per dollar", HTMLText.fixed(perDollar, places: 2) + "×",
                note: HTMLText.dollars(total.value) + " of outcome value")
        }
        html += "</div>\n"
        if total.unpricedRequests > 0 {
            html += "<div class=\"warning\"><b>" + Self.unpricedText(total.unpricedRequests) + "</b>: no price was"
            html += " found for their model, so their tokens are counted here but their cost is not.</div>\n"
        }
        return html
    }

    /// `N events unpriced (not in cost)`, in the singular for one.
    static func unpricedText(_ count: Int64) -> String {
        HTMLText.count(count) + (count == 1 ? " event" : " events") + " unpriced (not in cost)"
    }

    /// One headline figure; `value` is HTML, `label` and `note` are plain text.
    private static func figure(_ label: String, _ value: String, note: String) -> String {
        "<div class=\"figure\"><div class=\"label\">" + HTMLText.escape(label) + "</div><div class=\"value\">"
            + value + "</div><div class=\"note\">" + HTMLText.escape(note) + "</div></div>\n"
    }

    /// A chart card: a heading, a line that says what to read off it, and its body (HTML).
    static func card(_ title: String, subtitle: String, body: String) -> String {
        "<section class=\"card\">\n<h2>" + HTMLText.escape(title) + "</h2>\n<p class=\"sub\">"
            + HTMLText.escape(subtitle) + "</p>\n" + body + "\n</section>\n"
    }

    /// A legend: a swatch, a name and a detail per item (plain text).
    static func legend(_ items: [(colour: String, name: String, detail: String)]) -> String {
        var html = "<ul class=\"legend\">"
        for item in items {
            html += "<li><span class=\"swatch\" style=\"background:" + HTMLText.escape(item.colour) + "\"></span>"
            html += HTMLText.escape(item.name)
            if !item.detail.isEmpty { html += " <span class=\"amount\">" + HTMLText.escape(item.detail) + "</span>" }
            html += "</li>"
        }
        return html + "</ul>"
    }

    /// A group's key as text: its values joined by ` · `, `(none)` for a missing value.
    static func keyText(_ key: [String?]) -> String {
        key.isEmpty ? "(all)" : key.map { $0 ?? "(none)" }.joined(separator: " · ")
    }

    /// The label of the groups beyond the top: `other (3 teams)`.
    static func restText(_ count: Int, noun: String) -> String {
        "other (" + String(count) + " " + noun + (count == 1 ? "" : "s") + ")"
    }

    /// A short amount for a chart label: `$1.2k`, `$250`, `$4.20`.
    static func shortDollars(_ dollars: Double) -> String {
        if dollars >= 1_000 { return "$" + HTMLText.compactCount(dollars) }
        return "$" + HTMLText.fixed(dollars, places: dollars >= 10 ? 0 : 2)
    }
}
