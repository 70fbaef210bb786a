import Foundation
import Testing

@testable import TokenomicsCore

@Suite("ImporterRegistry")
struct ImporterRegistryTests {
    @Test("lists wrappers and traces first, provider responses next, native events last")
    func order() {
        let formats = ImporterRegistry.jsonImporters(options: ImportOptions()).map(\.format)
        #expect(
            formats == [
                .otlpGenAI, .openAIBatch, .liteLLMSpendLog, .mooncakeTrace, .openAIChat, .openAIResponses,
                .anthropicMessages, .geminiGenerateContent, .bedrockConverse, .nativeEvent,
            ])
    }

    @Test("detects the format of every line of a mixed JSON Lines stream")
    func mixedStream() throws {
        let lines = [
            OTLPGenAIImporterTests.export(
                "[" + OTLPGenAIImporterTests.model + ","
                    + OTLPGenAIImporterTests.int("gen_ai.usage.input_tokens", "\"9\"")
                    + "]"),
            #"{"request_id":"ll-1","call_type":"acompletion","spend":0,"model":"gpt-4o","prompt_tokens":4}"#,
            #"{"timestamp": 5, "input_length": 3, "output_length": 2, "hash_ids": [1]}"#,
            #"{"id":"n-1","provider":"openai","model":"gpt-4o","tokens":{"input":7}}"#,
            #"{"hello":"world"}"#,
        ]
        let options = ImportOptions(defaultModel: "kimi", traceStart: Date(timeIntervalSince1970: 0))
        let (events, issues) = IngestTestSupport.read(lines.joined(separator: "\n"), options: options)
        #expect(events.map(\.id) == ["b7ad6b7169203331", "ll-1", events[2].id, "n-1"])
        #expect(events.map(\.tokens.input) == [9, 4, 3, 7])
        #expect(events[2].model == "kimi")
        #expect(issues.count == 1)
        #expect(issues.first?.kind == .unknownFormat)
        #expect(issues.first?.line == 5)
    }

    @Test("import tags are added to events of every new format")
    func tags() {
        let options = ImportOptions(defaultModel: "m", tags: ["env": "test"])
        let text = "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,1,2"
        #expect(IngestTestSupport.read(text, options: options).events.first?.attribution.tags["env"] == "test")
    }
}
