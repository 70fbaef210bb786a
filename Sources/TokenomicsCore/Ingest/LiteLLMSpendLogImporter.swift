import Foundation

/// Reads rows of the LiteLLM proxy's spend log (the `LiteLLM_SpendLogs` table, exported as JSON
/// objects: `request_id`, `call_type`, `spend`, `prompt_tokens`, `completion_tokens`, `startTime`,
/// `model`, `metadata`, …).
///
/// Tokens follow LiteLLM's OpenAI-style usage, in which `prompt_tokens` includes cached tokens
/// and, for Anthropic, also the cache writes (LiteLLM adds `cache_read_input_tokens` and
/// `cache_creation_input_tokens` to it), and `completion_tokens` includes reasoning tokens. From
/// `metadata.usage_object` (or `metadata.additional_usage_values`):
/// - `C` = `prompt_tokens_details.cached_tokens`, else `cache_read_input_tokens`;
/// - `W` = `cache_creation_input_tokens`, else `prompt_tokens_details.cache_creation_tokens`, with
///   `cache_creation_token_details.ephemeral_1h_input_tokens` as its 1-hour part;
/// - `H` = `completion_tokens_details.reasoning_tokens`;
/// - `I = prompt_tokens − C − W`, `O = completion_tokens − H` (an issue if either is negative).
///
/// LiteLLM's own `spend` is kept as the tag `litellm_spend` (Tokenomics prices the tokens itself).
/// A LiteLLM response-cache hit (`cache_hit` true) keeps its tokens and is tagged
/// `litellm_cache_hit`, since no provider was called for it. The rest is described in
/// ``LiteLLMSpendLogImporter/read(_:context:into:)``.
public struct LiteLLMSpendLogImporter: JSONUsageImporter {
    /// Always ``SourceFormat/liteLLMSpendLog``.
    public var format: SourceFormat { .liteLLMSpendLog }

    /// Creates the importer.
    public init() {}

    /// Whether the record is a spend-log row: `request_id` and `call_type`, with `spend` or token columns.
    public func matches(_ record: JSONValue) -> Bool {
        record["request_id"] != nil && record["call_type"] != nil
            && (record["spend"] != nil || record["prompt_tokens"] != nil || record["total_tokens"] != nil)
    }

    /// Appends the row's event.
    ///
    /// Besides the tokens: id ← `request_id`; time ← `startTime`, duration ← `endTime − startTime`,
    /// time to first token ← `completionStartTime − startTime`; model ← `model`, else
    /// `model_group`, else the default model; provider ← `custom_llm_provider`, else the prefix
    /// of a `provider/model` name, else the default provider; operation ← `call_type` (`acompletion`
    /// → `chat`, `aembedding` → `embedding`, …). Attribution: user ← `user`, else
    /// `metadata.user_api_key_user_id`; team ← `metadata.user_api_key_team_alias`, else `team_id`,
    /// else `metadata.user_api_key_team_id`; org ← `metadata.user_api_key_org_id`; tags `end_user`,
    /// `api_key` (LiteLLM's hash), `api_key_alias`, `team_id`, `model_group`, `model_id`,
    /// `api_base`, `request_tags` (comma-joined), and each `metadata.spend_logs_metadata` member.
    ///
    /// - Throws: ``IngestIssue`` naming the field at fault.
    public func read(_ record: JSONValue, context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue)
    {
        var metadataOwner: JSONDocument?
        defer { withExtendedLifetime(metadataOwner) {} }
        let metadata = try Self.object(record["metadata"], field: "metadata", owner: &metadataOwner)
        let usage = metadata?["usage_object"]
        let extra = metadata?["additional_usage_values"]
        let modelName = [record["model"], record["model_group"]].lazy.compactMap { $0?.string }.first { !$0.isEmpty }
        guard let model = modelName ?? context.options.defaultModel else {
            throw IngestIssue(.missingField, field: "model", "the spend-log row names no model")
        }
        var event = UsageEvent(
            id: record["request_id"]?.scalarText ?? context.contentHashID,
            provider: Self.provider(record, model: model, default: context.options.defaultProvider), model: model,
            operation: Self.operation(record["call_type"]?.string ?? "completion"))
        event.tokens = try Self.tokens(record, usage: usage, extra: extra)
        let start = try Self.date(record["startTime"], field: "startTime")
        event.timestamp = start
        if let start, let end = try Self.date(record["endTime"], field: "endTime") {
            event.timing.duration = end.timeIntervalSince(start)
        }
        if let start, let first = try Self.date(record["completionStartTime"], field: "completionStartTime") {
            event.timing.timeToFirstToken = first.timeIntervalSince(start)
        }
        event.attribution = try Self.attribution(record, metadata: metadata)
        events.append(event)
    }

