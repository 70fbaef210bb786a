import Foundation
import Testing

@testable import TokenomicsCore

@Suite("UsageReader")
struct UsageReaderTests {
    @Test("adds --tag pairs to every event, JSON and CSV alike")
    func tags() {
        let options = ImportOptions(defaultModel: "gpt-4o-mini", tags: ["team": "search", "env": "prod"])
        let json = #"{"id":"n-1","provider":"openai","model":"gpt-4o","tokens":{"input":7}}"#
        let fromJSON = IngestTestSupport.read(json, options: options).events
        #expect(fromJSON.first?.attribution.team == "search")
        #expect(fromJSON.first?.attribution.tags["env"] == "prod")
        let csv = "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,374,44"
        let fromCSV = IngestTestSupport.read(csv, options: options).events
        #expect(fromCSV.count == 1)
        #expect(fromCSV.first?.attribution.team == "search")
    }

    @Test("a JSON array on one line is a list of records; every bad record is reported and none drops the good ones")
    func arrayLine() {
        let line =
            #"[{"id":"a","provider":"openai","model":"gpt-4o","tokens":{"input":1}}, 5, {"x":1}, "#
            + #"{"id":"b","provider":"openai","model":"gpt-4o","tokens":{"input":2}}]"#
        let (events, issues) = IngestTestSupport.read(line)
        #expect(events.map(\.id) == ["a", "b"])
        #expect(issues.count == 2)
        #expect(issues.allSatisfy { $0.line == 1 })
    }

    @Test("a blank line is skipped and a malformed one is reported with its line number")
    func malformed() {
        let text = "\n" + #"{"id":"a","provider":"openai","model":"gpt-4o","tokens":{"input":1}}"# + "\n{oops\n"
        let (events, issues) = IngestTestSupport.read(text)
        #expect(events.count == 1)
        #expect(issues.map(\.line) == [3])
        #expect(issues.first?.kind == .malformed)
    }
}
