/// What each part of an event cost: one amount per token class, plus the modality token costs
/// and the per-unit fees. The parts are disjoint; ``total`` is their exact sum.
public struct CostBreakdown: Sendable, Hashable, Codable {
    /// Uncached prompt tokens (I).
    public var input: Money
    /// Cache reads (C).
    public var cacheRead: Money
    /// Cache writes of both durations (W).
    public var cacheWrite: Money
    /// Retrieved-context tokens (R).
    public var retrieval: Money
    /// Visible output (O).
    public var output: Money
    /// Hidden reasoning (H).
    public var reasoning: Money
    /// Audio tokens, in and out.
    public var audio: Money
    /// Image tokens in and out, and per-image fees.
    public var image: Money
    /// Per-request fees.
    public var requests: Money
    /// Web-search fees.
    public var webSearch: Money

    /// Creates a breakdown; every part defaults to zero.
    public init(
        input: Money = .zero, cacheRead: Money = .zero, cacheWrite: Money = .zero, retrieval: Money = .zero,
        output: Money = .zero, reasoning: Money = .zero, audio: Money = .zero, image: Money = .zero,
        requests: Money = .zero, webSearch: Money = .zero
    ) {
        self.input = input
        self.cacheRead = cacheRead
        self.cacheWrite = cacheWrite
        self.retrieval = retrieval
        self.output = output
        self.reasoning = reasoning
        self.audio = audio
        self.image = image
        self.requests = requests
        self.webSearch = webSearch
    }

    /// Nothing charged.
    public static let zero = CostBreakdown()

    /// The cost of one token class.
    public subscript(tokenClass: TokenClass) -> Money {
        switch tokenClass {
        case .input: input
        case .cacheRead: cacheRead
        case .cacheWrite: cacheWrite
        case .retrieval: retrieval
        case .output: output
        case .reasoning: reasoning
        }
    }

    /// The exact sum of every part.
    public var total: Money {
        let tokens = input.attodollars + cacheRead.attodollars + cacheWrite.attodollars + retrieval.attodollars
        let generated = output.attodollars + reasoning.attodollars
        let other = audio.attodollars + image.attodollars + requests.attodollars + webSearch.attodollars
        return Money(attodollars: tokens + generated + other)
    }

    /// Adds another breakdown part by part.
    public static func += (lhs: inout CostBreakdown, rhs: CostBreakdown) {
        lhs.input += rhs.input
        lhs.cacheRead += rhs.cacheRead
        lhs.cacheWrite += rhs.cacheWrite
        lhs.retrieval += rhs.retrieval
        lhs.output += rhs.output
        lhs.reasoning += rhs.reasoning
        lhs.audio += rhs.audio
        lhs.image += rhs.image
        lhs.requests += rhs.requests
        lhs.webSearch += rhs.webSearch
    }
}
