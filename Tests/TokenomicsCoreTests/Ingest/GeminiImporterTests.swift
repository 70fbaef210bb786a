import Foundation
import Testing

@testable import TokenomicsCore

@Suite("GeminiImporter")
struct GeminiImporterTests {
    let importer = GeminiImporter()

    @Test("promptTokenCount includes the cache, candidates exclude thoughts, tool-use prompt is input")
    func doubleCounting() throws {
        let event = try ImporterFixtures.event(importer, "gemini", "generate_content.json")
        #expect(event.tokens.input == 12_000 - 9000 + 100)
        #expect(event.tokens.cacheRead == 9000)
        #expect(event.tokens.output == 800)
        #expect(event.tokens.reasoning == 1500)
        #expect(event.tokens.total == 14_400)
    }

    @Test("reads responseId, modelVersion, provider, operation and grounding queries")
    func metadata() throws {
        let event = try ImporterFixtures.event(importer, "gemini", "generate_content.json")
        #expect(event.id == "kDmRaPq8N6ePz7IPm8XV4Aw")
        #expect(event.model == "gemini-2.5-pro")
        #expect(event.provider == "gemini")
        #expect(event.operation == "generate_content")
        #expect(event.serviceTier == .standard)
        #expect(event.timestamp == nil)
        #expect(event.modality.webSearchQueries == 2)
    }

    @Test("Vertex: audio and image prompt tokens move to modality counts; createTime is read")
    func vertexMedia() throws {
        let event = try ImporterFixtures.event(importer, "gemini", "vertex_audio.json")
        #expect(event.tokens.input == 8)
        #expect(event.modality.audioInputTokens == 766)
        #expect(event.modality.imageInputTokens == 258)
        #expect(event.tokens.output == 11)
        #expect(event.timestamp == Timestamp.parse("2025-03-14T09:26:53.518247Z"))
        #expect(event.id == "XfXTZ-DrH4XnnvgP8PqB0QE")
    }

    @Test("generated image and audio tokens move out of the candidates count")
    func outputMedia() throws {
        let json =
            #"{"modelVersion":"gemini-2.5-flash-image","usageMetadata":{"promptTokenCount":10,"candidatesTokenCount":1300,"candidatesTokensDetails":[{"modality":"IMAGE","tokenCount":1290},{"modality":"TEXT","tokenCount":10}]}}"#
        let event = try #require(try ImporterFixtures.events(importer, json: json).first)
        #expect(event.tokens.output == 10)
        #expect(event.modality.imageOutputTokens == 1290)
        #expect(event.id.hasPrefix("h-"))
    }

    @Test(
        "rejects invalid counts and impossible splits naming the field",
        arguments: [
            (#""promptTokenCount":-1"#, "usageMetadata.promptTokenCount", IngestIssue.Kind.negativeCount),
            (
                #""promptTokenCount":10,"candidatesTokenCount":2.5"#, "usageMetadata.candidatesTokenCount",
                .nonIntegerCount
            ),
            (
                #""promptTokenCount":10,"thoughtsTokenCount":3000000000000"#, "usageMetadata.thoughtsTokenCount",
                .absurdCount
            ),
            (#""candidatesTokenCount":1"#, "usageMetadata.promptTokenCount", .missingField),
            (
                #""promptTokenCount":10,"cachedContentTokenCount":11"#, "usageMetadata.cachedContentTokenCount",
                .invalidValue
            ),
            (
                #""promptTokenCount":10,"promptTokensDetails":[{"modality":"AUDIO","tokenCount":20}]"#,
                "usageMetadata.promptTokensDetails", .invalidValue
            ),
        ])
    func failures(usage: String, field: String, kind: IngestIssue.Kind) throws {
        let json = #"{"responseId":"r1","modelVersion":"gemini-2.5-flash","usageMetadata":{\#(usage)}}"#
        let issue = try #require(try ImporterFixtures.issue(importer, json: json))
        #expect(issue.field == field)
        #expect(issue.kind == kind)
    }

    @Test("a response without modelVersion needs a default model")
    func model() throws {
        let json = #"{"usageMetadata":{"promptTokenCount":4,"candidatesTokenCount":2}}"#
        let issue = try #require(try ImporterFixtures.issue(importer, json: json))
        #expect(issue.field == "modelVersion" && issue.kind == .missingField)
        let events = try ImporterFixtures.events(
            importer, json: json, options: ImportOptions(defaultModel: "gemini-2.0-flash"))
        #expect(events.first?.model == "gemini-2.0-flash")
    }
}
