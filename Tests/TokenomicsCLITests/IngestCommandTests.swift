import Foundation
import Testing

@Suite("tokenomics ingest and quarantine")
struct IngestCommandTests {
    /// `Samples/mixed-usage.jsonl` in the package.
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/mixed-usage.jsonl").path

    static func temporaryPath(_ suffix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ingest-\(UUID().uuidString)\(suffix)").path
    }

    /// A temporary JSON Lines file of `count` simulated OpenAI chat responses.
    static func simulatedOpenAIFile(count: Int) throws -> String {
        let path = temporaryPath(".jsonl")
        let simulated = try CLIHarness.run([
            "simulate", "usage", "--count", "\(count)", "--format", "openai", "--out", path,
        ])
        try #require(simulated.status == 0)
        return path
    }

    @Test("ingesting the sample twice stores every event once: the second run finds only duplicates")
    func idempotent() throws {
        let ledger = Self.temporaryPath(".sqlite")
        let first = try CLIHarness.run(["ingest", Self.sample, "--ledger", ledger])
        #expect(first.status == 0)
        #expect(first.stdout == "ingest: read 12 lines: 13 stored, 0 duplicates, 0 quarantined → \(ledger)\n")
        let second = try CLIHarness.run(["ingest", Self.sample, "--ledger", ledger])
        #expect(second.status == 0)
        #expect(second.stdout == "ingest: read 12 lines: 0 stored, 13 duplicates, 0 quarantined → \(ledger)\n")
        #expect(FileManager.default.fileExists(atPath: ledger))
    }

    @Test("more events than one transaction holds are all stored, across batches, and once only")
    func severalBatches() throws {
        let input = try IngestCommandTests.simulatedOpenAIFile(count: 12345)
        let ledger = Self.temporaryPath(".sqlite")
        let first = try CLIHarness.run(["ingest", input, "--ledger", ledger])
        #expect(first.status == 0)
        #expect(first.stdout == "ingest: read 12345 lines: 12345 stored, 0 duplicates, 0 quarantined → \(ledger)\n")
        let second = try CLIHarness.run(["ingest", input, "--ledger", ledger])
        #expect(second.stdout == "ingest: read 12345 lines: 0 stored, 12345 duplicates, 0 quarantined → \(ledger)\n")
    }

    @Test("an unreadable line and an unpriced event are quarantined with file:line and reason; exit 1")
    func quarantine() throws {
        let ledger = Self.temporaryPath(".sqlite")
        let input = Self.temporaryPath(".jsonl")
        let good = try String(contentsOfFile: Self.sample, encoding: .utf8).split(separator: "\n")[0]
        let lines = [
            String(good),
            #"{"id":"broken", "model": "#,
            #"{"id":"x1","object":"chat.completion","created":1740830400,"model":"no-such-model-zz","#
                + #""usage":{"prompt_tokens":5,"completion_tokens":1}}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let result = try CLIHarness.run(["ingest", input, "--ledger", ledger])
        #expect(result.status == 1)
        #expect(result.stdout == "ingest: read 3 lines: 1 stored, 0 duplicates, 2 quarantined → \(ledger)\n")

        let list = try CLIHarness.run(["quarantine", "list", "--ledger", ledger])
        #expect(list.status == 0)
        let rows = list.stdout.split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
        try #require(rows.count == 2)
        #expect(rows[0][1] == "\(input):2")
        #expect(rows[0][2].hasPrefix("malformed: "))
        #expect(rows[0][3] == #"{"id":"broken", "model": "#)
        #expect(rows[1][1] == "\(input):3")
        #expect(rows[1][2].hasPrefix("unknown_model: "))
        #expect(rows[1][2].contains("no-such-model-zz"))

        // The unpriced event was not stored as $0: re-ingesting stores nothing new and quarantines again.
        let again = try CLIHarness.run(["ingest", input, "--ledger", ledger])
        #expect(again.stdout == "ingest: read 3 lines: 0 stored, 1 duplicates, 2 quarantined → \(ledger)\n")
    }

    @Test("a file that is not a ledger gives one line naming it and exit 65; a missing one for list, 66")
    func notALedger() throws {
        let notLedger = Self.temporaryPath(".txt")
        try "hello\n".write(toFile: notLedger, atomically: true, encoding: .utf8)
        let result = try CLIHarness.run(["ingest", Self.sample, "--ledger", notLedger])
        #expect(result.status == 65)
        #expect(result.stderr == "error: \(notLedger): is not a Tokenomics ledger (not a SQLite database)\n")
        let missing = try CLIHarness.run(["quarantine", "list", "--ledger", Self.temporaryPath(".sqlite")])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no ledger here"))
    }
}
