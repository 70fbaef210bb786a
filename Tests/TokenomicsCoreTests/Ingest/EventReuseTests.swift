import Foundation
import Testing

@testable import TokenomicsCore
import TokenomicsData

/// A stream recycles the storage of the events it has read (``UsageEvents``): nothing of an
/// event may show through in the next one, whichever importers read them.
@Suite("Recycled events")
struct EventReuseTests {
    static let now = Date(timeIntervalSince1970: 1_760_000_000)
    let engine: CostEngine

    init() throws {
        engine = CostEngine(catalog: try BuiltinData.catalog())
    }

    /// Records that set many fields: every JSON fixture (on one line) and hand-made rich records.
    static func richLines() throws -> [String] {
        let documents = [
            ("openai", "chat_completion.json"), ("openai", "chat_completion_audio.json"),
            ("openai", "response.json"), ("anthropic", "message.json"), ("anthropic", "message_thinking.json"),
            ("anthropic", "message_web_search.json"), ("gemini", "generate_content.json"),
            ("gemini", "vertex_audio.json"), ("bedrock", "converse_with_model.json"), ("otlp", "genai-export.json"),
        ]
        var lines = try documents.map { provider, name in
            // Pretty-printed JSON has no line break inside a string: joining its lines keeps it valid.
            try ImporterFixtures.text(provider, name).split(separator: "\n").joined(separator: " ")
        }
        for (provider, name) in [
            ("openai", "batch_output.jsonl"), ("litellm", "spend-logs.jsonl"), ("mixed", "mixed.jsonl"),
        ] {
            lines += try ImporterFixtures.text(provider, name).split(separator: "\n").map(String.init)
        }
        lines += [
            #"{"id":"rich-chat","object":"chat.completion","created":1759276801,"model":"gpt-4o","provider":"azure","#
                + #""user":"u-1","service_tier":"flex","usage":{"prompt_tokens":900,"completion_tokens":80,"#
                + #""web_search_requests":2,"prompt_tokens_details":{"cached_tokens":100,"audio_tokens":50},"#
                + #""completion_tokens_details":{"reasoning_tokens":20,"audio_tokens":10}},"#
                + #""metadata":{"org":"o","project":"p","team":"t","application":"a","workflow":"w","step":"s","#
                + #""trace_id":"ab","span_id":"cd","parent_span_id":"ef","cost_center":"cc-1","priority":3}}"#,
            #"{"id":"rich-native","timestamp":"2025-10-01T00:00:00Z","provider":"openai","model":"gpt-4o","#
                + #""operation":"embedding","service_tier":"priority","#
                + #""tokens":{"input":10,"cache_read":5,"cache_write":4,"cache_write_1h":1,"retrieval":2,"output":3,"#
                + #""reasoning":1},"estimated":["input"],"#
                + #""modality":{"audio_input_tokens":1,"audio_output_tokens":2,"image_input_tokens":3,"#
                + #""image_output_tokens":4,"images":5,"requests":2,"web_search_queries":6},"#
                + #""timing":{"duration_s":1.5,"ttft_s":0.25},"#
                + #""attribution":{"team":"t","user":"u","trace_id":"ab","tags":{"env":"prod"}},"#
                + #""outcome":{"success":true,"quality":0.9,"value_usd":"1.25"}}"#,
        ]
        return lines
    }

    /// Records that set few fields, one per format, some with a model the catalog does not know.
    static let sparseLines = [
        #"{"model":"no-such-model","usage":{"prompt_tokens":10,"completion_tokens":5}}"#,
        #"{"id":"sparse-chat","object":"chat.completion","model":"gpt-4o","usage":{"prompt_tokens":10,"completion_tokens":5}}"#,
        #"{"id":"sparse-unknown","object":"chat.completion","model":"no-such-model","usage":{"prompt_tokens":1,"completion_tokens":1}}"#,
        #"{"object":"response","model":"gpt-4o","usage":{"input_tokens":3,"output_tokens":1}}"#,
        #"{"type":"message","model":"claude-sonnet-4-5","usage":{"input_tokens":3,"output_tokens":1}}"#,
        #"{"modelId":"no-such-model","stopReason":"end_turn","usage":{"inputTokens":3,"outputTokens":1}}"#,
        #"{"provider":"openai","model":"gpt-4o","tokens":{"input":1}}"#,
    ]

    /// The priced events and issues of each line, read by one stream in order.
    func streamed(_ lines: [String]) -> [([PricedEvent], [IngestIssue])] {
        var stream = CostStream(source: "test", options: ImportOptions(), engine: engine, now: Self.now)
        return lines.enumerated().map { offset, line in
            var priced: [PricedEvent] = []
            let issues = stream.process(line: Array(line.utf8)[...], number: offset + 1) { priced.append(copy $0) }
            return (priced, issues)
        }
    }

