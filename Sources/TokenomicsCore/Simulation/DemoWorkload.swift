import Foundation

/// The demo workload: the real arrivals and token counts of a production trace (the Azure LLM
/// inference trace of conversation requests, Patel et al., *Splitwise*, ISCA 2024, CC-BY 4.0),
/// dressed as the usage of a company with five teams, eight applications and 38 users.
///
/// The trace gives, per request, only a time, a prompt length (`ContextTokens`, `C`) and a
/// generated length (`GeneratedTokens`, `G`). Everything else is drawn, reproducibly, by these
/// rules:
///
/// - **Identity.** The event id is `azure-conv-<line>`, the request's one-based line in the file
///   (the header is line 1, so the first request is `azure-conv-2`). The timestamp is the trace's.
/// - **Randomness.** Each request draws from its own ``SeededGenerator``, seeded by the workload
///   seed and its line: the same seed and trace give the same events, byte for byte.
/// - **Who.** The application is drawn by ``DemoApplication/share`` (``DemoApplication/all``); its
///   team, workflow and a step follow from it. The user is one of the team's users
///   (``DemoApplication/users(ofTeam:)``), the first ones more often (weight `1/k` for the k-th);
///   batch requests are made by the application's service account (``DemoApplication/batchUser``).
///   The organisation is `demo-corp`.
/// - **Model.** Drawn among the application's routes by share; provider, name and operation are
///   the model's (``DemoModel``), every one priced by the built-in catalog.
/// - **Tier.** A request is sent to the batch API with the application's
///   ``DemoApplication/batchShare`` (about 8 % of all requests), else to the standard tier.
/// - **Prompt, `C = input + cacheRead + cacheWrite`, exactly.** Batch requests are not cached:
///   `input = C`. Interactive requests go through the providers' prompt caches
///   (``DemoPromptCache``): the warm prefix is the application's system prompt (shared by all
///   users, while some prompt of the application cached it within the TTL) or, longer, the
///   user's previous prompt when this one grew from it within the TTL (the same conversation;
///   a shorter prompt starts a new one). The TTL is 5 minutes, or 1 hour for an application that
///   buys it.
///   - OpenAI and Gemini (automatic caching, ``DemoModel/PromptCaching/automatic(minimumPrompt:increment:)``):
///     `cacheRead` is the warm prefix cut to the provider's grain (nothing below 1,024 tokens,
///     then 128-token steps for OpenAI); `input` is the rest; writes are free and not reported.
///   - Anthropic (explicit breakpoints, ``DemoModel/PromptCaching/explicit(minimumPrompt:)``): the
///     breakpoint is before the newest message (a drawn length, median 60 tokens); `cacheRead` is
///     the warm prefix (if at least the model's minimum), `cacheWrite` the rest up to the
///     breakpoint (if the prefix reaches the minimum, else nothing is cached), `input` the newest
///     message. Writes are 5-minute writes, or 1-hour writes for a 1-hour application.
/// - **Generated, `output = G`, exactly.** The 2023 trace predates reasoning models: its generated
///   tokens are all visible. A reasoning route adds hidden reasoning on top: `reasoning` is
///   log-normal with median `G` × ``DemoApplication/Route/reasoningPerOutputToken`` (σ = 0.7), at
///   least 1 and at most 100,000.
///   OpenAI reports it; for Anthropic extended thinking the provider would report `G + reasoning`
///   as output, so the split is an estimate and both classes are flagged in
///   ``TokenCounts/estimated``, as ``AnthropicMessagesImporter`` flags them.
/// - **Outcome.** Applications with a ``DemoApplication/ValueModel`` give every event an
///   ``Outcome``: accepted with the success rate, worth the value per success when accepted and
///   nothing otherwise, with a quality in [0.70, 1.00] when accepted and [0.15, 0.60] when not
///   (two decimals). The others measure no outcome.
public struct DemoWorkload: Sendable {
    /// The seed of the shipped demo (the trace's date).
    public static let defaultSeed: UInt64 = 20_231_116
    /// The file name of the trace, for errors.
    public static let traceFileName = "azure-llm-inference-2023-conv.csv"

    /// The seed every request's draws derive from.
    public let seed: UInt64
    /// The prompt caches, warmed by the requests so far.
    private var cache = DemoPromptCache()

    /// Creates a workload with cold caches.
    ///
    /// - Parameter seed: the seed (``defaultSeed`` for the shipped demo).
    public init(seed: UInt64 = DemoWorkload.defaultSeed) { self.seed = seed }

    /// The events of a whole trace.
    ///
    /// - Parameters:
    ///   - csv: the trace's bytes (see ``requests(fromTrace:source:)``).
    ///   - seed: the seed.
    ///   - source: the file name for errors (default ``traceFileName``).
    /// - Returns: one event per request, in file order.
    /// - Throws: ``IngestIssue`` for the first malformed line, with its line number and column.
    /// - Complexity: O(n) in the number of requests.
    public static func events(
        fromTrace csv: Data, seed: UInt64 = DemoWorkload.defaultSeed, source: String? = DemoWorkload.traceFileName
    ) throws(IngestIssue) -> [UsageEvent] {
        var workload = DemoWorkload(seed: seed)
        return workload.events(for: try requests(fromTrace: csv, source: source))
    }

