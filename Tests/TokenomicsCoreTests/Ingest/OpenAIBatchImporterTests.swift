import Foundation
import Testing

@testable import TokenomicsCore

@Suite("OpenAIBatchImporter")
struct OpenAIBatchImporterTests {
    let importer = OpenAIBatchImporter()

    func lines(_ name: String) throws -> [String] {
        try ImporterFixtures.text("openai", name).split(separator: "\n").map(String.init)
    }

    @Test("a chat completion body is read at the batch tier with custom_id as a tag")
    func chatBody() throws {
        let event = try #require(try ImporterFixtures.events(importer, json: lines("batch_output.jsonl")[0]).first)
        #expect(event.id == "chatcmpl-BATCH01xYzAbCdEf")
        #expect(event.serviceTier == .batch)
        #expect(event.operation == "chat")
        #expect(event.attribution.tags["custom_id"] == "request-1")
        #expect(event.tokens.input == 22 && event.tokens.output == 2)
    }

    @Test("a Responses body is read with the responses rules at the batch tier")
    func responsesBody() throws {
        let event = try #require(try ImporterFixtures.events(importer, json: lines("batch_output.jsonl")[1]).first)
        #expect(event.operation == "responses")
        #expect(event.serviceTier == .batch)
        #expect(event.tokens.input == 952 && event.tokens.cacheRead == 2048)
        #expect(event.tokens.output == 16 && event.tokens.reasoning == 384)
        #expect(event.attribution.tags["custom_id"] == "request-2")
    }

    @Test("a line with an error is an issue on the error field")
    func errorLine() throws {
        let issue = try #require(try ImporterFixtures.issue(importer, json: lines("batch_errors.jsonl")[0]))
        #expect(issue.field == "error" && issue.kind == .invalidValue)
        #expect(issue.message.contains("batch_expired"))
    }

    @Test("a line with a non-2xx status is an issue on response.status_code")
    func failedStatus() throws {
        let issue = try #require(try ImporterFixtures.issue(importer, json: lines("batch_errors.jsonl")[1]))
        #expect(issue.field == "response.status_code" && issue.kind == .invalidValue)
        #expect(issue.message.contains("400"))
    }

    @Test("issues inside the body name their full path")
    func bodyPath() throws {
        let json =
            #"{"id":"batch_req_1","custom_id":"r","response":{"status_code":200,"body":{"object":"chat.completion","model":"m","usage":{"prompt_tokens":5,"completion_tokens":1,"prompt_tokens_details":{"cached_tokens":9}}}},"error":null}"#
        let issue = try #require(try ImporterFixtures.issue(importer, json: json))
        #expect(issue.field == "response.body.usage.prompt_tokens_details.cached_tokens")
        #expect(issue.kind == .invalidValue)
    }

    @Test("a body without an id takes the batch line's id")
    func lineID() throws {
        let json =
            #"{"id":"batch_req_9","custom_id":"r","response":{"status_code":200,"body":{"model":"m","usage":{"prompt_tokens":5,"completion_tokens":1}}},"error":null}"#
        #expect(try ImporterFixtures.events(importer, json: json).first?.id == "batch_req_9")
    }

    @Test("does not match a plain chat completion or a response")
    func doesNotMatchOthers() throws {
        let document = JSONDocument()
        for name in ["chat_completion.json", "response.json"] {
            #expect(!importer.matches(try document.parse(ImporterFixtures.text("openai", name))))
        }
    }
}
