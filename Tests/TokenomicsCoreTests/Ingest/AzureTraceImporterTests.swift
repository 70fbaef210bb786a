import Foundation
import Testing

@testable import TokenomicsCore

@Suite("AzureTraceImporter")
struct AzureTraceImporterTests {
    static let header = "TIMESTAMP,ContextTokens,GeneratedTokens"
    static let options = ImportOptions(defaultModel: "gpt-4")

    @Test("the exact header selects the Azure importer; any other header the mapped CSV importer")
    func selection() throws {
        let azure = try ImporterRegistry.csvImporter(
            header: Self.header.split(separator: ",").map(String.init), options: Self.options)
        #expect(azure.format == .azureTrace)
        let other = try ImporterRegistry.csvImporter(header: ["timestamp", "input_tokens"], options: Self.options)
        #expect(other.format == .csv)
    }

    @Test("maps context tokens to input and generated tokens to output, at the row's UTC time")
    func mapping() throws {
        let text = Self.header + "\n2023-11-16 18:15:46.6805900,374,44"
        let event = try #require(IngestTestSupport.read(text, options: Self.options).events.first)
        #expect(event.model == "gpt-4")
        #expect(event.provider == "unknown")
        #expect(event.operation == "chat")
        #expect(event.tokens == TokenCounts(input: 374, output: 44))
        #expect(abs((event.timestamp?.timeIntervalSince1970 ?? 0) - 1_700_158_546.68059) < 1e-6)
        let withProvider = ImportOptions(defaultModel: "gpt-4", defaultProvider: "azure")
        #expect(IngestTestSupport.read(text, options: withProvider).events.first?.provider == "azure")
    }

    @Test("reads the first 1000 lines of the real trace without an issue, with unique and stable ids")
    func realTrace() throws {
        let text = try IngestTestSupport.sharedLines("azure-llm-inference-2023-conv.csv", first: 1000)
        let (events, issues) = IngestTestSupport.read(text, options: Self.options)
        #expect(issues.isEmpty)
        #expect(events.count == 999)
        #expect(events.first?.tokens == TokenCounts(input: 374, output: 44))
        #expect(Set(events.map(\.id)).count == 999)
        #expect(events.allSatisfy { $0.timestamp != nil && $0.tokens.input > 0 })
        #expect(IngestTestSupport.read(text, options: Self.options).events.map(\.id) == events.map(\.id))
    }

    @Test("identical rows on different lines are distinct events")
    func identicalRows() {
        let row = "2023-11-16 18:15:46.6805900,374,44"
        let events = IngestTestSupport.read([Self.header, row, row].joined(separator: "\n"), options: Self.options)
            .events
        #expect(events.count == 2)
        #expect(events[0].id != events[1].id)
    }

    @Test("without a model every row is an issue telling the user to name one")
    func missingModel() throws {
        let text = Self.header + "\n2023-11-16 18:15:46.6805900,374,44"
        let issue = try #require(IngestTestSupport.read(text).issues.first)
        #expect(issue.kind == .missingField)
        #expect(issue.field == "model")
        #expect(issue.message.contains("--model"))
    }

    @Test(
        "bad rows are issues naming the column",
        arguments: [
            ("2023-11-16 18:15:46,-3,4", IngestIssue.Kind.negativeCount, "ContextTokens"),
            ("2023-11-16 18:15:46,3.5,4", .nonIntegerCount, "ContextTokens"),
            ("2023-11-16 18:15:46,3,9999999999999", .absurdCount, "GeneratedTokens"),
            ("2023-11-16 18:15:46,3,", .missingField, "GeneratedTokens"),
            ("16/11/2023,3,4", .invalidValue, "TIMESTAMP"),
        ])
    func badRows(row: String, kind: IngestIssue.Kind, column: String) throws {
        let issue = try #require(IngestTestSupport.read(Self.header + "\n" + row, options: Self.options).issues.first)
        #expect(issue.kind == kind)
        #expect(issue.field == column)
        #expect(issue.line == 2)
    }
}
