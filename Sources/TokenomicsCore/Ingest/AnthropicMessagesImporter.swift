import Foundation

/// Reads Anthropic Messages API responses (`type: "message"` with `usage`).
///
/// The mapping (FRAMEWORK.md §1): Anthropic's `input_tokens` *excludes* the cache, so
/// - `I = input_tokens`, `C = cache_read_input_tokens`
/// - `W = cache_creation_input_tokens`, split by `cache_creation.ephemeral_5m_input_tokens` /
///   `ephemeral_1h_input_tokens` when the response has the split (else all 5-minute)
/// - `O + H = output_tokens`: thinking is billed as output but not broken out, so when the
///   content holds `thinking` or `redacted_thinking` blocks, `H` is estimated from them
///   (``estimatedThinkingTokens(_:)``), capped at `output_tokens`, and both `H` and `O` are
///   flagged as estimated.
///
/// `usage.server_tool_use.web_search_requests` counts web searches. Responses carry no time.
public struct AnthropicMessagesImporter: JSONUsageImporter {
    /// ``SourceFormat/anthropicMessages``.
    public var format: SourceFormat { .anthropicMessages }

    /// Creates the importer.
    public init() {}

    /// Whether `record` is a message with usage.
    public func matches(_ record: JSONValue) -> Bool {
        record["type"]?.isString("message") == true && record["usage"] != nil
    }

    /// Appends the event of one message.
    ///
    /// - Throws: ``IngestIssue`` for a missing or invalid count, model or tier, or a cache-write
    ///   split that does not add up.
    public func read(_ record: JSONValue, context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue)
    {
        guard let usage = record["usage"], usage.kind == .object else {
            throw IngestIssue(.missingField, field: "usage", "a message without usage cannot be priced")
        }
        let input = try usage.requiredCount("input_tokens", path: "usage.input_tokens")
        let generated = try usage.requiredCount("output_tokens", path: "usage.output_tokens")
        let cacheRead = try usage.count("cache_read_input_tokens", path: "usage.cache_read_input_tokens") ?? 0
        let cacheWrite = try usage.count("cache_creation_input_tokens", path: "usage.cache_creation_input_tokens")
        var write5m = cacheWrite ?? 0
        var write1h: Int64 = 0
        if let split = usage["cache_creation"], split.kind == .object {
            let short =
                try split.count("ephemeral_5m_input_tokens", path: "usage.cache_creation.ephemeral_5m_input_tokens")
                ?? 0
            let long =
                try split.count("ephemeral_1h_input_tokens", path: "usage.cache_creation.ephemeral_1h_input_tokens")
                ?? 0
            if let cacheWrite, short + long != cacheWrite {
                throw IngestIssue(
                    .invalidValue, field: "usage.cache_creation",
                    "the 5m (\(short)) and 1h (\(long)) cache writes do not add up to cache_creation_input_tokens"
                        + " (\(cacheWrite))")
            }
            write5m = short
            write1h = long
        }

        var tokens = TokenCounts(
            input: input, cacheRead: cacheRead, cacheWrite5m: write5m, cacheWrite1h: write1h, output: generated)
        if let content = record["content"], let thinking = Self.estimatedThinkingTokens(content) {
            tokens.reasoning = min(thinking, generated)
            tokens.output = generated - tokens.reasoning
            tokens.estimated = [TokenClassSet(.reasoning), TokenClassSet(.output)]
        }
        var event = UsageEvent(
            id: record["id"]?.scalarText ?? context.contentHashID,
            provider: record["provider"]?.string ?? "anthropic",
            model: try record.model("model", path: "model", context: context),
            operation: "messages",
            serviceTier: try usage.serviceTier("service_tier", path: "usage.service_tier"),
            tokens: tokens)
        if let searches = try usage["server_tool_use"]?.count(
            "web_search_requests", path: "usage.server_tool_use.web_search_requests")
        {
            event.modality.webSearchQueries = searches
        }
        events.append(event)
    }

    /// An estimate of the hidden reasoning tokens in a message's `content`, or `nil` when it
    /// holds no thinking block.
    ///
    /// A `thinking` block counts one token per four Unicode scalars of its text (rounded half up:
    /// the usual rule of thumb for English with Claude's tokenizer). A `redacted_thinking` block
    /// holds the encrypted thinking in base64: its `data` length × 3/4 approximates the thinking
    /// text in bytes, so it counts `length × 3 / 16` tokens. With Claude 4 models the returned
    /// thinking is a summary of what was billed, so the estimate is then a lower bound.
    ///
    /// - Complexity: O(n) in the length of the thinking text.
    static func estimatedThinkingTokens(_ content: JSONValue) -> Int64? {
        var found = false
        var tokens: Int64 = 0
        for block in content.elements {
            guard let type = block["type"] else { continue }
            if type.isString("thinking") {
                found = true
                let scalars = Int64(block["thinking"]?.string?.unicodeScalars.count ?? 0)
                tokens += (scalars + 2) / 4
            } else if type.isString("redacted_thinking") {
                found = true
                let length = Int64(block["data"]?.rawBytes.count ?? 0)
                tokens += (length * 3 + 8) / 16
            }
        }
        return found ? tokens : nil
    }
}
