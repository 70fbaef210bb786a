import Foundation
import Testing

@testable import TokenomicsCore

@Suite("OTLPGenAIImporter")
struct OTLPGenAIImporterTests {
    /// One OTLP/JSON export line with a single span carrying `attributes` (JSON text of the array).
    static func export(_ attributes: String, extra: String = "") -> String {
        """
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},\
        "scopeSpans":[{"scope":{"name":"t"},"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c",\
        "spanId":"b7ad6b7169203331","startTimeUnixNano":"1740830400000000000",\
        "endTimeUnixNano":"1740830402000000000"\(extra),"attributes":\(attributes)}]}]}]}
        """
    }

    static func int(_ key: String, _ value: String) -> String { #"{"key":"\#(key)","value":{"intValue":\#(value)}}"# }
    static func text(_ key: String, _ value: String) -> String {
        #"{"key":"\#(key)","value":{"stringValue":"\#(value)"}}"#
    }
    static let model = text("gen_ai.request.model", "gpt-4o")

    @Test("reads a pretty-printed multi-line export as one document and maps every GenAI span")
    func prettyPrintedFixture() throws {
        let text = try IngestTestSupport.fixture("genai-export", "json", subdirectory: "Fixtures/json/otlp")
        let (events, issues) = IngestTestSupport.read(text)
        #expect(issues.isEmpty)
        try #require(events.count == 2)

        let openAI = events[0]
        #expect(openAI.id == "chatcmpl-otlp-1")
        #expect(openAI.provider == "openai")
        #expect(openAI.model == "gpt-4o-2024-08-06")
        #expect(openAI.operation == "chat")
        #expect(openAI.serviceTier == .flex)
        #expect(openAI.tokens == TokenCounts(input: 600, cacheRead: 400, output: 200, reasoning: 100))
        #expect(openAI.timestamp == Date(timeIntervalSince1970: 1_740_830_400.25))
        #expect(openAI.timing.duration == 1.5)
        #expect(openAI.timing.timeToFirstToken == 0.35)
        #expect(openAI.attribution.application == "support-bot")
        #expect(openAI.attribution.team == "payments")
        #expect(openAI.attribution.user == "u-42")
        #expect(openAI.attribution.traceId == "5b8efff798038103d269b633813fc60c")
        #expect(openAI.attribution.spanId == "a1b2c3d4e5f60718")
        #expect(openAI.attribution.parentSpanId == "eee19b7ec3c1b174")
        #expect(openAI.attribution.tags["environment"] == "prod")
        #expect(openAI.outcome == nil)

        let anthropic = events[1]
        #expect(anthropic.id == "0f1e2d3c4b5a6978")
        #expect(anthropic.provider == "anthropic")
        #expect(anthropic.model == "claude-sonnet-4-20250514")
        #expect(anthropic.tokens == TokenCounts(input: 500, cacheRead: 3000, cacheWrite5m: 1500, output: 200))
        #expect(anthropic.tokens.prompt == 5000)
        #expect(anthropic.attribution.workflow == "refund-triage")
        #expect(anthropic.outcome?.success == false)
    }

    @Test(
        "input_tokens includes cache reads and writes per the conventions; a smaller input means it excluded them",
        arguments: [
            (1000, 400, 0, TokenCounts(input: 600, cacheRead: 400)),
            (5000, 3000, 1500, TokenCounts(input: 500, cacheRead: 3000, cacheWrite5m: 1500)),
            (700, 700, 0, TokenCounts(input: 0, cacheRead: 700)),
            (100, 900, 50, TokenCounts(input: 100, cacheRead: 900, cacheWrite5m: 50)),
        ])
    func inputRule(input: Int, read: Int, write: Int, expected: TokenCounts) throws {
        let attributes = [
            Self.model, Self.int("gen_ai.usage.input_tokens", "\"\(input)\""),
            Self.int("gen_ai.usage.cache_read.input_tokens", "\(read)"),
            Self.int("gen_ai.usage.cache_creation.input_tokens", "\"\(write)\""),
        ]
        let (events, issues) = IngestTestSupport.read(Self.export("[" + attributes.joined(separator: ",") + "]"))
        #expect(issues.isEmpty)
        #expect(try #require(events.first).tokens == expected)
    }

    @Test("reasoning tokens are part of output_tokens and are not counted twice")
    func reasoningWithinOutput() throws {
        let attributes = [
            Self.model, Self.int("gen_ai.usage.output_tokens", "\"500\""),
            Self.int("gen_ai.usage.reasoning.output_tokens", "\"350\""),
        ]
        let (events, _) = IngestTestSupport.read(Self.export("[" + attributes.joined(separator: ",") + "]"))
        let event = try #require(events.first)
        #expect(event.tokens.output == 150)
        #expect(event.tokens.reasoning == 350)
        #expect(event.tokens.generated == 500)
    }

    @Test("an export without GenAI spans yields no events and no issue")
    func noGenAISpans() {
        let line = Self.export("[" + Self.text("http.request.method", "GET") + "]")
        let (events, issues) = IngestTestSupport.read(line + "\n" + #"{"resourceSpans":[]}"#)
        #expect(events.isEmpty)
        #expect(issues.isEmpty)
    }

    @Test("legacy prompt/completion attribute names, a provider name mapping and an empty parent span id")
    func legacyNames() throws {
        let attributes = [
            Self.text("gen_ai.provider.name", "aws.bedrock"), Self.model,
            Self.int("gen_ai.usage.prompt_tokens", "12"), Self.int("gen_ai.usage.completion_tokens", "\"7\""),
        ]
        let line = Self.export("[" + attributes.joined(separator: ",") + "]", extra: #","parentSpanId":"""#)
        let event = try #require(IngestTestSupport.read(line).events.first)
        #expect(event.provider == "bedrock")
        #expect(event.tokens == TokenCounts(input: 12, output: 7))
        #expect(event.id == "b7ad6b7169203331")
        #expect(event.attribution.parentSpanId == nil)
        #expect(event.attribution.application == "svc")
    }

    @Test(
        "bad counts are issues naming the attribute",
        arguments: [
            (#"{"intValue":"-5"}"#, IngestIssue.Kind.negativeCount),
            (#"{"doubleValue":12.5}"#, .nonIntegerCount),
            (#"{"intValue":"2000000000000"}"#, .absurdCount),
            (#"{"stringValue":"many"}"#, .invalidValue),
        ])
    func badCounts(value: String, kind: IngestIssue.Kind) throws {
        let attributes = "[" + Self.model + #",{"key":"gen_ai.usage.output_tokens","value":\#(value)}]"#
        let (events, issues) = IngestTestSupport.read(Self.export(attributes))
        #expect(events.isEmpty)
        let issue = try #require(issues.first)
        #expect(issue.kind == kind)
        #expect(issue.field == "gen_ai.usage.output_tokens")
        #expect(issue.line == 1)
    }

    @Test("a span with usage but no model is an issue unless a default model is given")
    func missingModel() throws {
        let line = Self.export("[" + Self.int("gen_ai.usage.input_tokens", "\"3\"") + "]")
        let issue = try #require(IngestTestSupport.read(line).issues.first)
        #expect(issue.kind == .missingField)
        #expect(issue.field == "gen_ai.request.model")
        let events = IngestTestSupport.read(line, options: ImportOptions(defaultModel: "gpt-4o-mini")).events
        #expect(events.first?.model == "gpt-4o-mini")
    }

    @Test("a start time that is not Unix nanoseconds is an issue naming the field")
    func badStartTime() throws {
        let line = Self.export("[" + Self.model + "," + Self.int("gen_ai.usage.input_tokens", "1") + "]")
            .replacingOccurrences(of: "\"1740830400000000000\"", with: "\"yesterday\"")
        let issue = try #require(IngestTestSupport.read(line).issues.first)
        #expect(issue.kind == .invalidValue)
        #expect(issue.field == "startTimeUnixNano")
    }

    @Test("an unknown service tier is an issue naming the attribute")
    func badTier() throws {
        let attributes = [
            Self.model, Self.int("gen_ai.usage.input_tokens", "1"), Self.text("openai.response.service_tier", "gold"),
        ]
        let issue = try #require(
            IngestTestSupport.read(Self.export("[" + attributes.joined(separator: ",") + "]")).issues.first)
        #expect(issue.field == "openai.response.service_tier")
    }
}
