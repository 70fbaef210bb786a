import Foundation

/// Reads OpenAI Chat Completions responses (`object: "chat.completion"`, streamed
/// `chat.completion.chunk`s that carry `usage`) and bare `{model, usage: {prompt_tokens, …}}`
/// records written by gateways and loggers.
///
/// The mapping (FRAMEWORK.md §1): `prompt_tokens` *includes* cached and audio tokens and
/// `completion_tokens` *includes* reasoning and audio tokens, so
/// - `I = prompt_tokens − prompt_tokens_details.cached_tokens − prompt_tokens_details.audio_tokens`
/// - `C = prompt_tokens_details.cached_tokens`
/// - `H = completion_tokens_details.reasoning_tokens`
/// - `O = completion_tokens − reasoning_tokens − completion_tokens_details.audio_tokens`
///
/// Audio tokens go to ``ModalityCounts``. Streamed chunks without usage (all but the last one
/// of a stream with `include_usage`) are recognised and skipped. This is the hot path of bulk
/// ingestion: it builds no dictionaries or arrays and creates only the id, model and provider strings.
public struct OpenAIChatImporter: JSONUsageImporter {
    /// ``SourceFormat/openAIChat``.
    public var format: SourceFormat { .openAIChat }

    /// Creates the importer.
    public init() {}

    /// Whether `record` is a chat completion (or chunk), or an object-less record with
    /// `usage.prompt_tokens` and `model`.
    public func matches(_ record: JSONValue) -> Bool {
        if let object = record["object"] {
            return object.isString("chat.completion") || object.isString("chat.completion.chunk")
        }
        guard let usage = record["usage"], usage["prompt_tokens"] != nil else { return false }
        return record["model"] != nil
    }

    /// Appends the event of one completion; a stream chunk without usage appends nothing.
    ///
    /// - Throws: ``IngestIssue`` for a missing or invalid count, model, time or tier.
    public func read(_ record: JSONValue, context: RecordContext, into events: inout [UsageEvent])
        throws(IngestIssue)
    {
        guard let usage = record["usage"], !usage.isNull else {
            // Every chunk of a stream but the last carries `"usage": null` (or nothing): no usage to record.
            if record["object"]?.isString("chat.completion.chunk") == true { return }
            throw IngestIssue(.missingField, field: "usage", "a chat completion without usage cannot be priced")
        }
        events.append(try Self.event(from: record, usage: usage, context: context))
    }

    /// The event of one chat completion (also used for the bodies of OpenAI Batch lines).
    ///
    /// - Parameters:
    ///   - record: the completion object.
    ///   - usage: its `usage` member.
    ///   - context: where the record came from.
    /// - Throws: ``IngestIssue`` for a missing or invalid count, model, time or tier.
    static func event(from record: JSONValue, usage: JSONValue, context: RecordContext) throws(IngestIssue)
        -> UsageEvent
    {
        let prompt = try usage.requiredCount("prompt_tokens", path: "usage.prompt_tokens")
        let completion = try usage.requiredCount("completion_tokens", path: "usage.completion_tokens")
        var cached: Int64 = 0
        var audioIn: Int64 = 0
        if let details = usage["prompt_tokens_details"] {
            cached = try details.count("cached_tokens", path: "usage.prompt_tokens_details.cached_tokens") ?? 0
            audioIn = try details.count("audio_tokens", path: "usage.prompt_tokens_details.audio_tokens") ?? 0
        }
        var reasoning: Int64 = 0
        var audioOut: Int64 = 0
        if let details = usage["completion_tokens_details"] {
            reasoning =
                try details.count("reasoning_tokens", path: "usage.completion_tokens_details.reasoning_tokens") ?? 0
            audioOut = try details.count("audio_tokens", path: "usage.completion_tokens_details.audio_tokens") ?? 0
        }
        let uncached = try CountSplit.remainder(
            prompt, minus: cached, partPath: "usage.prompt_tokens_details.cached_tokens",
            wholePath: "usage.prompt_tokens")
        let input = try CountSplit.remainder(
            uncached, minus: audioIn, partPath: "usage.prompt_tokens_details.audio_tokens",
            wholePath: "usage.prompt_tokens less cached_tokens")
        let visible = try CountSplit.remainder(
            completion, minus: reasoning, partPath: "usage.completion_tokens_details.reasoning_tokens",
            wholePath: "usage.completion_tokens")
        let output = try CountSplit.remainder(
            visible, minus: audioOut, partPath: "usage.completion_tokens_details.audio_tokens",
            wholePath: "usage.completion_tokens less reasoning_tokens")

        var event = UsageEvent(
            id: record["id"]?.scalarText ?? context.contentHashID,
            timestamp: try record.date("created", path: "created"),
            provider: record["provider"]?.string ?? "openai",
            model: try record.model("model", path: "model", context: context),
            operation: "chat",
            serviceTier: try record.serviceTier("service_tier", path: "service_tier"),
            tokens: TokenCounts(input: input, cacheRead: cached, output: output, reasoning: reasoning))
        event.modality.audioInputTokens = audioIn
        event.modality.audioOutputTokens = audioOut
        if let searches = try usage.count("web_search_requests", path: "usage.web_search_requests") {
            event.modality.webSearchQueries = searches
        }
        readAttribution(of: record, into: &event.attribution)
        return event
    }

    /// Copies a top-level `user` and the members of a `metadata` object (by attribution key name,
    /// others as tags) into `attribution`.
    static func readAttribution(of record: JSONValue, into attribution: inout Attribution) {
        if let user = record["user"]?.string, !user.isEmpty { attribution.user = user }
        guard let metadata = record["metadata"], metadata.kind == .object else { return }
        metadata.forEachMember { key, value in
            if let text = value.scalarText { attribution[key] = text }
        }
    }
}
