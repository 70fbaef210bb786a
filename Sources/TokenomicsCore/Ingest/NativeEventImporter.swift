import Foundation

/// Reads events in Tokenomics' own JSON format (what ``UsageEvent/writeMembers(to:)`` writes):
/// records with `provider`, `model` and a `tokens` object keyed by class name.
public struct NativeEventImporter: JSONUsageImporter {
    public var format: SourceFormat { .nativeEvent }

    public init() {}

    public func matches(_ record: JSONValue) -> Bool {
        record["tokens"]?.kind == .object && record["provider"]?.kind == .string && record["model"] != nil
    }

    public func read(_ record: JSONValue, context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue)
    {
        let model = try record.requiredString("model")
        let provider = try record.requiredString("provider")
        var event = UsageEvent(
            id: record["id"]?.scalarText ?? context.contentHashID, provider: provider, model: model)
        if let stamp = record["timestamp"] {
            guard let date = stamp.string.flatMap(Timestamp.parse) ?? stamp.double.map(Timestamp.fromEpoch) else {
                throw IngestIssue(.invalidValue, field: "timestamp", "not an RFC 3339 time or Unix epoch number")
            }
            event.timestamp = date
        }
        if let operation = record["operation"]?.string { event.operation = operation }
        if let tierName = record["service_tier"]?.string {
            guard let tier = ServiceTier(providerName: tierName) else {
                throw IngestIssue(.invalidValue, field: "service_tier", "unknown service tier '\(tierName)'")
            }
            event.serviceTier = tier
        }
        guard let tokens = record["tokens"] else { throw IngestIssue(.missingField, field: "tokens", "missing") }
        let cacheWrite = try tokens.count("cache_write", path: "tokens.cache_write") ?? 0
        let cacheWrite1h = try tokens.count("cache_write_1h", path: "tokens.cache_write_1h") ?? 0
        guard cacheWrite1h <= cacheWrite else {
            throw IngestIssue(.invalidValue, field: "tokens.cache_write_1h", "larger than tokens.cache_write")
        }
        event.tokens = TokenCounts(
            input: try tokens.count("input", path: "tokens.input") ?? 0,
            cacheRead: try tokens.count("cache_read", path: "tokens.cache_read") ?? 0,
            cacheWrite5m: cacheWrite - cacheWrite1h, cacheWrite1h: cacheWrite1h,
            retrieval: try tokens.count("retrieval", path: "tokens.retrieval") ?? 0,
            output: try tokens.count("output", path: "tokens.output") ?? 0,
            reasoning: try tokens.count("reasoning", path: "tokens.reasoning") ?? 0)
        for name in record["estimated"]?.elements ?? [] {
            guard let text = name.string, let tokenClass = TokenClass(rawValue: text) else {
                throw IngestIssue(.invalidValue, field: "estimated", "unknown token class \(name.jsonText)")
            }
            event.tokens.estimated.insert(TokenClassSet(tokenClass))
        }
        if let modality = record["modality"] {
            event.modality = ModalityCounts(
                audioInputTokens: try modality.count("audio_input_tokens", path: "modality.audio_input_tokens") ?? 0,
                audioOutputTokens: try modality.count("audio_output_tokens", path: "modality.audio_output_tokens") ?? 0,
                imageInputTokens: try modality.count("image_input_tokens", path: "modality.image_input_tokens") ?? 0,
                imageOutputTokens: try modality.count("image_output_tokens", path: "modality.image_output_tokens") ?? 0,
                images: try modality.count("images", path: "modality.images") ?? 0,
                requests: try modality.count("requests", path: "modality.requests") ?? 1,
                webSearchQueries: try modality.count("web_search_queries", path: "modality.web_search_queries") ?? 0)
        }
        if let timing = record["timing"] {
            event.timing = Timing(duration: timing["duration_s"]?.double, timeToFirstToken: timing["ttft_s"]?.double)
        }
        if let attribution = record["attribution"] {
            for (key, value) in attribution.members where key != "tags" {
                event.attribution[key] = value.scalarText
            }
            for (key, value) in attribution["tags"]?.members ?? [] { event.attribution.tags[key] = value.scalarText }
        }
        if let outcome = record["outcome"] {
            var result = Outcome(success: outcome["success"]?.bool, quality: outcome["quality"]?.double)
            if let text = outcome["value_usd"]?.decimalText {
                guard let value = Money(decimal: text, rounding: true) else {
                    throw IngestIssue(.invalidValue, field: "outcome.value_usd", "not a decimal amount: \(text)")
                }
                result.valueUSD = value
            }
            event.outcome = result
        }
        events.append(event)
    }
}
