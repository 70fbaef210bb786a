import Foundation

/// Reads OpenTelemetry trace exports in OTLP/JSON
/// (`{"resourceSpans":[{"resource":{…},"scopeSpans":[{"spans":[…]}]}]}`): every span that carries
/// GenAI usage attributes (`gen_ai.usage.*`) becomes one event; other spans are skipped silently,
/// and an export with no GenAI span yields no event and no issue.
///
/// Token rule, from the OpenTelemetry GenAI semantic conventions (registry `gen_ai.usage.*`):
/// `gen_ai.usage.input_tokens` SHOULD include all input tokens, cached ones included, and both
/// `gen_ai.usage.cache_read.input_tokens` and `gen_ai.usage.cache_creation.input_tokens` SHOULD be
/// included in it; `gen_ai.usage.reasoning.output_tokens` is part of `gen_ai.usage.output_tokens`.
/// So `C` = cache read, `W` = cache creation (5-minute TTL: the conventions carry no TTL),
/// `I = input − C − W`, `H` = reasoning and `O = output − H`. Instrumentations that do not follow
/// the SHOULD (an Anthropic `input_tokens` copied as is) give `input < C + W`: the subtraction
/// would be negative, so the input is then read as already uncached. Likewise `output < H` means
/// the output already excluded reasoning. The legacy `gen_ai.usage.prompt_tokens` and
/// `gen_ai.usage.completion_tokens` are read when the current names are absent.
///
/// The rest of the span: provider (`gen_ai.provider.name`, else the deprecated `gen_ai.system`),
/// model (`gen_ai.response.model`, else `gen_ai.request.model`), operation
/// (`gen_ai.operation.name`), id (`gen_ai.response.id`, else the span id), service tier
/// (`openai.response.service_tier` / `gen_ai.openai.response.service_tier`), start time and
/// duration (`startTimeUnixNano`, `endTimeUnixNano`), time to first token
/// (`gen_ai.response.time_to_first_chunk`, seconds), trace, span and parent span ids, and an
/// error status as ``Outcome/success`` `false`. Attribution is described at ``OTLPAttributes``.
///
/// One malformed GenAI span fails the whole export (``JSONUsageImporter`` appends all or nothing).
public struct OTLPGenAIImporter: JSONUsageImporter {
    /// Always ``SourceFormat/otlpGenAI``.
    public var format: SourceFormat { .otlpGenAI }

    /// Creates the importer.
    public init() {}

    /// Whether the record is an OTLP/JSON trace export (has a `resourceSpans` array).
    public func matches(_ record: JSONValue) -> Bool {
        record["resourceSpans"]?.kind == .array
    }

    /// Appends one event per GenAI span of the export.
    ///
    /// - Throws: ``IngestIssue`` naming the attribute or span field at fault.
    public func read(_ record: JSONValue, context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue)
    {
        for resourceSpans in record["resourceSpans"]?.elements ?? [] {
            let resource = OTLPAttributes(resourceSpans["resource", "attributes"])
            for scopeSpans in resourceSpans["scopeSpans"]?.elements ?? [] {
                for span in scopeSpans["spans"]?.elements ?? [] {
                    let attributes = OTLPAttributes(span["attributes"])
                    guard attributes.hasGenAIUsage else { continue }
                    do throws(IngestIssue) {
                        events.append(try event(span, attributes, resource: resource, context: context))
                    } catch {
                        var issue = error
                        if let spanId = span["spanId"]?.string, !spanId.isEmpty {
                            issue.message += " (span \(spanId))"
                        }
                        throw issue
                    }
                }
            }
        }
    }

