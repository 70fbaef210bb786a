/// One application of the demo company: the team that owns it, its workflow, the models it routes
/// to, how it uses the prompt cache and, where it measures one, the value of its results.
///
/// ``DemoWorkload`` assigns each request of the trace to one of ``all``, in proportion to
/// ``share``. The applications are designed so that spend and value part ways: the reasoning
/// agents spend the most per request, and one of them returns less value than it costs, while
/// cheap models on narrow tasks return hundreds of dollars a dollar.
public struct DemoApplication: Sendable, Hashable, Codable {
    /// A model the application sends a share of its requests to.
    public struct Route: Sendable, Hashable, Codable {
        /// The model.
        public var model: DemoModel
        /// The share of the application's requests, relative to its other routes.
        public var share: Double
        /// The median hidden reasoning tokens per visible output token (`0`: the call does not reason).
        public var reasoningPerOutputToken: Double

        /// Creates a route.
        ///
        /// - Parameters:
        ///   - model: the model.
        ///   - share: the relative share of requests.
        ///   - reasoningPerOutputToken: the median hidden tokens per visible token, `0` for none.
        public init(model: DemoModel, share: Double, reasoningPerOutputToken: Double = 0) {
            self.model = model
            self.share = share
            self.reasoningPerOutputToken = reasoningPerOutputToken
        }
    }

    /// What a result of the application is worth, where it is measured.
    public struct ValueModel: Sendable, Hashable, Codable {
        /// The probability that a request's result is accepted.
        public var successRate: Double
        /// The value of an accepted result (a rejected one is worth nothing).
        public var valuePerSuccess: Money

        /// Creates a value model.
        ///
        /// - Parameters:
        ///   - successRate: the probability of acceptance, in [0, 1].
        ///   - valuePerSuccess: the value of an accepted result.
        public init(successRate: Double, valuePerSuccess: Money) {
            self.successRate = successRate
            self.valuePerSuccess = valuePerSuccess
        }
    }

    /// The application name (``Attribution/application``).
    public var name: String
    /// The owning team (``Attribution/team``).
    public var team: String
    /// The workflow its calls belong to (``Attribution/workflow``).
    public var workflow: String
    /// The workflow steps its calls come from (``Attribution/step``), drawn with equal odds.
    public var steps: [String]
    /// The share of all demo requests that this application makes (the shares of ``all`` sum to 1).
    public var share: Double
    /// The models it calls.
    public var routes: [Route]
    /// The share of its requests sent through the provider's batch API.
    public var batchShare: Double
    /// The length of its system prompt (instructions, tools, examples), the prefix every request
    /// shares; a shorter request is a shorter template, entirely prefix.
    public var systemPromptTokens: Int64
    /// How long a cached prefix stays warm without use, in seconds: 300 (5-minute TTL) or 3,600
    /// (Anthropic's 1-hour TTL, bought by applications whose users pause for longer).
    public var cacheTTL: Double
    /// The value of its results, or `nil` when it measures none.
    public var value: ValueModel?

    /// Creates an application.
    public init(
        name: String, team: String, workflow: String, steps: [String], share: Double, routes: [Route],
        batchShare: Double = 0, systemPromptTokens: Int64, cacheTTL: Double = 300, value: ValueModel? = nil
    ) {
        self.name = name
        self.team = team
        self.workflow = workflow
        self.steps = steps
        self.share = share
        self.routes = routes
        self.batchShare = batchShare
        self.systemPromptTokens = systemPromptTokens
        self.cacheTTL = cacheTTL
        self.value = value
    }

    /// The users of a team: `<team>-01`, `<team>-02`, … (see ``teamSizes``).
    ///
    /// - Parameter team: the team name.
    /// - Returns: its users, or an empty array for a team not in ``teamSizes``.
    public static func users(ofTeam team: String) -> [String] {
        guard let size = teamSizes.first(where: { $0.team == team })?.users, size > 0 else { return [] }
        return (1...size).map { team + "-" + ($0 < 10 ? "0" : "") + String($0) }
    }

    /// The service account that submits an application's batch jobs: `svc-<application>`.
    public var batchUser: String { "svc-" + name }
}

extension DemoApplication {
    /// The five teams of the demo company and their number of users (38 in all).
    public static let teamSizes: [(team: String, users: Int)] = [
        ("support", 10), ("engineering", 12), ("research", 6), ("sales", 6), ("finance", 4),
    ]

    /// The eight applications of the demo company.
    public static let all: [DemoApplication] = [
        DemoApplication(
            name: "helpdesk-chat", team: "support", workflow: "customer-support", steps: ["answer"], share: 0.30,
            routes: [Route(model: .gpt4oMini, share: 0.85), Route(model: .gpt41, share: 0.15)],
            systemPromptTokens: 1_400, value: ValueModel(successRate: 0.68, valuePerSuccess: usd(milli: 400))),
        DemoApplication(
            name: "ticket-triage", team: "support", workflow: "customer-support", steps: ["classify"], share: 0.10,
            routes: [Route(model: .claudeHaiku45, share: 1)], batchShare: 0.3, systemPromptTokens: 4_800,
            value: ValueModel(successRate: 0.93, valuePerSuccess: usd(milli: 30))),
        DemoApplication(
            name: "code-assistant", team: "engineering", workflow: "coding", steps: ["complete", "explain"],
            share: 0.16, routes: [Route(model: .claudeSonnet45, share: 0.7), Route(model: .gpt41, share: 0.3)],
            systemPromptTokens: 2_000, cacheTTL: 3_600),
        DemoApplication(
            name: "code-agent", team: "engineering", workflow: "agent-task", steps: ["plan", "act", "verify"],
            share: 0.08, routes: [Route(model: .o4Mini, share: 1, reasoningPerOutputToken: 3)],
            systemPromptTokens: 2_500, value: ValueModel(successRate: 0.42, valuePerSuccess: usd(milli: 2_000))),
        DemoApplication(
            name: "research-agent", team: "research", workflow: "deep-research", steps: ["search", "synthesize"],
            share: 0.06, routes: [Route(model: .claudeSonnet45, share: 1, reasoningPerOutputToken: 4)],
            systemPromptTokens: 3_000, value: ValueModel(successRate: 0.55, valuePerSuccess: usd(milli: 20))),
        DemoApplication(
            name: "knowledge-search", team: "research", workflow: "internal-search", steps: ["answer"], share: 0.12,
            routes: [Route(model: .gemini25Flash, share: 1)], systemPromptTokens: 1_200),
        DemoApplication(
            name: "sales-email", team: "sales", workflow: "outreach", steps: ["draft"], share: 0.10,
            routes: [Route(model: .gpt41Mini, share: 1)], systemPromptTokens: 1_100,
            value: ValueModel(successRate: 0.06, valuePerSuccess: usd(milli: 1_500))),
        DemoApplication(
            name: "invoice-extractor", team: "finance", workflow: "accounts-payable", steps: ["extract"], share: 0.08,
            routes: [Route(model: .gpt41Mini, share: 1)], batchShare: 0.6, systemPromptTokens: 1_300,
            value: ValueModel(successRate: 0.96, valuePerSuccess: usd(milli: 120))),
    ]

    /// An exact amount in thousandths of a dollar.
    private static func usd(milli: Int) -> Money { Money(attodollars: Int128(milli) * (Money.scale / 1_000)) }
}
