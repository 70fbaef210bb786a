import Foundation
import Testing

@testable import TokenomicsCore

/// One call of a test dashboard: who made it, when, its tokens, and its price per input token
/// (`nil`: unpriced). Cache reads cost a tenth of input, cache writes 1.25 times, output and
/// reasoning four times.
struct DashboardCall {
    var model: String
    var team: String?
    var user: String
    var hour: Int
    var tokens: TokenCounts
    var inputRate: String?
    var outcome: Outcome? = nil

    /// The call's sums: tokens, exact cost by part, cache accounting and outcome.
    var sums: SpendSums {
        var sums = SpendSums()
        let event = UsageEvent(id: "e", provider: "test", model: model, tokens: tokens, outcome: outcome)
        guard let text = inputRate, let rate = Money(decimal: text) else {
            sums.add(event, cost: nil, breakdown: .zero, cache: .zero)
            return sums
        }
        func price(_ count: Int64, _ numerator: Int128, _ denominator: Int128) -> Money {
            Money(attodollars: rate.attodollars * Int128(count) * numerator / denominator)
        }
        let breakdown = CostBreakdown(
            input: price(tokens.input, 1, 1), cacheRead: price(tokens.cacheRead, 1, 10),
            cacheWrite: price(tokens.cacheWrite, 5, 4), retrieval: price(tokens.retrieval, 1, 1),
            output: price(tokens.output, 4, 1), reasoning: price(tokens.reasoning, 4, 1))
        let cache = CacheAccounting(
            readsAtInputRate: price(tokens.cacheRead, 1, 1), writesAtInputRate: price(tokens.cacheWrite, 1, 1))
        sums.add(event, cost: breakdown.total, breakdown: breakdown, cache: cache)
        return sums
    }
}

/// Builds dashboards from calls, as a ledger's rollups would.
enum DashboardFixture {
    /// 2025-03-01T00:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_740_787_200)

    /// A dashboard by model (daily series), by team, and by user, with the given top.
    static func dashboard(_ calls: [DashboardCall], top: Int? = nil, title: String = "Spend") -> SpendDashboard {
        func report(_ dimension: String, _ key: (DashboardCall) -> String?, bucket: TimeBucket? = nil) -> SpendReport {
            let rows = calls.map {
                SpendRow(key: [key($0)], hour: start.addingTimeInterval(Double($0.hour) * 3_600), sums: $0.sums)
            }
            return SpendReport(rows: rows, dimensions: [dimension], bucket: bucket, top: top)
        }
        return SpendDashboard(
            title: title, ledger: "/var/lib/tokenomics/ledger.sqlite",
            generatedAt: start.addingTimeInterval(86_400 * 8),
            byModel: report("model", \.model, bucket: .day), byTeam: report("team", \.team),
            topSpenders: report("user", \.user))
    }

    /// Three models over three days, with caching, reported and estimated reasoning, one unpriced
    /// call and valued outcomes.
    static var calls: [DashboardCall] {
        [
            DashboardCall(
                model: "gpt-4o", team: "search", user: "ana", hour: 2,
                tokens: TokenCounts(input: 40_000, cacheRead: 50_000, cacheWrite5m: 10_000, output: 8_000),
                inputRate: "0.0000025", outcome: Outcome(success: true, valueUSD: Money(dollars: 9))),
            DashboardCall(
                model: "o3", team: "agents", user: "bo", hour: 30,
                tokens: TokenCounts(input: 20_000, output: 4_000, reasoning: 16_000), inputRate: "0.000002",
                outcome: Outcome(success: false, valueUSD: Money(dollars: 1))),
            DashboardCall(
                model: "o3", team: "agents", user: "ana", hour: 52,
                tokens: TokenCounts(
                    input: 10_000, output: 2_000, reasoning: 8_000, estimated: TokenClassSet(.reasoning)),
                inputRate: "0.000002"),
            DashboardCall(
                model: "claude-haiku", team: nil, user: "cy", hour: 55,
                tokens: TokenCounts(input: 5_000, output: 1_000), inputRate: "0.0000008"),
            DashboardCall(
                model: "mystery-model", team: "search", user: "cy", hour: 56,
                tokens: TokenCounts(input: 3_000, output: 500), inputRate: nil),
        ]
    }