    private func event(
        _ span: JSONValue, _ attributes: OTLPAttributes, resource: OTLPAttributes, context: RecordContext
    ) throws(IngestIssue) -> UsageEvent {
        let spanId = nonEmpty(span["spanId"]?.string)
        guard
            let model = attributes.string("gen_ai.response.model") ?? attributes.string("gen_ai.request.model")
                ?? context.options.defaultModel
        else {
            throw IngestIssue(.missingField, field: "gen_ai.request.model", "the span names no model")
        }
        let providerName =
            attributes.string("gen_ai.provider.name") ?? attributes.string("gen_ai.system")
            ?? resource.string("gen_ai.provider.name") ?? context.options.defaultProvider ?? "unknown"
        var event = UsageEvent(
            id: attributes.string("gen_ai.response.id") ?? spanId ?? context.contentHashID,
            provider: Self.provider(providerName), model: model,
            operation: attributes.string("gen_ai.operation.name") ?? "chat")
        event.tokens = try tokens(attributes)
        for key in ["openai.response.service_tier", "gen_ai.openai.response.service_tier"] {
            guard let name = attributes.string(key) else { continue }
            guard let tier = ServiceTier(providerName: name) else {
                throw IngestIssue(.invalidValue, field: key, "unknown service tier '\(name)'")
            }
            event.serviceTier = tier
            break
        }
        let start = try nanoseconds(span["startTimeUnixNano"], field: "startTimeUnixNano")
        let end = try nanoseconds(span["endTimeUnixNano"], field: "endTimeUnixNano")
        if let start {
            event.timestamp = Date(
                timeIntervalSince1970: Double(start / 1_000_000_000) + Double(start % 1_000_000_000) / 1e9)
            if let end, end >= start { event.timing.duration = Double(end - start) / 1e9 }
        }
        if let ttft = attributes.double("gen_ai.response.time_to_first_chunk") { event.timing.timeToFirstToken = ttft }
        event.attribution = OTLPAttributes.attribution(resource: resource, span: attributes)
        event.attribution.traceId = nonEmpty(span["traceId"]?.string)
        event.attribution.spanId = spanId
        event.attribution.parentSpanId = nonEmpty(span["parentSpanId"]?.string)
        if let code = span["status", "code"], code.int64 == 2 || code.isString("STATUS_CODE_ERROR") {
            event.outcome = Outcome(success: false)
        }
        return event
    }

    private func tokens(_ attributes: OTLPAttributes) throws(IngestIssue) -> TokenCounts {
        var input = try attributes.count("gen_ai.usage.input_tokens")
        if input == nil { input = try attributes.count("gen_ai.usage.prompt_tokens") }
        var output = try attributes.count("gen_ai.usage.output_tokens")
        if output == nil { output = try attributes.count("gen_ai.usage.completion_tokens") }
        let cacheRead = try attributes.count("gen_ai.usage.cache_read.input_tokens") ?? 0
        let cacheWrite = try attributes.count("gen_ai.usage.cache_creation.input_tokens") ?? 0
        let reasoning = try attributes.count("gen_ai.usage.reasoning.output_tokens") ?? 0
        let prompt = input ?? 0
        let generated = output ?? 0
        return TokenCounts(
            input: prompt >= cacheRead + cacheWrite ? prompt - cacheRead - cacheWrite : prompt, cacheRead: cacheRead,
            cacheWrite5m: cacheWrite, output: generated >= reasoning ? generated - reasoning : generated,
            reasoning: reasoning)
    }

    private func nanoseconds(_ value: JSONValue?, field: String) throws(IngestIssue) -> UInt64? {
        guard let value, !value.isNull else { return nil }
        if let text = value.string {
            if text.isEmpty { return nil }
            if let parsed = UInt64(text) { return parsed == 0 ? nil : parsed }
        } else if let number = value.int64, number >= 0 {
            return number == 0 ? nil : UInt64(number)
        }
        throw IngestIssue(.invalidValue, field: field, "expected Unix nanoseconds, found \(value.jsonText)")
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// Maps `gen_ai.provider.name` values to the provider names of the price catalog
    /// (`aws.bedrock` → `bedrock`, `gcp.vertex_ai` → `vertex_ai`, …); others pass through.
    static func provider(_ name: String) -> String {
        switch name {
        case "aws.bedrock": "bedrock"
        case "gcp.gemini", "gcp.gen_ai": "gemini"
        case "gcp.vertex_ai": "vertex_ai"
        case "azure.ai.openai", "az.ai.openai": "azure"
        case "azure.ai.inference", "az.ai.inference": "azure_ai"
        case "mistral_ai": "mistral"
        case "x_ai": "xai"
        case "ibm.watsonx.ai": "watsonx"
        default: name
        }
    }
}
