import Foundation
import Testing

@testable import TokenomicsCore

@Suite("LiteLLMSpendLogImporter")
struct LiteLLMSpendLogImporterTests {
    static func fixtureEvents() throws -> [UsageEvent] {
        let text = try IngestTestSupport.fixture("spend-logs", "jsonl", subdirectory: "Fixtures/json/litellm")
        let (events, issues) = IngestTestSupport.read(text)
        #expect(issues.isEmpty)
        return events
    }

    /// A one-line spend-log row with the given members replacing or adding to a minimal row.
    static func row(_ members: String) -> String {
        #"{"request_id":"r1","call_type":"acompletion","spend":0.1,"model":"gpt-4o","#
            + #""startTime":"2025-03-01T12:00:00Z","# + members + "}"
    }

    @Test("an OpenAI row: cached tokens within prompt_tokens, reasoning within completion_tokens")
    func openAIRow() throws {
        let event = try #require(try Self.fixtureEvents().first)
        #expect(event.id == "chatcmpl-ll-1")
        #expect(event.provider == "openai")
        #expect(event.model == "gpt-4o")
        #expect(event.operation == "chat")
        #expect(event.tokens == TokenCounts(input: 400, cacheRead: 600, output: 180, reasoning: 120))
        #expect(event.timestamp == Timestamp.parse("2025-03-01T12:00:00Z"))
        #expect(event.timing.duration == 2.5)
        #expect(abs((event.timing.timeToFirstToken ?? 0) - 0.4) < 1e-6)
        #expect(event.attribution.user == "alice")
        #expect(event.attribution.team == "search")
        #expect(event.attribution.org == "org-9")
        #expect(event.attribution.tags["team_id"] == "team-1")
        #expect(event.attribution.tags["litellm_spend"] == "0.00123")
        #expect(event.attribution.tags["end_user"] == "cust-9")
        #expect(event.attribution.tags["api_key_alias"] == "prod-key")
        #expect(event.attribution.tags["request_tags"] == "prod,search")
        #expect(event.attribution.tags["cost_center"] == "cc-7")
        #expect(event.attribution.tags["model_id"] == "model-abc")
        #expect(event.attribution.tags["litellm_cache_hit"] == nil)
    }

    @Test("an Anthropic row with metadata as a JSON string: cache reads and writes (1 h split) inside prompt_tokens")
    func anthropicRow() throws {
        let event = try Self.fixtureEvents()[1]
        #expect(event.provider == "anthropic")
        #expect(event.operation == "messages")
        #expect(
            event.tokens == TokenCounts(input: 200, cacheRead: 3000, cacheWrite5m: 1500, cacheWrite1h: 500, output: 100)
        )
        #expect(event.attribution.user == "bob")
        #expect(event.attribution.team == "team-2")
        #expect(event.attribution.tags["request_tags"] == "batch-eval")
        #expect(event.attribution.tags["litellm_spend"] == "0.0141")
        #expect(event.timing.duration == 4)
    }

    @Test("an embedding row: provider from the model prefix, a zone-less time, a LiteLLM cache hit tagged")
    func embeddingRow() throws {
        let event = try Self.fixtureEvents()[2]
        #expect(event.provider == "bedrock")
        #expect(event.operation == "embedding")
        #expect(event.tokens == TokenCounts(input: 50))
        #expect(event.timestamp == Timestamp.parse("2025-03-01T12:02:05.123Z"))
        #expect(event.attribution.tags["litellm_cache_hit"] == "true")
        #expect(event.attribution.tags["model_group"] == "titan-embed")
    }

    @Test("the classes add back up to LiteLLM's prompt and completion counts")
    func noDoubleCounting() throws {
        let events = try Self.fixtureEvents()
        #expect(events.map(\.tokens.prompt) == [1000, 5200, 50])
        #expect(events.map(\.tokens.generated) == [300, 100, 0])
        #expect(events.map(\.tokens.total) == [1300, 5300, 50])
    }

    @Test(
        "call types map to operations",
        arguments: [
            ("acompletion", "chat"), ("completion", "chat"), ("aembedding", "embedding"),
            ("atext_completion", "text_completion"), ("aresponses", "responses"), ("anthropic_messages", "messages"),
            ("aimage_generation", "image_generation"), ("pass_through_endpoint", "pass_through_endpoint"),
        ])
    func operations(callType: String, operation: String) {
        #expect(LiteLLMSpendLogImporter.operation(callType) == operation)
    }

    @Test(
        "bad rows are issues naming the field",
        arguments: [
            (#""prompt_tokens":-3"#, IngestIssue.Kind.negativeCount, "prompt_tokens"),
            (#""completion_tokens":2.5"#, .nonIntegerCount, "completion_tokens"),
            (#""prompt_tokens":5000000000000"#, .absurdCount, "prompt_tokens"),
            (
                #""prompt_tokens":10,"metadata":{"usage_object":{"prompt_tokens_details":{"cached_tokens":20}}}"#,
                .invalidValue, "metadata.usage_object.prompt_tokens_details.cached_tokens"
            ),
            (
                #""completion_tokens":10,"metadata":{"usage_object":{"completion_tokens_details":{"reasoning_tokens":11}}}"#,
                .invalidValue, "metadata.usage_object.completion_tokens_details.reasoning_tokens"
            ),
            (#""prompt_tokens":1,"endTime":"later""#, .invalidValue, "endTime"),
            (#""prompt_tokens":1,"metadata":"{not json""#, .invalidValue, "metadata"),
        ])
    func badRows(members: String, kind: IngestIssue.Kind, field: String) throws {
        let (events, issues) = IngestTestSupport.read(Self.row(members))
        #expect(events.isEmpty)
        let issue = try #require(issues.first)
        #expect(issue.kind == kind)
        #expect(issue.field == field)
    }

    @Test("a bad start time is an issue naming startTime")
    func badStartTime() throws {
        let line = Self.row(#""prompt_tokens":1"#).replacingOccurrences(of: "2025-03-01T12:00:00Z", with: "noon")
        let issue = try #require(IngestTestSupport.read(line).issues.first)
        #expect(issue.kind == .invalidValue)
        #expect(issue.field == "startTime")
    }

    @Test("a row with no model uses the default model, else is an issue naming model")
    func missingModel() throws {
        let line = Self.row(#""prompt_tokens":1"#).replacingOccurrences(
            of: #""model":"gpt-4o","#, with: #""model":"","#)
        let issue = try #require(IngestTestSupport.read(line).issues.first)
        #expect(issue.kind == .missingField)
        #expect(issue.field == "model")
        let event = IngestTestSupport.read(line, options: ImportOptions(defaultModel: "gpt-4.1")).events.first
        #expect(event?.model == "gpt-4.1")
    }
}
