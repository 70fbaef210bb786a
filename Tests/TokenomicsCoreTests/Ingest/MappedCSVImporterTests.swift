import Foundation
import Testing

@testable import TokenomicsCore

@Suite("MappedCSVImporter")
struct MappedCSVImporterTests {
    @Test("maps the usual column names case-insensitively; input_tokens is uncached input")
    func fixture() throws {
        let text = try IngestTestSupport.fixture("usage-mapped", "csv", subdirectory: "Fixtures/csv")
        let (events, issues) = IngestTestSupport.read(text)
        #expect(issues.isEmpty)
        try #require(events.count == 2)
        let first = events[0]
        #expect(first.provider == "anthropic")
        #expect(first.model == "claude-sonnet-4")
        #expect(first.serviceTier == .batch)
        #expect(first.timestamp == Timestamp.parse("2025-03-01T12:00:00Z"))
        #expect(
            first.tokens
                == TokenCounts(
                    input: 1000, cacheRead: 3000, cacheWrite5m: 400, cacheWrite1h: 100, retrieval: 250, output: 200,
                    reasoning: 50))
        #expect(first.attribution.team == "search")
        #expect(first.attribution.user == "alice")
        #expect(first.attribution.application == "bot")
        #expect(first.attribution.workflow == "triage")
        #expect(first.attribution.step == "plan")
        #expect(first.attribution.traceId == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(first.outcome == Outcome(success: true, quality: 0.9, valueUSD: Money(decimal: "1.25")))
        #expect(first.timing.duration == 2.5)
        let second = events[1]
        #expect(second.serviceTier == .standard)
        #expect(second.tokens == TokenCounts(input: 800, output: 120))
        #expect(second.outcome == Outcome(success: false))
        #expect(second.attribution.workflow == nil)
    }

    @Test("prompt_tokens includes cached tokens and completion_tokens includes reasoning, OpenAI-style")
    func openAIStyleColumns() throws {
        let text = "model,prompt_tokens,cached_tokens,completion_tokens,reasoning_tokens\ngpt-4o,1000,600,300,120"
        let (events, issues) = IngestTestSupport.read(text)
        #expect(issues.isEmpty)
        let event = try #require(events.first)
        #expect(event.tokens == TokenCounts(input: 400, cacheRead: 600, output: 180, reasoning: 120))
        #expect(event.tokens.prompt == 1000)
        #expect(event.tokens.generated == 300)
    }

    @Test("input_tokens wins over prompt_tokens and is never reduced by the cached tokens")
    func inputIsUncached() throws {
        let text = "model,input_tokens,prompt_tokens,cached_tokens,output_tokens\nm,100,900,800,5"
        let event = try #require(IngestTestSupport.read(text).events.first)
        #expect(event.tokens == TokenCounts(input: 100, cacheRead: 800, output: 5))
    }

    @Test("column options map the file's own names, and unknown keys map columns to tags")
    func columnOptions() throws {
        let options = ImportOptions(
            defaultModel: "gpt-4o-mini", defaultProvider: "openai",
            csvColumns: ["input": "PromptTok", "output_tokens": "GenTok", "timestamp": "When", "cost_center": "CC"])
        let text = "When,PromptTok,GenTok,CC\n2025-03-01 08:00:00,10,20,cc-1"
        let (events, issues) = IngestTestSupport.read(text, options: options)
        #expect(issues.isEmpty)
        let event = try #require(events.first)
        #expect(event.model == "gpt-4o-mini")
        #expect(event.provider == "openai")
        #expect(event.tokens == TokenCounts(input: 10, output: 20))
        #expect(event.timestamp == Timestamp.parse("2025-03-01T08:00:00Z"))
        #expect(event.attribution.tags["cost_center"] == "cc-1")
    }

    @Test("a column option naming a column the header lacks fails the header")
    func missingMappedColumn() {
        #expect(throws: IngestIssue.self) {
            try MappedCSVImporter(
                header: ["model", "input_tokens"], options: ImportOptions(csvColumns: ["output": "Gen"]))
        }
    }

    @Test("a header without a token column is rejected, naming the columns looked for")
    func noTokenColumn() throws {
        do {
            _ = try MappedCSVImporter(header: ["date", "model", "cost"], options: ImportOptions())
            Issue.record("expected the header to be rejected")
        } catch {
            #expect(error.kind == .unknownFormat)
            #expect(error.message.contains("input_tokens"))
            #expect(error.message.contains("completion_tokens"))
        }
        let (events, issues) = IngestTestSupport.read("date,model,cost\n2025-03-01,m,1")
        #expect(events.isEmpty)
        #expect(issues.count == 2)
        #expect(issues.allSatisfy { $0.kind == .unknownFormat })
    }

    @Test("a row without a model is an issue naming model unless a default model is given")
    func missingModel() throws {
        let text = "input_tokens,output_tokens\n1,2"
        let issue = try #require(IngestTestSupport.read(text).issues.first)
        #expect(issue.kind == .missingField)
        #expect(issue.field == "model")
        #expect(issue.line == 2)
        #expect(IngestTestSupport.read(text, options: ImportOptions(defaultModel: "m")).events.count == 1)
    }

    @Test(
        "bad cells are issues naming the file's column",
        arguments: [
            ("-5", IngestIssue.Kind.negativeCount), ("1.5", .nonIntegerCount), ("2000000000000", .absurdCount),
            ("lots", .invalidValue),
        ])
    func badCounts(cell: String, kind: IngestIssue.Kind) throws {
        let issue = try #require(IngestTestSupport.read("Model,Input_Tokens,OUTPUT_TOKENS\nm,1,\(cell)").issues.first)
        #expect(issue.kind == kind)
        #expect(issue.field == "OUTPUT_TOKENS")
    }

    @Test(
        "other bad cells name their column",
        arguments: [
            ("time,model,input_tokens\nthen,m,1", "time"),
            ("model,tier,input_tokens\nm,gold,1", "tier"),
            ("model,prompt_tokens,cached_tokens\nm,10,20", "prompt_tokens"),
            ("model,completion_tokens,reasoning_tokens\nm,10,20", "completion_tokens"),
            ("model,input_tokens,success\nm,1,maybe", "success"),
            ("model,input_tokens,value_usd\nm,1,$3", "value_usd"),
        ])
    func badCells(text: String, column: String) throws {
        let issue = try #require(IngestTestSupport.read(text).issues.first)
        #expect(issue.kind == .invalidValue)
        #expect(issue.field == column)
    }

    @Test("rows without an id get line-qualified hash ids: identical rows differ, a re-read is identical")
    func stableIds() {
        let text = "model,input_tokens\nm,5\nm,5"
        let first = IngestTestSupport.read(text).events.map(\.id)
        #expect(first.count == 2)
        #expect(first[0] != first[1])
        #expect(IngestTestSupport.read(text).events.map(\.id) == first)
        #expect(IngestTestSupport.read("model,input_tokens,id\nm,5,req-1").events.first?.id == "req-1")
    }
}