    /// The numeric values of the geometry attributes of every SVG element in `html`.
    static func geometry(_ html: String) throws -> [String] {
        let pattern = try Regex(#" (?:x|y|x1|y1|x2|y2|width|height|rx)="([^"]*)""#)
        return html.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) }
    }
}

@Suite("SpendDashboard HTML")
struct SpendDashboardHTMLTests {
    @Test("renders one complete document with one chart per section and only finite geometry")
    func document() throws {
        let html = DashboardFixture.dashboard(DashboardFixture.calls).html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.hasSuffix("</html>\n"))
        // Spend over time, team, token mix, hidden share (tokens, cost), cache (paid, hit rate), value.
        #expect(html.components(separatedBy: "<svg ").count - 1 == 8)
        #expect(html.components(separatedBy: "</svg>").count - 1 == 8)
        #expect(!html.contains("<script"))
        let numbers = try DashboardFixture.geometry(html)
        #expect(numbers.count > 50)
        for number in numbers { #expect(Double(number)?.isFinite == true, "geometry \(number)") }
    }

    @Test("escapes user text in keys, title and ledger")
    func escaping() {
        var calls = DashboardFixture.calls
        calls[0].team = "<script>alert('x')</script>"
        calls[1].model = "a&b \"quoted\""
        var dashboard = DashboardFixture.dashboard(calls, title: "Q1 <spend>")
        dashboard.ledger = "postgres://db?x=1&y=2"
        let html = dashboard.html()
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("a&amp;b &quot;quoted&quot;"))
        #expect(!html.contains("a&b"))
        #expect(html.contains("<title>Q1 &lt;spend&gt;</title>"))
        #expect(html.contains("postgres://db?x=1&amp;y=2"))
    }

    @Test("prints the total to the cent with the exact amount in its tooltip")
    func totals() throws {
        let calls = [
            DashboardCall(
                model: "m", team: "t", user: "u", hour: 1, tokens: TokenCounts(input: 493_827_161),
                inputRate: "0.0000025")
        ]
        let dashboard = DashboardFixture.dashboard(calls)
        #expect(dashboard.byModel.total.cost.description == "1234.5679025")
        let html = dashboard.html()
        #expect(html.contains("<span title=\"$1234.5679025\">$1,234.57</span>"))
        #expect(html.contains("493,827,161"))
        #expect(!html.contains("unpriced (not in cost)"))
    }

    @Test("counts unpriced events apart and never shows them as $0")
    func unpriced() {
        let html = DashboardFixture.dashboard(DashboardFixture.calls).html()
        #expect(html.contains("1 event unpriced (not in cost)"))
        var calls = DashboardFixture.calls
        calls.append(calls[4])
        let twice = DashboardFixture.dashboard(calls).html()
        #expect(twice.contains("2 events unpriced (not in cost)"))
        let onlyUnpriced = DashboardFixture.dashboard([calls[4]]).html()
        #expect(onlyUnpriced.contains("1 event unpriced (not in cost)"))
        // The team bar and the table say "unpriced" where the cost would be.
        #expect(onlyUnpriced.contains(">1 event unpriced (not in cost)</text>"))
        #expect(onlyUnpriced.contains("<td><span title=\"1 event unpriced (not in cost)\">unpriced</span></td>"))
        #expect(!onlyUnpriced.contains("$0.00 · "))
    }

    @Test("names every model in the legend, largest first")
    func legend() throws {
        let html = DashboardFixture.dashboard(DashboardFixture.calls).html()
        let start = try #require(html.range(of: "<ul class=\"legend\">"))
        let end = try #require(html.range(of: "</ul>", range: start.upperBound..<html.endIndex))
        let legend = String(html[start.upperBound..<end.lowerBound])
        let names = ["o3", "gpt-4o", "claude-haiku", "mystery-model"]
        let positions = try names.map { try #require(legend.range(of: $0)).lowerBound }
        #expect(positions == positions.sorted())
        #expect(!legend.contains("other ("))
    }

    @Test("stacks the models beyond the top as one other series")
    func otherSeries() throws {
        let dashboard = DashboardFixture.dashboard(DashboardFixture.calls, top: 2)
        #expect(dashboard.byModel.restCount == 2)
        let html = dashboard.html()
        #expect(html.contains("other (2 models)"))
        #expect(html.contains("<title>other (2 models) · Mar 3: $0.01 ($0.0072), 2 requests, 1 event unpriced"))
        #expect(html.contains("fill=\"\(HTMLStyle.other)\""))
        #expect(html.contains("other (1 group)"))
    }

    @Test("renders an empty dashboard without charts, NaN or division by zero")
    func empty() throws {
        let html = DashboardFixture.dashboard([]).html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("No events in this range"))
        #expect(!html.contains("<svg"))
        #expect(html.contains(">$0.00</span>"))
        #expect(!html.lowercased().contains("nan"))
    }

    @Test("draws events without timestamps, caching or reasoning with finite geometry")
    func sparse() throws {
        let event = UsageEvent(id: "e", provider: "test", model: "m", tokens: TokenCounts())
        var sums = SpendSums()
        sums.add(event, cost: .zero, breakdown: .zero, cache: .zero)
        let report = SpendReport(
            rows: [SpendRow(key: [nil], hour: nil, sums: sums)], dimensions: ["team"], bucket: .day)
        let dashboard = SpendDashboard(
            title: "t", ledger: "l", generatedAt: DashboardFixture.start, byModel: report, byTeam: report,
            topSpenders: report)
        let html = dashboard.html()
        #expect(html.contains("the events carry no timestamp"))
        #expect(html.contains("No prompt caching"))
        #expect(html.contains("No hidden reasoning tokens"))
        #expect(html.contains("(none)"))
        for number in try DashboardFixture.geometry(html) { #expect(Double(number)?.isFinite == true) }
    }

    @Test("splits the hidden share into reported and estimated parts")
    func hiddenShare() {
        let total = DashboardFixture.dashboard(DashboardFixture.calls).byModel.total
        #expect(total.tokens.total == 177_500)
        let html = DashboardFixture.dashboard(DashboardFixture.calls).html()
        // 24,000 hidden tokens of 177,500; 8,000 of them estimated.
        #expect(html.contains(">13.5% (4.5% est.)</text>"))
        // o3 alone: 24,000 of 60,000 tokens, 8,000 estimated.
        #expect(html.contains(">40.0% (13.3% est.)</text>"))
        #expect(html.contains("Estimated by Tokenomics"))
    }

    @Test("shows cache savings, premium and the uncached price")
    func cache() {
        let total = DashboardFixture.dashboard(DashboardFixture.calls).byModel.total
        // 50,000 reads save 0.9 × $0.0000025 each; 10,000 writes cost 0.25 × $0.0000025 more.
        #expect(total.cacheReadSavings.description == "0.1125")
        #expect(total.cacheWritePremium.description == "0.00625")
        let html = DashboardFixture.dashboard(DashboardFixture.calls).html()
        #expect(html.contains("<span title=\"$0.1125\">$0.11</span>"))
        #expect(html.contains("<span title=\"$0.10625\">$0.11</span>"))
        #expect(html.contains("Without cache: $" + total.uncachedCost.description))
    }

    @Test("lists top spenders with the report's dimensions and dashes for missing figures")
    func topSpenders() throws {
        let html = DashboardFixture.dashboard(DashboardFixture.calls).html()
        #expect(html.contains("<th class=\"key\">user</th>"))
        let start = try #require(html.range(of: "<td class=\"key\">cy</td>"))
        let end = try #require(html.range(of: "</tr>", range: start.upperBound..<html.endIndex))
        let row = html[start.upperBound..<end.lowerBound]
        // cy: no reasoning, no cache reads, no outcomes.
        #expect(row.contains("<td>0.0%</td><td>0.0%</td><td>—</td><td>—</td>"))
        #expect(html.contains("Spend is not value"))
        // ana: $9 of value for $0.32375; bo: $1 for $0.20.
        #expect(html.contains("<td>27.80×</td>"))
        #expect(html.contains("<td>5.00×</td>"))
    }
}
