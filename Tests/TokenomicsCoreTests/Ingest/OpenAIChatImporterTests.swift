import Foundation
import Testing

@testable import TokenomicsCore

@Suite("OpenAIChatImporter")
struct OpenAIChatImporterTests {
    let importer = OpenAIChatImporter()

    @Test("prompt_tokens includes cached tokens and completion_tokens includes reasoning")
    func doubleCounting() throws {
        let event = try ImporterFixtures.event(importer, "openai", "chat_completion.json")
        #expect(event.tokens.input == 200)
        #expect(event.tokens.cacheRead == 800)
        #expect(event.tokens.output == 200)
        #expect(event.tokens.reasoning == 300)
        #expect(event.tokens.cacheWrite == 0)
        #expect(event.tokens.total == 1500)
        #expect(event.tokens.estimated.isEmpty)
    }

    @Test("reads id, model, created time, default tier, provider and operation")
    func metadata() throws {
        let event = try ImporterFixtures.event(importer, "openai", "chat_completion.json")
        #expect(event.id == "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT")
        #expect(event.model == "o3-mini-2025-01-31")
        #expect(event.timestamp == Date(timeIntervalSince1970: 1_741_569_952))
        #expect(event.serviceTier == .standard)
        #expect(event.provider == "openai")
        #expect(event.operation == "chat")
    }

    @Test("audio tokens move out of prompt and completion into modality counts; user is attributed")
    func audio() throws {
        let event = try ImporterFixtures.event(importer, "openai", "chat_completion_audio.json")
        #expect(event.tokens.input == 60)
        #expect(event.tokens.output == 30)
        #expect(event.modality.audioInputTokens == 100)
        #expect(event.modality.audioOutputTokens == 90)
        #expect(event.attribution.user == "user-4821")
    }

    @Test("a final stream chunk with usage is read with its flex tier")
    func chunkWithUsage() throws {
        let event = try ImporterFixtures.event(importer, "openai", "chat_completion_chunk.json")
        #expect(event.tokens.input == 42 && event.tokens.output == 17)
        #expect(event.serviceTier == .flex)
    }

    @Test("a stream chunk without usage is recognised and gives no event")
    func chunkWithoutUsage() throws {
        let json =
            #"{"id":"chatcmpl-x","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[],"usage":null}"#
        #expect(try ImporterFixtures.events(importer, json: json).isEmpty)
    }

    @Test("a bare usage record without id gets a content-hash id and a provider field is kept")
    func bareRecord() throws {
        let json = #"{"model":"gpt-4o","provider":"azure","usage":{"prompt_tokens":10,"completion_tokens":4}}"#
        let event = try #require(ImporterFixtures.events(importer, json: json).first)
        #expect(event.id == UsageEvent.contentHashID(Array(json.utf8)))
        #expect(event.id.hasPrefix("h-"))
        #expect(event.provider == "azure")
        #expect(event.tokens.input == 10 && event.tokens.output == 4)
        #expect(event.timestamp == nil)
    }

