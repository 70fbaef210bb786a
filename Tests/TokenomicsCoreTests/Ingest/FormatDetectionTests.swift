import Foundation
import Testing

@testable import TokenomicsCore

@Suite("Format detection of provider responses")
struct FormatDetectionTests {
    @Test(
        "UsageReader picks the right importer for each fixture",
        arguments: [
            ("openai", "chat_completion.json", "chat", "openai"),
            ("openai", "chat_completion_audio.json", "chat", "openai"),
            ("openai", "chat_completion_chunk.json", "chat", "openai"),
            ("openai", "response.json", "responses", "openai"),
            ("anthropic", "message.json", "messages", "anthropic"),
            ("anthropic", "message_thinking.json", "messages", "anthropic"),
            ("anthropic", "message_web_search.json", "messages", "anthropic"),
            ("gemini", "generate_content.json", "generate_content", "gemini"),
            ("gemini", "vertex_audio.json", "generate_content", "gemini"),
            ("bedrock", "converse_with_model.json", "converse", "bedrock"),
        ])
    func detects(provider: String, name: String, operation: String, expectedProvider: String) throws {
        let text = try ImporterFixtures.text(provider, name)
        let (events, issues) = ImporterFixtures.readAll(text)
        #expect(issues.isEmpty, "\(issues)")
        #expect(events.count == 1)
        #expect(events.first?.operation == operation)
        #expect(events.first?.provider == expectedProvider)
    }

    @Test("each registered importer matches only its own fixtures")
    func exclusive() throws {
        let fixtures: [(String, String, SourceFormat)] = [
            ("openai", "chat_completion.json", .openAIChat), ("openai", "response.json", .openAIResponses),
            ("anthropic", "message.json", .anthropicMessages),
            ("gemini", "generate_content.json", .geminiGenerateContent),
            ("bedrock", "converse.json", .bedrockConverse),
        ]
        let document = JSONDocument()
        for (provider, name, format) in fixtures {
            let root = try document.parse(ImporterFixtures.text(provider, name))
            let matching = ImporterRegistry.jsonImporters(options: ImportOptions()).filter { $0.matches(root) }
            #expect(matching.map(\.format) == [format], "\(provider)/\(name)")
        }
        for line in try ImporterFixtures.text("openai", "batch_output.jsonl").split(separator: "\n") {
            let root = try document.parse(String(line))
            let matching = ImporterRegistry.jsonImporters(options: ImportOptions()).filter { $0.matches(root) }
            #expect(matching.map(\.format) == [.openAIBatch])
        }
    }

    @Test("a mixed JSON Lines stream is read record by record with the right importer")
    func mixedStream() throws {
        let text = try ImporterFixtures.text("mixed", "mixed.jsonl")
        let (events, issues) = ImporterFixtures.readAll(text, source: "mixed.jsonl")
        #expect(issues.isEmpty, "\(issues)")
        #expect(
            events.map(\.operation) == [
                "chat", "responses", "chat", "messages", "generate_content", "converse", "chat",
            ])
        #expect(events.map(\.provider) == ["openai", "openai", "openai", "anthropic", "gemini", "bedrock", "openai"])
        #expect(events[2].serviceTier == .batch)
        #expect(events[6].id == "evt-native-1")
    }

    @Test("a broken first line of a JSON Lines file is one bad line, not a CSV header for the whole file")
    func brokenFirstLine() throws {
        let text =
            "this is not json\n"
            + #"{"id":"c1","model":"gpt-4o","usage":{"prompt_tokens":5,"completion_tokens":1}}"#
        let (events, issues) = ImporterFixtures.readAll(text, source: "x.jsonl")
        #expect(events.map(\.id) == ["c1"])
        #expect(issues.map(\.line) == [1])
        #expect(issues.map(\.kind) == [.malformed])
    }

    @Test("a first line with commas but no token column is still reported as an unknown CSV header")
    func unknownCSVHeader() throws {
        let (events, issues) = ImporterFixtures.readAll("a,b\n1,2\n", source: "x.csv")
        #expect(events.isEmpty)
        #expect(issues.map(\.line) == [1, 2])
        #expect(issues.allSatisfy { $0.kind == .unknownFormat })
    }

    @Test("batch error lines become issues with their line numbers while the stream continues")
    func batchErrors() throws {
        let good = try ImporterFixtures.text("openai", "batch_output.jsonl")
        let bad = try ImporterFixtures.text("openai", "batch_errors.jsonl")
        let (events, issues) = ImporterFixtures.readAll(bad + good, source: "batch.jsonl")
        #expect(events.count == 2)
        #expect(issues.map(\.field) == ["error", "response.status_code"])
        #expect(issues.map(\.line) == [1, 2])
        #expect(issues.allSatisfy { $0.source == "batch.jsonl" })
    }

    @Test("a Bedrock response without a model id fails through the reader and succeeds with --model")
    func bedrockModel() throws {
        let text = try ImporterFixtures.text("bedrock", "converse.json")
        #expect(ImporterFixtures.readAll(text).issues.first?.field == "modelId")
        let (events, issues) = ImporterFixtures.readAll(
            text, options: ImportOptions(defaultModel: "amazon.nova-pro-v1:0"))
        #expect(issues.isEmpty)
        #expect(events.first?.model == "amazon.nova-pro-v1:0")
    }
}
