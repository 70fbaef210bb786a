import Foundation

@testable import TokenomicsCore

extension FocusExportTests {
    // MARK: - Fixtures

    /// 2026-11-15T13:00:00Z.
    static let hour = Date(timeIntervalSince1970: 1_794_747_600)

    /// Attodollars per token for a rate in dollars per million tokens, given in micro-dollars.
    static func perToken(microdollarsPerMillion: Int128) -> Int128 { microdollarsPerMillion * 1_000_000 }

    /// A key in `FocusExport.dimensions` order.
    static func key(
        provider: String? = "anthropic", model: String? = "claude-sonnet-4", pricedModel: String? = "claude-sonnet-4",
        tier: String? = "standard", threshold: String? = nil, catalog: String? = "2026-11-01", team: String? = "search",
        application: String? = "bot", tags: String? = nil
    ) -> [String?] {
        [
            provider, model, pricedModel, tier, threshold, catalog, "acme", "p1", team, "ann", application, "wf", "s1",
            tags,
        ]
    }

    /// A batch-tier long-context row with every text class and both cache-write durations.
    /// Rates per 1M tokens: input 1.5, cache read 0.15, 5-minute writes 1.875, 1-hour writes 3,
    /// output and reasoning 7.5.
    static func batchRow() -> SpendRow {
        var sums = SpendSums()
        sums.requests = 3
        sums.modality = ModalityCounts(requests: 3)
        sums.tokens = TokenCounts(
            input: 1234, cacheRead: 50_000, cacheWrite5m: 777, cacheWrite1h: 333, output: 999, reasoning: 4321)
        let input = perToken(microdollarsPerMillion: 1_500_000)
        let read = perToken(microdollarsPerMillion: 150_000)
        let write5m = perToken(microdollarsPerMillion: 1_875_000)
        let write1h = perToken(microdollarsPerMillion: 3_000_000)
        let output = perToken(microdollarsPerMillion: 7_500_000)
        sums.breakdown = CostBreakdown(
            input: Money(attodollars: 1234 * input), cacheRead: Money(attodollars: 50_000 * read),
            cacheWrite: Money(attodollars: 777 * write5m + 333 * write1h), output: Money(attodollars: 999 * output),
            reasoning: Money(attodollars: 4321 * output))
        sums.cache = CacheAccounting(writes1h: Money(attodollars: 333 * write1h))
        sums.cost = sums.breakdown.total
        return SpendRow(
            key: key(tier: "batch", threshold: "200000", tags: #"{"env":"prod, eu","note":"say \"hi\""}"#),
            hour: hour, sums: sums)
    }

    /// A standard-tier row with one-way audio, per-image fees, web searches and a request fee.
    /// Rates: input 2.5 and output 10 per 1M, audio input 40 per 1M, $0.04 an image, $0.01 a
    /// search, $0.001 a request.
    static func mediaRow() -> SpendRow {
        var sums = SpendSums()
        sums.requests = 5
        sums.tokens = TokenCounts(input: 10, output: 7)
        sums.modality = ModalityCounts(audioInputTokens: 100, images: 2, requests: 5, webSearchQueries: 3)
        sums.breakdown = CostBreakdown(
            input: Money(attodollars: 10 * perToken(microdollarsPerMillion: 2_500_000)),
            output: Money(attodollars: 7 * perToken(microdollarsPerMillion: 10_000_000)),
            audio: Money(attodollars: 100 * perToken(microdollarsPerMillion: 40_000_000)),
            image: Money(attodollars: 2 * 40_000_000_000_000_000),
            requests: Money(attodollars: 5 * 1_000_000_000_000_000),
            webSearch: Money(attodollars: 3 * 10_000_000_000_000_000))
        sums.cost = sums.breakdown.total
        return SpendRow(
            key: key(provider: "openai", model: "gpt-4o", pricedModel: "gpt-4o", team: "a,b", application: nil),
            hour: hour, sums: sums)
    }

    /// A row with one unpriced event among four: its token count includes tokens nobody priced.
    static func mixedRow() -> SpendRow {
        var sums = SpendSums()
        sums.requests = 4
        sums.unpricedRequests = 1
        sums.modality = ModalityCounts(requests: 4)
        sums.tokens = TokenCounts(input: 100, cacheWrite1h: 40)
        sums.breakdown = CostBreakdown(input: Money(attodollars: 75 * perToken(microdollarsPerMillion: 3_000_000)))
        sums.cost = sums.breakdown.total
        return SpendRow(key: key(model: "mixed-model", pricedModel: "mixed-model"), hour: hour, sums: sums)
    }

    /// A row whose events are all unpriced.
    static func unpricedRow() -> SpendRow {
        var sums = SpendSums()
        sums.requests = 2
        sums.unpricedRequests = 2
        sums.modality = ModalityCounts(requests: 2)
        sums.tokens = TokenCounts(input: 500, output: 50)
        return SpendRow(key: key(model: "mystery", pricedModel: nil), hour: hour, sums: sums)
    }

    /// A priced row without an hour.
    static func undatedRow() -> SpendRow {
        var sums = SpendSums()
        sums.requests = 1
        sums.modality = ModalityCounts(requests: 1)
        sums.tokens = TokenCounts(input: 1000)
        sums.breakdown = CostBreakdown(input: Money(attodollars: 1000 * perToken(microdollarsPerMillion: 3_000_000)))
        sums.cost = sums.breakdown.total
        return SpendRow(key: key(), hour: nil, sums: sums)
    }

    static var allRows: [SpendRow] { [batchRow(), mediaRow(), mixedRow(), unpricedRow(), undatedRow()] }

    /// The CSV's lines, split into fields.
    static func parse(_ csv: String) -> [[String]] {
        var lines = csv.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { CSVRow.split(ArraySlice($0.utf8)).map(String.init) }
    }

    /// The rows of the CSV as dictionaries from column id to value.
    static func records(_ csv: String) -> [[String: String]] {
        let lines = parse(csv)
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// Audio in both directions at two rates (40 and 80 per 1M) whose blend is no whole number of
    /// attodollars a token.
    static func twoWayAudioRow() -> SpendRow {
        var sums = SpendSums()
        sums.requests = 1
        sums.modality = ModalityCounts(audioInputTokens: 2, audioOutputTokens: 1, requests: 1)
        let input = perToken(microdollarsPerMillion: 40_000_000)
        let output = perToken(microdollarsPerMillion: 80_000_001)
        sums.breakdown = CostBreakdown(audio: Money(attodollars: 2 * input + output))
        sums.cost = sums.breakdown.total
        return SpendRow(key: key(model: "voice", pricedModel: "voice"), hour: hour, sums: sums)
    }
}

/// An exact decimal for checking products: an integer and a power-of-ten scale.
struct ExactDecimal: Equatable {
    var mantissa: Int128
    var scale: Int

    static let zero = ExactDecimal(mantissa: 0, scale: 0)

    init(mantissa: Int128, scale: Int) {
        self.mantissa = mantissa
        self.scale = scale
    }

    /// Parses plain decimal text (digits, an optional point, an optional leading minus).
    init?(_ text: String) {
        var digits = Substring(text)
        let negative = digits.hasPrefix("-")
        if negative { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard !digits.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let whole = Int128(parts[0].isEmpty ? "0" : String(parts[0]))
        else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.allSatisfy(\.isNumber) else { return nil }
        var value = whole
        for character in fraction {
            guard let digit = character.wholeNumberValue else { return nil }
            value = value * 10 + Int128(digit)
        }
        self.init(mantissa: negative ? -value : value, scale: fraction.count)
    }

    /// The value at `scale` (not below the current one).
    func scaled(to scale: Int) -> Int128 {
        var value = mantissa
        for _ in self.scale..<scale { value *= 10 }
        return value
    }

    static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let scale = max(lhs.scale, rhs.scale)
        return lhs.scaled(to: scale) == rhs.scaled(to: scale)
    }

    static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        ExactDecimal(mantissa: lhs.mantissa * rhs.mantissa, scale: lhs.scale + rhs.scale)
    }

    static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let scale = max(lhs.scale, rhs.scale)
        return ExactDecimal(mantissa: lhs.scaled(to: scale) + rhs.scaled(to: scale), scale: scale)
    }
}
