import Foundation
import Testing

@testable import TokenomicsCore

@Suite("AnthropicMessagesImporter")
struct AnthropicMessagesImporterTests {
    let importer = AnthropicMessagesImporter()

    @Test("input_tokens excludes the cache; cache writes keep their 5m / 1h split")
    func doubleCounting() throws {
        let event = try ImporterFixtures.event(importer, "anthropic", "message.json")
        #expect(event.tokens.input == 50)
        #expect(event.tokens.cacheRead == 90_000)
        #expect(event.tokens.cacheWrite5m == 1000)
        #expect(event.tokens.cacheWrite1h == 2000)
        #expect(event.tokens.output == 2000)
        #expect(event.tokens.reasoning == 0)
        #expect(event.tokens.estimated.isEmpty)
        #expect(event.tokens.total == 50 + 90_000 + 3000 + 2000)
    }

    @Test("reads id, model, tier, provider and operation; the response has no time")
    func metadata() throws {
        let event = try ImporterFixtures.event(importer, "anthropic", "message.json")
        #expect(event.id == "msg_01XFDUDYJgAACzvnptvVoYEL")
        #expect(event.model == "claude-sonnet-4-5-20250929")
        #expect(event.serviceTier == .standard)
        #expect(event.provider == "anthropic")
        #expect(event.operation == "messages")
        #expect(event.timestamp == nil)
    }

    @Test("without the TTL split all cache creation is 5-minute")
    func noSplit() throws {
        let json =
            #"{"id":"msg_1","type":"message","model":"claude-3-5-haiku-20241022","usage":{"input_tokens":5,"cache_creation_input_tokens":700,"cache_read_input_tokens":0,"output_tokens":3}}"#
        let event = try #require(try ImporterFixtures.events(importer, json: json).first)
        #expect(event.tokens.cacheWrite5m == 700 && event.tokens.cacheWrite1h == 0)
    }

    @Test("thinking is estimated from the thinking blocks, taken out of output and flagged")
    func thinking() throws {
        let event = try ImporterFixtures.event(importer, "anthropic", "message_thinking.json")
        // 155 characters of thinking → 39 tokens; 108 base64 characters of redacted thinking → 20.
        #expect(event.tokens.reasoning == 59)
        #expect(event.tokens.output == 310 - 59)
        #expect(event.tokens.isEstimated(.reasoning))
        #expect(event.tokens.isEstimated(.output))
        #expect(!event.tokens.isEstimated(.input))
    }

    @Test("the thinking estimate is capped at output_tokens")
    func thinkingCap() throws {
        let long = String(repeating: "think ", count: 200)
        let json =
            #"{"id":"msg_2","type":"message","model":"claude-opus-4-1","content":[{"type":"thinking","thinking":"\#(long)","signature":"x"}],"usage":{"input_tokens":5,"output_tokens":40}}"#
        let event = try #require(try ImporterFixtures.events(importer, json: json).first)
        #expect(event.tokens.reasoning == 40 && event.tokens.output == 0)
    }

    @Test("server web searches are counted and the priority tier is read")
    func webSearch() throws {
        let event = try ImporterFixtures.event(importer, "anthropic", "message_web_search.json")
        #expect(event.modality.webSearchQueries == 1)
        #expect(event.serviceTier == .priority)
        #expect(event.tokens.input == 6039 && event.tokens.output == 931)
    }

    @Test(
        "rejects invalid counts and inconsistent cache splits naming the field",
        arguments: [
            (#""input_tokens":-3,"output_tokens":1"#, "usage.input_tokens", IngestIssue.Kind.negativeCount),
            (#""input_tokens":3,"output_tokens":0.5"#, "usage.output_tokens", .nonIntegerCount),
            (
                #""input_tokens":3,"output_tokens":1,"cache_read_input_tokens":5e12"#, "usage.cache_read_input_tokens",
                .absurdCount
            ),
            (#""output_tokens":1"#, "usage.input_tokens", .missingField),
            (
                #""input_tokens":3,"output_tokens":1,"cache_creation_input_tokens":10,"cache_creation":{"ephemeral_5m_input_tokens":4,"ephemeral_1h_input_tokens":7}"#,
                "usage.cache_creation", .invalidValue
            ),
            (#""input_tokens":3,"output_tokens":1,"service_tier":"gold""#, "usage.service_tier", .invalidValue),
        ])
    func failures(usage: String, field: String, kind: IngestIssue.Kind) throws {
        let json = #"{"id":"msg_3","type":"message","model":"claude-sonnet-4-5","usage":{\#(usage)}}"#
        let issue = try #require(try ImporterFixtures.issue(importer, json: json))
        #expect(issue.field == field)
        #expect(issue.kind == kind)
    }

    @Test("does not match other formats' records")
    func doesNotMatchOthers() throws {
        let document = JSONDocument()
        for (provider, name) in [
            ("openai", "chat_completion.json"), ("openai", "response.json"), ("gemini", "generate_content.json"),
            ("bedrock", "converse.json"),
        ] {
            #expect(!importer.matches(try document.parse(ImporterFixtures.text(provider, name))))
        }
    }
}
