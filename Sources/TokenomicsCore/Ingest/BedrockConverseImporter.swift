import Foundation

/// Reads Amazon Bedrock Converse responses: `{"output": {"message": …}, "stopReason": …,
/// "usage": {"inputTokens", "outputTokens", "totalTokens", "cacheReadInputTokens",
/// "cacheWriteInputTokens", "cacheDetails"}, "metrics": {"latencyMs"}}`.
///
/// The mapping (FRAMEWORK.md §1): Bedrock's `inputTokens` *excludes* cache reads and writes
/// (source: the Bedrock API reference for `TokenUsage`, which lists the cache counts as separate
/// fields with `totalTokens` covering all of them, and e.g. the opencode Bedrock provider fix
/// "AWS reports inputTokens separately from cache reads and writes"), so
/// - `I = inputTokens`, `C = cacheReadInputTokens`, `O = outputTokens`
/// - `W = cacheWriteInputTokens`, split 5 min / 1 h by `cacheDetails[{inputTokens, ttl}]` when
///   present, else all 5-minute.
///
/// Bedrock does not break reasoning out of `outputTokens`, so `H` is 0 here. The response does
/// not name the model: a top-level `modelId` (added by most wrappers) or the import's default
/// model is used. `metrics.latencyMs` becomes the duration.
public struct BedrockConverseImporter: JSONUsageImporter {
    /// ``SourceFormat/bedrockConverse``.
    public var format: SourceFormat { .bedrockConverse }

    /// Creates the importer.
    public init() {}

    /// Whether `record` has a camel-case `usage.inputTokens` and a Converse `output` or `stopReason`.
    public func matches(_ record: JSONValue) -> Bool {
        guard let usage = record["usage"], usage["inputTokens"] != nil else { return false }
        return record["output"] != nil || record["stopReason"] != nil
    }

    /// Appends the event of one response.
    ///
    /// - Throws: ``IngestIssue`` for a missing or invalid count, a missing model, or a cache-write
    ///   split that does not add up.
    public func read(_ record: JSONValue, context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue)
    {
        guard let usage = record["usage"] else {
            throw IngestIssue(.missingField, field: "usage", "a response without usage cannot be priced")
        }
        let input = try usage.requiredCount("inputTokens", path: "usage.inputTokens")
        let output = try usage.requiredCount("outputTokens", path: "usage.outputTokens")
        let cacheRead = try usage.count("cacheReadInputTokens", path: "usage.cacheReadInputTokens") ?? 0
        let cacheWrite = try usage.count("cacheWriteInputTokens", path: "usage.cacheWriteInputTokens") ?? 0
        var write1h: Int64 = 0
        if let details = usage["cacheDetails"], details.kind == .array {
            var total: Int64 = 0
            for detail in details.elements {
                let tokens = try detail.count("inputTokens", path: "usage.cacheDetails.inputTokens") ?? 0
                total += tokens
                if detail["ttl"]?.isString("1h") == true { write1h += tokens }
            }
            guard total == cacheWrite else {
                throw IngestIssue(
                    .invalidValue, field: "usage.cacheDetails",
                    "the cache details (\(total)) do not add up to cacheWriteInputTokens (\(cacheWrite))")
            }
        }

        let model: String
        if let value = record["modelId"], let name = value.string {
            model = name
        } else if let fallback = context.options.defaultModel {
            model = fallback
        } else {
            throw IngestIssue(
                .missingField, field: "modelId",
                "a Converse response does not name its model; add modelId to the record or use --model")
        }
        let id =
            record["ResponseMetadata", "RequestId"]?.scalarText ?? record["requestId"]?.scalarText
            ?? context.contentHashID
        var tier = ServiceTier.standard
        if let value = record["serviceTier"] {
            // The Converse API writes `{"type": "priority"}`; wrappers often flatten it to a string.
            tier =
                value.kind == .object
                ? try value.serviceTier("type", path: "serviceTier.type")
                : try record.serviceTier("serviceTier", path: "serviceTier")
        }
        var event = UsageEvent(
            id: id,
            timestamp: try record.date("timestamp", path: "timestamp"),
            provider: record["provider"]?.string ?? "bedrock",
            model: model,
            operation: "converse",
            serviceTier: tier,
            tokens: TokenCounts(
                input: input, cacheRead: cacheRead, cacheWrite5m: cacheWrite - write1h, cacheWrite1h: write1h,
                output: output))
        if let latency = record["metrics", "latencyMs"] {
            guard let milliseconds = latency.double, milliseconds >= 0 else {
                throw IngestIssue(.invalidValue, field: "metrics.latencyMs", "not a duration: \(latency.jsonText)")
            }
            event.timing.duration = milliseconds / 1000
        }
        events.append(event)
    }
}
