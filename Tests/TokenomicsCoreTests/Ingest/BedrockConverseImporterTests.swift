import Foundation
import Testing

@testable import TokenomicsCore

@Suite("BedrockConverseImporter")
struct BedrockConverseImporterTests {
    let importer = BedrockConverseImporter()
    let model = ImportOptions(defaultModel: "anthropic.claude-3-7-sonnet-20250219-v1:0")

    @Test("inputTokens excludes cache reads and writes; cacheDetails split the writes by TTL")
    func doubleCounting() throws {
        let event = try ImporterFixtures.event(importer, "bedrock", "converse.json", options: model)
        #expect(event.tokens.input == 300)
        #expect(event.tokens.cacheRead == 2000)
        #expect(event.tokens.cacheWrite5m == 1000)
        #expect(event.tokens.cacheWrite1h == 200)
        #expect(event.tokens.output == 150)
        #expect(event.tokens.reasoning == 0)
        #expect(event.tokens.total == 3650)
    }

    @Test("uses the request id, the default model, latency as duration, provider and operation")
    func metadata() throws {
        let event = try ImporterFixtures.event(importer, "bedrock", "converse.json", options: model)
        #expect(event.id == "5d1c9a0e-3f2b-4c8d-9e7a-1b2c3d4e5f60")
        #expect(event.model == "anthropic.claude-3-7-sonnet-20250219-v1:0")
        #expect(event.timing.duration == 1.843)
        #expect(event.provider == "bedrock")
        #expect(event.operation == "converse")
        #expect(event.serviceTier == .standard)
    }

    @Test("a modelId and requestId added by a wrapper are used")
    func wrapped() throws {
        let event = try ImporterFixtures.event(importer, "bedrock", "converse_with_model.json")
        #expect(event.model == "us.anthropic.claude-3-7-sonnet-20250219-v1:0")
        #expect(event.id == "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")
        #expect(event.tokens.input == 25 && event.tokens.output == 9)
        #expect(event.tokens.cacheWrite == 0)
    }

    @Test("without modelId or --model the record is rejected on modelId")
    func missingModel() throws {
        let issue = try #require(
            try ImporterFixtures.issue(importer, json: ImporterFixtures.text("bedrock", "converse.json")))
        #expect(issue.field == "modelId" && issue.kind == .missingField)
        #expect(issue.message.contains("--model"))
    }

    @Test("without any id the record gets a content-hash id; the Converse tier object is read")
    func hashID() throws {
        let json =
            #"{"modelId":"amazon.nova-pro-v1:0","serviceTier":{"type":"flex"},"output":{"message":{"role":"assistant","content":[]}},"stopReason":"end_turn","usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2}}"#
        let event = try #require(try ImporterFixtures.events(importer, json: json).first)
        #expect(event.id == UsageEvent.contentHashID(Array(json.utf8)))
        #expect(event.serviceTier == .flex)
    }

    @Test(
        "rejects invalid counts and inconsistent cache details naming the field",
        arguments: [
            (#""inputTokens":-1,"outputTokens":1"#, "usage.inputTokens", IngestIssue.Kind.negativeCount),
            (#""inputTokens":1,"outputTokens":1.5"#, "usage.outputTokens", .nonIntegerCount),
            (
                #""inputTokens":1,"outputTokens":1,"cacheReadInputTokens":1e15"#, "usage.cacheReadInputTokens",
                .absurdCount
            ),
            (#""inputTokens":1"#, "usage.outputTokens", .missingField),
            (
                #""inputTokens":1,"outputTokens":1,"cacheWriteInputTokens":10,"cacheDetails":[{"inputTokens":4,"ttl":"5m"}]"#,
                "usage.cacheDetails", .invalidValue
            ),
        ])
    func failures(usage: String, field: String, kind: IngestIssue.Kind) throws {
        let json = #"{"modelId":"m","stopReason":"end_turn","usage":{\#(usage)}}"#
        let issue = try #require(try ImporterFixtures.issue(importer, json: json))
        #expect(issue.field == field)
        #expect(issue.kind == kind)
    }
}
