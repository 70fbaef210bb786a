import Foundation

/// Reads OpenAI Responses API objects (`object: "response"`), and the `response.completed`,
/// `response.incomplete` and `response.failed` stream events that wrap one.
///
/// The mapping (FRAMEWORK.md §1): `input_tokens` *includes* cached tokens and `output_tokens`
/// *includes* reasoning tokens, so
/// - `I = input_tokens − input_tokens_details.cached_tokens`, `C = cached_tokens`
/// - `H = output_tokens_details.reasoning_tokens`, `O = output_tokens − reasoning_tokens`
///
/// Each `output` item of type `web_search_call` counts as one web-search query.
public struct OpenAIResponsesImporter: JSONUsageImporter {
    /// ``SourceFormat/openAIResponses``.
    public var format: SourceFormat { .openAIResponses }

    /// Creates the importer.
    public init() {}

    /// Whether `record` is a response object or a terminal response stream event.
    public func matches(_ record: JSONValue) -> Bool {
        if let object = record["object"] { return object.isString("response") }
        guard let type = record["type"] else { return false }
        return
            (type.isString("response.completed") || type.isString("response.incomplete")
            || type.isString("response.failed")) && record["response"] != nil
    }

    /// Appends the event of one response.
    ///
    /// - Throws: ``IngestIssue`` for a missing or invalid count, model, time or tier.
    public func read(_ record: JSONValue, context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue)
    {
        if record["object"] == nil, let wrapped = record["response"] {
            do throws(IngestIssue) {
                events.append(try Self.event(from: wrapped, context: context))
            } catch {
                var issue = error
                issue.field = issue.field.map { "response." + $0 }
                throw issue
            }
            return
        }
        events.append(try Self.event(from: record, context: context))
    }

    /// The event of one response object (also used for the bodies of OpenAI Batch lines).
    ///
    /// - Throws: ``IngestIssue`` for a missing or invalid count, model, time or tier.
    static func event(from record: JSONValue, context: RecordContext) throws(IngestIssue) -> UsageEvent {
        guard let usage = record["usage"], !usage.isNull else {
            throw IngestIssue(.missingField, field: "usage", "a response without usage cannot be priced")
        }
        let prompt = try usage.requiredCount("input_tokens", path: "usage.input_tokens")
        let generated = try usage.requiredCount("output_tokens", path: "usage.output_tokens")
        let cached =
            try usage["input_tokens_details"]?.count(
                "cached_tokens", path: "usage.input_tokens_details.cached_tokens") ?? 0
        let reasoning =
            try usage["output_tokens_details"]?.count(
                "reasoning_tokens", path: "usage.output_tokens_details.reasoning_tokens") ?? 0
        let input = try CountSplit.remainder(
            prompt, minus: cached, partPath: "usage.input_tokens_details.cached_tokens",
            wholePath: "usage.input_tokens")
        let output = try CountSplit.remainder(
            generated, minus: reasoning, partPath: "usage.output_tokens_details.reasoning_tokens",
            wholePath: "usage.output_tokens")

        var event = UsageEvent(
            id: record["id"]?.scalarText ?? context.contentHashID,
            timestamp: try record.date("created_at", path: "created_at"),
            provider: record["provider"]?.string ?? "openai",
            model: try record.model("model", path: "model", context: context),
            operation: "responses",
            serviceTier: try record.serviceTier("service_tier", path: "service_tier"),
            tokens: TokenCounts(input: input, cacheRead: cached, output: output, reasoning: reasoning))
        var searches: Int64 = 0
        for item in record["output"]?.elements ?? [] where item["type"]?.isString("web_search_call") == true {
            searches += 1
        }
        event.modality.webSearchQueries = searches
        OpenAIChatImporter.readAttribution(of: record, context: context, into: &event.attribution)
        return event
    }
}
