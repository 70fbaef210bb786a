import Foundation
import Testing

@testable import TokenomicsCore

@Suite("OpenAIResponsesImporter")
struct OpenAIResponsesImporterTests {
    let importer = OpenAIResponsesImporter()

    @Test("input_tokens includes cached tokens and output_tokens includes reasoning")
    func doubleCounting() throws {
        let event = try ImporterFixtures.event(importer, "openai", "response.json")
        #expect(event.tokens.input == 1376)
        #expect(event.tokens.cacheRead == 1024)
        #expect(event.tokens.output == 260)
        #expect(event.tokens.reasoning == 640)
        #expect(event.tokens.total == 3300)
    }

    @Test("reads id, created_at, priority tier, operation, web searches and metadata")
    func metadata() throws {
        let event = try ImporterFixtures.event(importer, "openai", "response.json")
        #expect(event.id == "resp_67ccd3a9da748190baa7f1570fe91ac604becb25c45c1d41")
        #expect(event.timestamp == Date(timeIntervalSince1970: 1_741_476_777))
        #expect(event.model == "gpt-5-2025-08-07")
        #expect(event.serviceTier == .priority)
        #expect(event.operation == "responses")
        #expect(event.provider == "openai")
        #expect(event.modality.webSearchQueries == 2)
        #expect(event.attribution.team == "growth")
        #expect(event.attribution.tags["feature"] == "daily-digest")
    }

    @Test("reads the response inside a response.completed stream event")
    func streamEvent() throws {
        let inner = try ImporterFixtures.text("openai", "response.json")
        let json = #"{"type":"response.completed","sequence_number":42,"response":\#(inner)}"#
        let event = try #require(try ImporterFixtures.events(importer, json: json).first)
        #expect(event.tokens.reasoning == 640)
    }

    @Test(
        "rejects invalid counts and impossible splits naming the field",
        arguments: [
            (#""input_tokens":-1,"output_tokens":1"#, "usage.input_tokens", IngestIssue.Kind.negativeCount),
            (#""input_tokens":1,"output_tokens":2.25"#, "usage.output_tokens", .nonIntegerCount),
            (#""input_tokens":1e13,"output_tokens":1"#, "usage.input_tokens", .absurdCount),
            (
                #""input_tokens":10,"output_tokens":1,"input_tokens_details":{"cached_tokens":11}"#,
                "usage.input_tokens_details.cached_tokens", .invalidValue
            ),
            (
                #""input_tokens":10,"output_tokens":1,"output_tokens_details":{"reasoning_tokens":2}"#,
                "usage.output_tokens_details.reasoning_tokens", .invalidValue
            ),
        ])
    func failures(usage: String, field: String, kind: IngestIssue.Kind) throws {
        let json = #"{"id":"resp_1","object":"response","created_at":1,"model":"gpt-5","usage":{\#(usage)}}"#
        let issue = try #require(try ImporterFixtures.issue(importer, json: json))
        #expect(issue.field == field)
        #expect(issue.kind == kind)
    }

    @Test("a response without a model uses the default model, else names the field")
    func model() throws {
        let json = #"{"object":"response","usage":{"input_tokens":1,"output_tokens":1}}"#
        let event = try ImporterFixtures.events(importer, json: json, options: ImportOptions(defaultModel: "gpt-5"))
        #expect(event.first?.model == "gpt-5")
        let issue = try #require(try ImporterFixtures.issue(importer, json: json))
        #expect(issue.field == "model" && issue.kind == .missingField)
    }
}