    @Test(
        "maps service tier names",
        arguments: [
            ("default", ServiceTier.standard), ("auto", .standard), ("flex", .flex), ("priority", .priority),
            ("scale", .priority), ("batch", .batch), ("standard", .standard), ("Flex", .flex),
            (#"fl\u0065x"#, .flex), ("on_demand", .standard),
        ])
    func tiers(name: String, tier: ServiceTier) throws {
        let json =
            #"{"object":"chat.completion","model":"gpt-4o","service_tier":"\#(name)","usage":{"prompt_tokens":1,"completion_tokens":1}}"#
        #expect(try ImporterFixtures.events(importer, json: json).first?.serviceTier == tier)
    }

    @Test(
        "rejects invalid counts and impossible splits naming the field",
        arguments: [
            (#""prompt_tokens":-5,"completion_tokens":1"#, "usage.prompt_tokens", IngestIssue.Kind.negativeCount),
            (#""prompt_tokens":1.5,"completion_tokens":1"#, "usage.prompt_tokens", .nonIntegerCount),
            (#""prompt_tokens":2000000000000,"completion_tokens":1"#, "usage.prompt_tokens", .absurdCount),
            (#""prompt_tokens":10,"completion_tokens":"many""#, "usage.completion_tokens", .invalidValue),
            (#""completion_tokens":1"#, "usage.prompt_tokens", .missingField),
            (
                #""prompt_tokens":100,"completion_tokens":1,"prompt_tokens_details":{"cached_tokens":200}"#,
                "usage.prompt_tokens_details.cached_tokens", .invalidValue
            ),
            (
                #""prompt_tokens":100,"completion_tokens":10,"completion_tokens_details":{"reasoning_tokens":11}"#,
                "usage.completion_tokens_details.reasoning_tokens", .invalidValue
            ),
            (
                #""prompt_tokens":100,"completion_tokens":10,"prompt_tokens_details":{"cached_tokens":60,"audio_tokens":50}"#,
                "usage.prompt_tokens_details.audio_tokens", .invalidValue
            ),
        ])
    func failures(usage: String, field: String, kind: IngestIssue.Kind) throws {
        let json = #"{"id":"c1","object":"chat.completion","model":"gpt-4o","usage":{\#(usage)}}"#
        let issue = try #require(try ImporterFixtures.issue(importer, json: json))
        #expect(issue.field == field)
        #expect(issue.kind == kind)
    }

    @Test(
        "accepts whole counts however written, up to 10^12",
        arguments: [
            ("0", Int64(0)), ("-0", 0), ("12.0", 12), ("1e3", 1000), ("\"42\"", 42), ("999999999999", 999_999_999_999),
            ("1000000000000", 1_000_000_000_000),
        ])
    func countForms(written: String, count: Int64) throws {
        let json =
            #"{"object":"chat.completion","model":"m","usage":{"prompt_tokens":\#(written),"completion_tokens":\#(written)}}"#
        let event = try #require(ImporterFixtures.events(importer, json: json).first)
        #expect(event.tokens.input == count && event.tokens.output == count)
    }

    @Test("a count just above 10^12 is absurd")
    func countLimit() throws {
        let json =
            #"{"object":"chat.completion","model":"m","usage":{"prompt_tokens":1000000000001,"completion_tokens":1}}"#
        #expect(try ImporterFixtures.issue(importer, json: json)?.kind == .absurdCount)
    }

    @Test("member names written with escapes are read like plain ones")
    func escapedNames() throws {
        let json =
            #"{"\u0069d":"c9","object":"chat.completion","mod\u0065l":"gpt-4o","service\u005ftier":"flex","#
            + #""us\u0061ge":{"prompt_tok\u0065ns":7,"completion_tokens":2},"#
            + #""metadata":{"te\u0061m":"search","\u0061pp":"bot","cost\u005fcenter":"cc-1"}}"#
        let event = try #require(ImporterFixtures.events(importer, json: json).first)
        #expect(event.id == "c9" && event.model == "gpt-4o" && event.serviceTier == .flex)
        #expect(event.tokens.input == 7 && event.tokens.output == 2)
        #expect(event.attribution.team == "search" && event.attribution.application == "bot")
        #expect(event.attribution.tags == ["cost_center": "cc-1"])
    }

    @Test("an unknown service tier is an invalid value")
    func unknownTier() throws {
        let json =
            #"{"object":"chat.completion","model":"m","service_tier":"gold","usage":{"prompt_tokens":1,"completion_tokens":1}}"#
        let issue = try #require(try ImporterFixtures.issue(importer, json: json))
        #expect(issue.field == "service_tier" && issue.kind == .invalidValue)
    }

    @Test("does not match other formats' records")
    func doesNotMatchOthers() throws {
        let document = JSONDocument()
        for (provider, name) in [
            ("openai", "response.json"), ("anthropic", "message.json"), ("gemini", "generate_content.json"),
            ("bedrock", "converse.json"),
        ] {
            let root = try document.parse(ImporterFixtures.text(provider, name))
            #expect(!importer.matches(root), "matched \(provider)/\(name)")
        }
        #expect(!importer.matches(try document.parse(#"{"object":"list","model":"e","usage":{"prompt_tokens":3}}"#)))
    }
}
