/// The models, tiers and habits the ``UsageSimulator`` draws from (real model names that the
/// built-in catalog prices, with the tiers each provider sells them on).
struct SimulatedModel: Sendable {
    var reportedName: String
    var reasons: Bool
    var cacheShare: Double
    var longContext: Bool
    var tiers: [String]

    static let openAI: [SimulatedModel] = [
        SimulatedModel(
            reportedName: "gpt-4o-2024-08-06", reasons: false, cacheShare: 0.4, longContext: false,
            tiers: ["standard", "standard", "standard", "batch", "priority"]),
        SimulatedModel(
            reportedName: "gpt-4o-mini-2024-07-18", reasons: false, cacheShare: 0.5, longContext: false,
            tiers: ["standard", "standard", "batch"]),
        SimulatedModel(
            reportedName: "gpt-4.1", reasons: false, cacheShare: 0.5, longContext: false,
            tiers: ["standard", "standard", "priority"]),
        SimulatedModel(
            reportedName: "gpt-4.1-mini", reasons: false, cacheShare: 0.5, longContext: false,
            tiers: ["standard", "batch"]),
        SimulatedModel(
            reportedName: "o4-mini", reasons: true, cacheShare: 0.3, longContext: false,
            tiers: ["standard", "standard", "flex"]),
        SimulatedModel(
            reportedName: "o3", reasons: true, cacheShare: 0.3, longContext: false, tiers: ["standard", "flex"]),
        SimulatedModel(
            reportedName: "gpt-5", reasons: true, cacheShare: 0.5, longContext: false,
            tiers: ["standard", "standard", "flex", "batch", "priority"]),
        SimulatedModel(
            reportedName: "gpt-5-mini", reasons: true, cacheShare: 0.5, longContext: false,
            tiers: ["standard", "batch"]),
    ]

    static let anthropic: [SimulatedModel] = [
        SimulatedModel(
            reportedName: "claude-sonnet-4-5-20250929", reasons: true, cacheShare: 0.55, longContext: false,
            tiers: ["standard", "standard", "standard", "batch"]),
        SimulatedModel(
            reportedName: "claude-sonnet-4-5-20250929", reasons: false, cacheShare: 0.55, longContext: false,
            tiers: ["standard"]),
        SimulatedModel(
            reportedName: "claude-haiku-4-5", reasons: false, cacheShare: 0.45, longContext: false,
            tiers: ["standard", "batch"]),
    ]

    static let gemini: [SimulatedModel] = [
        SimulatedModel(
            reportedName: "gemini-2.5-flash", reasons: true, cacheShare: 0.3, longContext: false,
            tiers: ["standard"]),
        SimulatedModel(
            reportedName: "gemini-2.5-pro", reasons: true, cacheShare: 0.3, longContext: true, tiers: ["standard"]),
    ]
}

/// Who made a simulated call: a team, an application, a user and a workflow step.
struct SimulatedCaller: Sendable {
    var team: String
    var application: String
    var user: String
    var workflow: String
    var step: String

    private static let teams: [(team: String, apps: [String], workflows: [(String, [String])])] = [
        ("support", ["helpdesk-bot", "ticket-triage"], [("triage", ["classify", "draft", "review"])]),
        ("search", ["semantic-search"], [("answer", ["retrieve", "rerank", "answer"])]),
        ("engineering", ["code-assistant", "pr-review"], [("code-review", ["plan", "review", "summarize"])]),
        ("marketing", ["copywriter"], [("campaign", ["brief", "draft"])]),
        ("finance", ["invoice-extractor"], [("extraction", ["extract", "validate"])]),
    ]

    static func draw(_ random: inout SeededGenerator) -> SimulatedCaller {
        let weights = [0.34, 0.22, 0.26, 0.1, 0.08]
        var draw = random.unit()
        var index = 0
        while index < weights.count - 1 && draw >= weights[index] {
            draw -= weights[index]
            index += 1
        }
        let entry = teams[index]
        let workflow = random.pick(entry.workflows)
        let user = "u-" + String(100 + random.next() % 60)
        return SimulatedCaller(
            team: entry.team, application: random.pick(entry.apps), user: user, workflow: workflow.0,
            step: random.pick(workflow.1))
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("team")
        writer.string(team)
        writer.key("application")
        writer.string(application)
        writer.key("user")
        writer.string(user)
        writer.key("workflow")
        writer.string(workflow)
        writer.key("step")
        writer.string(step)
        writer.endObject()
    }
}
