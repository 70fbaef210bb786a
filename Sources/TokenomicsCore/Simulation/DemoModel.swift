/// A model the demo workload calls: the name and provider an event reports, and the provider's
/// prompt-cache and hidden-reasoning conventions that decide how a request's tokens split into
/// classes (FRAMEWORK.md §1).
///
/// Every demo model is priced by the built-in catalog, with a cache-read rate on each tier the
/// workload uses it on.
public struct DemoModel: Sendable, Hashable, Codable {
    /// How a provider's prompt cache is used and billed.
    public enum PromptCaching: Sendable, Hashable, Codable {
        /// Automatic prefix caching (OpenAI, Gemini implicit caching): the provider caches every
        /// prompt of at least `minimumPrompt` tokens by itself, writes are free and not reported,
        /// and a later prompt with the same prefix reads it back in steps of `increment` tokens
        /// above the minimum (OpenAI: 1,024 then 128-token steps).
        case automatic(minimumPrompt: Int64, increment: Int64)
        /// Explicit cache breakpoints (Anthropic `cache_control`): the caller marks where the
        /// cacheable prefix ends; the prefix is billed as a cache write when it is first sent (if it
        /// has at least `minimumPrompt` tokens) and as a cache read while it stays warm.
        case explicit(minimumPrompt: Int64)
    }

    /// How the provider reports the hidden reasoning tokens of a reasoning call.
    public enum ReasoningReport: String, Sendable, Hashable, Codable {
        /// Broken out by the provider (OpenAI `reasoning_tokens`, Gemini `thoughtsTokenCount`).
        case reported
        /// Inside the output count: Tokenomics estimates the split and flags both classes
        /// (Anthropic extended thinking).
        case estimated
    }

    /// The model name as the provider's response reports it (dated snapshots where the provider
    /// reports them).
    public var name: String
    /// The provider (`openai`, `anthropic`, `gemini`).
    public var provider: String
    /// The API operation (`chat`, `responses`, `messages`, `generate_content`).
    public var operation: String
    /// The prompt-cache convention.
    public var caching: PromptCaching
    /// How hidden reasoning tokens are counted.
    public var reasoning: ReasoningReport

    /// Creates a model.
    ///
    /// - Parameters:
    ///   - name: the reported model name.
    ///   - provider: the provider.
    ///   - operation: the API operation.
    ///   - caching: the prompt-cache convention.
    ///   - reasoning: how hidden reasoning tokens are counted.
    public init(name: String, provider: String, operation: String, caching: PromptCaching, reasoning: ReasoningReport) {
        self.name = name
        self.provider = provider
        self.operation = operation
        self.caching = caching
        self.reasoning = reasoning
    }
}

extension DemoModel {
    /// OpenAI's small, cheap chat model.
    public static let gpt4oMini = openAI("gpt-4o-mini-2024-07-18", operation: "chat")
    /// OpenAI's frontier non-reasoning model of the demo.
    public static let gpt41 = openAI("gpt-4.1-2025-04-14", operation: "chat")
    /// OpenAI's mid-size non-reasoning model.
    public static let gpt41Mini = openAI("gpt-4.1-mini-2025-04-14", operation: "chat")
    /// OpenAI's small reasoning model, called through the Responses API (reasoning reported).
    public static let o4Mini = openAI("o4-mini-2025-04-16", operation: "responses")
    /// Anthropic's small model (cache minimum 4,096 tokens).
    public static let claudeHaiku45 = anthropic("claude-haiku-4-5-20251001", minimumPrompt: 4_096)
    /// Anthropic's frontier model (cache minimum 1,024 tokens); with extended thinking its
    /// reasoning is estimated.
    public static let claudeSonnet45 = anthropic("claude-sonnet-4-5-20250929", minimumPrompt: 1_024)
    /// Google's fast model through the Gemini API, with implicit (automatic) caching.
    public static let gemini25Flash = DemoModel(
        name: "gemini-2.5-flash", provider: "gemini", operation: "generate_content",
        caching: .automatic(minimumPrompt: 1_024, increment: 1), reasoning: .reported)

    private static func openAI(_ name: String, operation: String) -> DemoModel {
        DemoModel(
            name: name, provider: "openai", operation: operation,
            caching: .automatic(minimumPrompt: 1_024, increment: 128), reasoning: .reported)
    }

    private static func anthropic(_ name: String, minimumPrompt: Int64) -> DemoModel {
        DemoModel(
            name: name, provider: "anthropic", operation: "messages", caching: .explicit(minimumPrompt: minimumPrompt),
            reasoning: .estimated)
    }
}
