import Foundation
import Testing

@testable import TokenomicsCore

@Suite("DemoWorkload trace reading")
struct DemoWorkloadTraceTests {
    static let header = DemoWorkload.traceHeader

    static func read(_ text: String) throws(IngestIssue) -> [DemoWorkload.TraceRequest] {
        try DemoWorkload.requests(fromTrace: Data(text.utf8), source: "trace.csv")
    }

    @Test("reads LF and CRLF lines, with or without a final line end, numbering lines from the header")
    func lineEnds() throws {
        let rows = ["2023-11-16 18:15:46.6805900,374,44", "2023-11-16 18:15:50.9951690,396,109"]
        for separator in ["\n", "\r\n"] {
            for end in ["", separator] {
                let requests = try Self.read(([Self.header] + rows).joined(separator: separator) + end)
                #expect(requests.map(\.line) == [2, 3])
                #expect(requests.map(\.contextTokens) == [374, 396])
                #expect(requests.map(\.generatedTokens) == [44, 109])
                let time = try #require(requests.first?.timestamp.timeIntervalSince1970)
                #expect(abs(time - 1_700_158_546.68059) < 1e-6)
            }
        }
        #expect(try Self.read(Self.header).isEmpty)
    }

    @Test(
        "a malformed line is an error naming its line and column, never skipped",
        arguments: [
            ("2023-11-16 18:15:46.68,374,44\nyesterday,1,2", 3, "TIMESTAMP", IngestIssue.Kind.invalidValue),
            ("2023-11-16 18:15:46.68,-5,44", 2, "ContextTokens", .negativeCount),
            ("2023-11-16 18:15:46.68,374,4.5", 2, "GeneratedTokens", .nonIntegerCount),
            ("2023-11-16 18:15:46.68,many,44", 2, "ContextTokens", .invalidValue),
            ("2023-11-16 18:15:46.68,,44", 2, "ContextTokens", .missingField),
            (",374,44", 2, "TIMESTAMP", .missingField),
            ("2023-11-16 18:15:46.68,374", 2, nil, .malformed),
            ("2023-11-16 18:15:46.68,374,44,1", 2, nil, .malformed),
            ("2023-11-16 18:15:46.68,374,44\n\n2023-11-16 18:15:47.00,1,2", 3, nil, .malformed),
        ] as [(String, Int, String?, IngestIssue.Kind)])
    func malformedLine(rows: String, line: Int, field: String?, kind: IngestIssue.Kind) {
        let issue = #expect(throws: IngestIssue.self) { _ = try Self.read(Self.header + "\n" + rows) }
        #expect(issue?.line == line)
        #expect(issue?.field == field)
        #expect(issue?.kind == kind)
        #expect(issue?.source == "trace.csv")
    }

    @Test("a missing or different header is an error on line 1")
    func header() {
        for text in ["", "time,context,generated\n2023-11-16 18:15:46.68,374,44"] {
            #expect(throws: IngestIssue.self) { _ = try Self.read(text) }
        }
        let issue = #expect(throws: IngestIssue.self) {
            _ = try Self.read("TIMESTAMP,ContextTokens\n2023-11-16 18:15:46.68,374")
        }
        #expect(issue?.line == 1)
    }

    @Test("the error names the file and line in one sentence")
    func description() throws {
        let issue = #expect(throws: IngestIssue.self) {
            _ = try DemoWorkload.events(fromTrace: Data((Self.header + "\n2023-11-16 18:15:46.68,x,1").utf8))
        }
        #expect(
            issue?.description
                == "azure-llm-inference-2023-conv.csv:2: field 'ContextTokens': expected a token count, found 'x'")
    }
}