    /// The events of requests, in order, continuing from the caches this workload has warmed.
    ///
    /// - Parameter requests: trace requests in time order.
    /// - Returns: one event per request.
    public mutating func events(for requests: [TraceRequest]) -> [UsageEvent] {
        requests.map { event(for: $0) }
    }

    /// The event of the next request: the streaming form of ``events(for:)``. Requests must come
    /// in time order, each once, for the caches to be right.
    ///
    /// - Parameter request: the request.
    /// - Returns: its usage event.
    public mutating func event(for request: TraceRequest) -> UsageEvent {
        var random = SeededGenerator(seed: Self.requestSeed(seed, line: request.line))
        // Every draw is made, used or not, so that a request's draws never depend on its branch.
        let application = Self.pick(DemoApplication.all, random.unit()) { $0.share }
        let route = Self.pick(application.routes, random.unit()) { $0.share }
        let isBatch = random.chance(application.batchShare)
        let userDraw = random.unit()
        let step = random.pick(application.steps)
        let newMessage = random.logNormal(median: 60, sigma: 1, in: 1...4_000)
        let reasoningSpread = random.normal()
        let successDraw = random.unit()
        let qualityDraw = random.unit()

        let model = route.model
        let user = isBatch ? application.batchUser : Self.pickUser(of: application.team, userDraw)
        let prompt = request.contextTokens
        let split =
            isBatch
            ? DemoPromptCache.Split(input: prompt, cacheRead: 0, cacheWrite: 0)
            : cache.split(
                prompt: prompt, at: request.timestamp.timeIntervalSince1970, application: application, model: model,
                user: user, newMessage: newMessage)
        let longTTL = application.cacheTTL > 300
        var tokens = TokenCounts(
            input: split.input, cacheRead: split.cacheRead, cacheWrite5m: longTTL ? 0 : split.cacheWrite,
            cacheWrite1h: longTTL ? split.cacheWrite : 0, output: request.generatedTokens)
        if route.reasoningPerOutputToken > 0 {
            let median = Double(max(request.generatedTokens, 1)) * route.reasoningPerOutputToken
            tokens.reasoning = Int64(min(max((median * exp(0.7 * reasoningSpread)).rounded(), 1), 100_000))
            if model.reasoning == .estimated { tokens.estimated = [TokenClassSet(.reasoning), TokenClassSet(.output)] }
        }
        var outcome: Outcome?
        if let value = application.value {
            let success = successDraw < value.successRate
            let quality = success ? 0.70 + 0.30 * qualityDraw : 0.15 + 0.45 * qualityDraw
            outcome = Outcome(
                success: success, quality: (quality * 100).rounded() / 100,
                valueUSD: success ? value.valuePerSuccess : .zero)
        }
        return UsageEvent(
            id: "azure-conv-" + String(request.line), timestamp: request.timestamp, provider: model.provider,
            model: model.name, operation: model.operation, serviceTier: isBatch ? .batch : .standard,
            tokens: tokens,
            attribution: Attribution(
                org: "demo-corp", team: application.team, user: user, application: application.name,
                workflow: application.workflow, step: step),
            outcome: outcome)
    }

    /// The seed of one request's draws: the workload seed and the line, mixed so that the
    /// requests' generators do not run along one sequence.
    static func requestSeed(_ seed: UInt64, line: Int) -> UInt64 {
        var mixer = SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: line) &* 0xD1B5_4A32_D192_ED03))
        return mixer.next()
    }

    /// The item a uniform draw in [0, 1) falls on, each item taking its share of the total.
    static func pick<Item>(_ items: [Item], _ draw: Double, share: (Item) -> Double) -> Item {
        var rest = draw * items.reduce(0) { $0 + share($1) }
        for item in items.dropLast() {
            rest -= share(item)
            if rest < 0 { return item }
        }
        return items[items.count - 1]
    }

    /// The users of each team, with the weight `1/k` of the k-th.
    private static let teamUsers: [String: [(user: String, weight: Double)]] = Dictionary(
        uniqueKeysWithValues: DemoApplication.teamSizes.map { entry in
            let users = DemoApplication.users(ofTeam: entry.team)
            return (entry.team, users.enumerated().map { ($0.element, 1 / Double($0.offset + 1)) })
        })

    /// The user of a team a uniform draw falls on.
    private static func pickUser(of team: String, _ draw: Double) -> String {
        guard let users = teamUsers[team], !users.isEmpty else { return team + "-01" }
        return pick(users, draw) { $0.weight }.user
    }
}