    /// The priced events and issues of one line read by a stream of its own, as line `number`.
    func alone(_ line: String, number: Int) -> ([PricedEvent], [IngestIssue]) {
        var stream = CostStream(source: "test", options: ImportOptions(), engine: engine, now: Self.now)
        var priced: [PricedEvent] = []
        // Earlier lines left blank, so that the line number (in issues and hash ids) is the same.
        for blank in 1..<number { _ = stream.process(line: [], number: blank) { _ in } }
        let issues = stream.process(line: Array(line.utf8)[...], number: number) { priced.append(copy $0) }
        return (priced, issues)
    }

    @Test("every sparse record reads as one event, without issues")
    func sparseRecords() {
        for line in Self.sparseLines {
            let (priced, issues) = alone(line, number: 1)
            #expect(issues.isEmpty, "\(line): \(issues)")
            #expect(priced.count == 1, "\(line)")
        }
    }

    @Test("a record read after any other gives what it gives read alone: nothing carries over")
    func nothingCarriesOver() throws {
        let rich = try Self.richLines()
        // Each rich record followed by each sparse one, and the other way round.
        var lines: [String] = []
        for first in rich {
            for second in Self.sparseLines { lines += [first, second, second, first] }
        }
        let streamed = self.streamed(lines)
        var compared = 0
        for (offset, line) in lines.enumerated() {
            let alone = alone(line, number: offset + 1)
            #expect(streamed[offset].0 == alone.0, "line \(offset + 1): \(line)")
            #expect(streamed[offset].1 == alone.1, "line \(offset + 1): \(line)")
            compared += alone.0.count
        }
        // Lines of several events (an OTLP export) are among them.
        #expect(compared > lines.count / 2 && streamed.contains { $0.0.count > 1 })
    }

    @Test("a sparse chat completion after a rich one has no attribution, tags, modality or priced model left")
    func sparseAfterRich() throws {
        let rich = try Self.richLines().first { $0.contains("rich-chat") }
        let streamed = self.streamed([try #require(rich), Self.sparseLines[0], Self.sparseLines[1]])
        let first = try #require(streamed[0].0.first)
        #expect(first.event.attribution.tags == ["cost_center": "cc-1", "priority": "3"])
        #expect(first.event.attribution.parentSpanId == "ef" && first.event.attribution.user == "u-1")
        #expect(first.event.modality.webSearchQueries == 2 && first.event.modality.audioInputTokens == 50)
        #expect(first.event.pricedModel != nil && first.event.provider == "azure")
        let unknown = try #require(streamed[1].0.first)
        #expect(unknown.event.attribution == Attribution() && unknown.event.attribution.isEmpty)
        #expect(unknown.event.modality == ModalityCounts())
        #expect(unknown.event.pricedModel == nil && !unknown.isPriced)
        #expect(unknown.event.timestamp == nil && unknown.event.serviceTier == .standard)
        #expect(unknown.event.provider == "openai" && unknown.event.outcome == nil)
        let known = try #require(streamed[2].0.first)
        #expect(known.event.attribution.isEmpty && known.event.pricedModel == "gpt-4o")
    }

    @Test("a native event with an outcome, timing and tags leaves none of them to the next")
    func nativeAfterRich() throws {
        let rich = try #require(try Self.richLines().first { $0.contains("rich-native") })
        let streamed = self.streamed([rich, Self.sparseLines[6], rich, Self.sparseLines[1]])
        let first = try #require(streamed[0].0.first)
        #expect(first.event.outcome?.success == true && first.event.timing.duration == 1.5)
        #expect(first.event.attribution.tags == ["env": "prod"] && first.event.tokens.estimated != [])
        for sparse in [streamed[1].0, streamed[3].0] {
            let event = try #require(sparse.first).event
            #expect(event.outcome == nil && event.timing == Timing() && event.attribution.isEmpty)
            #expect(event.tokens.estimated == [] && event.modality == ModalityCounts() && event.operation == "chat")
        }
    }

    @Test("CSV rows: a sparse row after a rich one gives what it gives after the header alone")
    func csvRows() throws {
        let text = try IngestTestSupport.fixture("usage-mapped", "csv", subdirectory: "Fixtures/csv")
        let lines = text.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        let rows = Array(lines.dropFirst())
        #expect(rows.count >= 2)
        let order = rows + rows.reversed() + rows
        let streamed = self.streamed([header] + order)
        for (offset, row) in order.enumerated() {
            var stream = CostStream(source: "test", options: ImportOptions(), engine: engine, now: Self.now)
            _ = stream.process(line: Array(header.utf8)[...], number: 1) { _ in }
            for blank in 2..<(offset + 2) { _ = stream.process(line: [], number: blank) { _ in } }
            var priced: [PricedEvent] = []
            let issues = stream.process(line: Array(row.utf8)[...], number: offset + 2) { priced.append(copy $0) }
            #expect(streamed[offset + 1].0 == priced, "row \(offset + 1)")
            #expect(streamed[offset + 1].1 == issues)
        }
    }
}