    private static func tokens(_ record: JSONValue, usage: JSONValue?, extra: JSONValue?) throws(IngestIssue)
        -> TokenCounts
    {
        let usagePath = "metadata.usage_object."
        let extraPath = "metadata.additional_usage_values."
        var prompt = try record.count("prompt_tokens")
        if prompt == nil { prompt = try count(usage, ["prompt_tokens"], usagePath)?.value }
        var completion = try record.count("completion_tokens")
        if completion == nil { completion = try count(usage, ["completion_tokens"], usagePath)?.value }
        var read = try count(usage, ["prompt_tokens_details", "cached_tokens"], usagePath)
        if read == nil { read = try count(usage, ["cache_read_input_tokens"], usagePath) }
        if read == nil { read = try count(extra, ["cache_read_input_tokens"], extraPath) }
        var write = try count(usage, ["cache_creation_input_tokens"], usagePath)
        if write == nil { write = try count(usage, ["prompt_tokens_details", "cache_creation_tokens"], usagePath) }
        if write == nil { write = try count(extra, ["cache_creation_input_tokens"], extraPath) }
        let detailsPath = ["cache_creation_token_details", "ephemeral_1h_input_tokens"]
        var write1h = try count(usage, detailsPath, usagePath)
        if write1h == nil { write1h = try count(extra, detailsPath, extraPath) }
        var reasoning = try count(usage, ["completion_tokens_details", "reasoning_tokens"], usagePath)
        if reasoning == nil {
            reasoning = try count(extra, ["completion_tokens_details", "reasoning_tokens"], extraPath)
        }

        let promptTokens = prompt ?? 0
        let completionTokens = completion ?? 0
        let cacheRead = read?.value ?? 0
        let cacheWrite = write?.value ?? 0
        let cacheWrite1h = write1h?.value ?? 0
        let hidden = reasoning?.value ?? 0
        guard cacheRead + cacheWrite <= promptTokens else {
            throw IngestIssue(
                .invalidValue, field: read?.path ?? write?.path ?? "prompt_tokens",
                "cached (\(cacheRead)) and cache-write (\(cacheWrite)) tokens exceed prompt_tokens (\(promptTokens))")
        }
        guard cacheWrite1h <= cacheWrite else {
            throw IngestIssue(
                .invalidValue, field: write1h?.path, "1-hour cache writes exceed the cache writes (\(cacheWrite))")
        }
        guard hidden <= completionTokens else {
            throw IngestIssue(
                .invalidValue, field: reasoning?.path ?? "completion_tokens",
                "reasoning tokens (\(hidden)) exceed completion_tokens (\(completionTokens))")
        }
        return TokenCounts(
            input: promptTokens - cacheRead - cacheWrite, cacheRead: cacheRead, cacheWrite5m: cacheWrite - cacheWrite1h,
            cacheWrite1h: cacheWrite1h, output: completionTokens - hidden, reasoning: hidden)
    }

    /// The count at a key path under `base`, with the full path for messages; `nil` when absent or `null`.
    private static func count(_ base: JSONValue?, _ keys: [String], _ prefix: String) throws(IngestIssue)
        -> (value: Int64, path: String)?
    {
        guard var value = base else { return nil }
        for key in keys {
            guard let inner = value[key] else { return nil }
            value = inner
        }
        if value.isNull { return nil }
        let path = prefix + keys.joined(separator: ".")
        return (try value.countValue(path: path), path)
    }
}
